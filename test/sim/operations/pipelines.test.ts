/** Pipeline definitions through the real AWS SDK over loopback. */

import {readFileSync} from 'node:fs';
import {
	CreatePipelineCommand,
	DeletePipelineCommand,
	GetPipelineCommand,
	PipelineNameInUseException,
	PipelineNotFoundException,
	UpdatePipelineCommand,
	paginateListPipelines,
	type CreatePipelineCommandInput,
} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

const SEED_AS_WRITTEN = JSON.parse(readFileSync(new URL('../../fixtures/sim/seed-000-pipeline.json', import.meta.url), 'utf8')) as CreatePipelineCommandInput;
/** The seed names its role without an account id, which CreatePipeline refuses: give it alpha's. */
const SEED = structuredClone(SEED_AS_WRITTEN);
SEED.pipeline!.roleArn = 'arn:aws:iam::210987654321:role/CodePipelineServiceRole';

let harness: SimHarness;

beforeAll(async () => {
	harness = await startHarness({accounts: ACCOUNTS, pipelines: []});
});

afterAll(async () => {
	await harness.stop();
});

function renamed(name: string): CreatePipelineCommandInput {
	const input = structuredClone(SEED);
	input.pipeline!.name = name;
	return input;
}

describe('pipeline definitions over the wire', () => {
	test('a roleArn without the account id is refused as the model\'s pattern says', async () => {
		const refused = await failure(harness.codepipeline('alpha').send(new CreatePipelineCommand(structuredClone(SEED_AS_WRITTEN))));
		expect(refused.name).toBe('ValidationException');
		expect(refused.message).toBe("1 validation error detected: Value 'arn:aws:iam::role/CodePipelineServiceRole' at 'pipeline.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*");
	});

	test('the seed document (with an account id) is accepted by CreatePipeline and read back by GetPipeline', async () => {
		const client = harness.codepipeline('alpha');
		const created = await client.send(new CreatePipelineCommand(structuredClone(SEED)));
		expect(created.pipeline?.name).toBe('my-app-pipeline');
		expect(created.pipeline?.version).toBe(1);
		const got = await client.send(new GetPipelineCommand({name: 'my-app-pipeline'}));
		expect(got.pipeline?.stages?.map(stage => stage.name)).toEqual(['Source', 'Build', 'ManualApproval', 'Deploy']);
		expect(got.pipeline?.stages?.[2].actions?.[0].configuration?.CustomData).toBe('Review changes and approve for production deployment');
		expect(got.metadata?.pipelineArn).toBe('arn:aws:codepipeline:us-east-1:210987654321:my-app-pipeline');
		expect(got.metadata?.created).toEqual(new Date(harness.clock.now()));
	});

	test('accounts and regions are kept apart', async () => {
		await harness.codepipeline('alpha', 'eu-west-1').send(new CreatePipelineCommand(renamed('eu-only')));
		await harness.codepipeline('beta').send(new CreatePipelineCommand(renamed('beta-app')));
		const names = async (profile: string, region?: string) => {
			const found: string[] = [];
			for await (const page of paginateListPipelines({client: harness.codepipeline(profile, region), pageSize: 1}, {})) found.push(...(page.pipelines ?? []).map(pipeline => pipeline.name ?? ''));
			return found;
		};
		expect(await names('alpha', 'eu-west-1')).toEqual(['eu-only']);
		expect(await names('beta')).toEqual(['beta-app']);
		expect(await names('alpha')).toEqual(['my-app-pipeline']);
	});

	test('ListPipelines pages through many pipelines with the SDK paginator', async () => {
		const client = harness.codepipeline('alpha');
		for (let index = 0; index < 12; index++) await client.send(new CreatePipelineCommand(renamed(`fleet-${String(index).padStart(2, '0')}`)));
		const pages: string[][] = [];
		for await (const page of paginateListPipelines({client, pageSize: 5}, {})) pages.push((page.pipelines ?? []).map(pipeline => pipeline.name ?? ''));
		expect(pages.map(page => page.length)).toEqual([5, 5, 3]);
		expect(pages.flat()).toEqual([...Array.from({length: 12}, (_, index) => `fleet-${String(index).padStart(2, '0')}`), 'my-app-pipeline']);
	});

	test('UpdatePipeline and DeletePipeline', async () => {
		const client = harness.codepipeline('alpha');
		const current = await client.send(new GetPipelineCommand({name: 'fleet-00'}));
		current.pipeline!.stages![1].actions![0].configuration = {ProjectName: 'renamed-build'};
		const updated = await client.send(new UpdatePipelineCommand({pipeline: current.pipeline}));
		expect(updated.pipeline?.version).toBe(2);
		expect((await client.send(new GetPipelineCommand({name: 'fleet-00', version: 1}))).pipeline?.stages?.[1].actions?.[0].configuration?.ProjectName).toBe('my-api-build');
		await client.send(new DeletePipelineCommand({name: 'fleet-00'}));
		const gone = await failure(client.send(new GetPipelineCommand({name: 'fleet-00'})));
		expect(gone).toBeInstanceOf(PipelineNotFoundException);
		expect(gone.message).toBe("Account '210987654321' does not have a pipeline with name 'fleet-00'");
	});

	test('errors arrive as the SDK\'s own exception classes', async () => {
		const client = harness.codepipeline('alpha');
		expect(await failure(client.send(new CreatePipelineCommand(structuredClone(SEED))))).toBeInstanceOf(PipelineNameInUseException);
		const invalid = await failure(client.send(new CreatePipelineCommand(renamed('has spaces'))));
		expect(invalid.name).toBe('ValidationException');
		expect(invalid.message).toContain("at 'pipeline.name'");
		expect(invalid.$metadata?.httpStatusCode).toBe(400);
	});
});
