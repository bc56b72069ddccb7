/**
 * TagResource, UntagResource, ListTagsForResource, ListRuleExecutions and ListActionTypes through
 * the real SDK and the AWS CLI, each answer held to botocore's output shape and each error to the
 * operation's modelled errors.
 */

import {
	CreatePipelineCommand,
	ListActionTypesCommand,
	ListRuleExecutionsCommand,
	ListTagsForResourceCommand,
	OverrideStageConditionCommand,
	StartPipelineExecutionCommand,
	TagResourceCommand,
	UntagResourceCommand,
	paginateListTagsForResource,
	type CreatePipelineCommandInput,
} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {ScenarioPipeline} from '../../../source/sim/contract.js';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {action, v2Pipeline} from './helpers/definitions.js';
import {MODEL, modelledErrors, shapeProblems} from './helpers/model.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

const ACCOUNT_ID = '210987654321';
const arnOf = (name: string, region = 'us-east-1') => `arn:aws:codepipeline:${region}:${ACCOUNT_ID}:${name}`;

function definition(name: string): NonNullable<ScenarioPipeline['definition']> {
	const rule = (ruleName: string) => ({name: ruleName, ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '* 9-17 ? * MON-FRI *', TimeZone: 'UTC'}});
	return v2Pipeline(
		name,
		[
			{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
			{name: 'Deploy', beforeEntry: {conditions: [{result: 'FAIL', rules: [rule('Window'), rule('Quiet')]}]}, actions: [action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: name, DeploymentGroupName: 'prod'}, {inputArtifacts: [{name: 'Src'}]})]},
		],
		{executionMode: 'QUEUED'},
	);
}

let harness: SimHarness;
const client = () => harness.codepipeline('alpha');

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [{profile: 'alpha', region: 'us-east-1', definition: definition('gated'), behaviour: {'Source/Source': {seconds: 5}, 'Deploy/Deploy': {seconds: 30}, 'Deploy/beforeEntry': {seconds: 120}}}],
	});
});

afterAll(async () => {
	await harness.stop();
});

/** The error, checked to be one the model lists for the operation (when botocore is here). */
async function refused(operation: string, promise: Promise<unknown>): Promise<Error> {
	const error = await failure(promise);
	if (MODEL) expect(modelledErrors(operation)).toContain(error.name);
	return error;
}

function conforms(operation: string, input: Record<string, unknown>): any {
	const answer = harness.world.call('alpha', 'us-east-1', operation, input);
	expect(shapeProblems(operation, answer)).toEqual([]);
	return answer;
}

describe('tags', () => {
	test('CreatePipeline\'s tags read back; TagResource adds and overwrites; UntagResource removes', async () => {
		const created = structuredClone(definition('tagged'));
		await client().send(new CreatePipelineCommand({...(created as unknown as CreatePipelineCommandInput), tags: [{key: 'team', value: 'payments'}, {key: 'tier', value: 'gold'}]}));
		const tags = async () => (await client().send(new ListTagsForResourceCommand({resourceArn: arnOf('tagged')}))).tags;
		expect(await tags()).toEqual([{key: 'team', value: 'payments'}, {key: 'tier', value: 'gold'}]);
		await client().send(new TagResourceCommand({resourceArn: arnOf('tagged'), tags: [{key: 'tier', value: 'silver'}, {key: 'owner', value: ''}]}));
		expect(await tags()).toEqual([{key: 'team', value: 'payments'}, {key: 'tier', value: 'silver'}, {key: 'owner', value: ''}]);
		await client().send(new UntagResourceCommand({resourceArn: arnOf('tagged'), tagKeys: ['tier', 'never-there']}));
		expect(await tags()).toEqual([{key: 'team', value: 'payments'}, {key: 'owner', value: ''}]);
		conforms('ListTagsForResource', {resourceArn: arnOf('tagged')});
		await client().send(new UntagResourceCommand({resourceArn: arnOf('tagged'), tagKeys: ['team', 'owner']}));
		expect(await tags()).toEqual([]);
	});

	test('pages with maxResults', async () => {
		await client().send(new TagResourceCommand({resourceArn: arnOf('gated'), tags: Array.from({length: 7}, (_, index) => ({key: `k${index}`, value: `v${index}`}))}));
		const pages: number[] = [];
		for await (const page of paginateListTagsForResource({client: client(), pageSize: 3}, {resourceArn: arnOf('gated')})) pages.push(page.tags?.length ?? 0);
		expect(pages).toEqual([3, 3, 1]);
	});

	test('refusals: reserved keys, too many, unknown resource, another region, not an ARN', async () => {
		const reserved = await refused('TagResource', client().send(new TagResourceCommand({resourceArn: arnOf('gated'), tags: [{key: 'aws:cloudformation:stack-name', value: 'x'}]})));
		expect(reserved.name).toBe('InvalidTagsException');
		const many = await refused('TagResource', client().send(new TagResourceCommand({resourceArn: arnOf('gated'), tags: Array.from({length: 50}, (_, index) => ({key: `more${index}`, value: 'v'}))})));
		expect(many.name).toBe('TooManyTagsException');
		const missing = await refused('ListTagsForResource', client().send(new ListTagsForResourceCommand({resourceArn: arnOf('nope')})));
		expect(missing.name).toBe('ResourceNotFoundException');
		const elsewhere = await refused('UntagResource', client().send(new UntagResourceCommand({resourceArn: arnOf('gated', 'eu-west-1'), tagKeys: ['k1']})));
		expect(elsewhere.name).toBe('InvalidArnException');
		const garbage = await refused('TagResource', client().send(new TagResourceCommand({resourceArn: 'gated', tags: []})));
		expect(garbage.name).toBe('ValidationException');
		expect(garbage.message).toContain("at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern");
		const createReserved = await refused('CreatePipeline', client().send(new CreatePipelineCommand({...(definition('reserved') as unknown as CreatePipelineCommandInput), tags: [{key: 'AWS:x', value: 'y'}]})));
		expect(createReserved.name).toBe('InvalidTagsException');
	});
});

describe('ListRuleExecutions', () => {
	test('each rule of an entry condition, newest first: running, succeeded, abandoned by an override', async () => {
		const {pipelineExecutionId: first} = await client().send(new StartPipelineExecutionCommand({name: 'gated'}));
		harness.clock.advance(200_000);
		const {pipelineExecutionId: second} = await client().send(new StartPipelineExecutionCommand({name: 'gated'}));
		harness.clock.advance(20_000);
		const list = async (filter?: Record<string, unknown>) => (await client().send(new ListRuleExecutionsCommand({pipelineName: 'gated', filter}))).ruleExecutionDetails ?? [];
		const running = await list({pipelineExecutionId: second});
		expect(running.map(detail => `${detail.ruleName}:${detail.status}`)).toEqual(['Window:InProgress', 'Quiet:InProgress']);
		await client().send(new OverrideStageConditionCommand({pipelineName: 'gated', stageName: 'Deploy', pipelineExecutionId: second, conditionType: 'BEFORE_ENTRY'}));
		const all = await list();
		expect(all.map(detail => `${detail.pipelineExecutionId === second ? 'second' : 'first'}/${detail.ruleName}:${detail.status}`)).toEqual(['second/Window:Abandoned', 'second/Quiet:Abandoned', 'first/Window:Succeeded', 'first/Quiet:Succeeded']);
		const done = all[2];
		expect(done).toMatchObject({stageName: 'Deploy', pipelineVersion: 1, input: {ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '* 9-17 ? * MON-FRI *', TimeZone: 'UTC'}, region: 'us-east-1'}});
		expect(done.lastUpdateTime!.getTime() - done.startTime!.getTime()).toBe(120_000);
		expect(all[0].updatedBy).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/alpha`);
		expect(await list({latestInPipelineExecution: {pipelineExecutionId: first, startTimeRange: 'Latest'}})).toHaveLength(2);
		conforms('ListRuleExecutions', {pipelineName: 'gated'});
		const unknown = await refused('ListRuleExecutions', client().send(new ListRuleExecutionsCommand({pipelineName: 'gated', filter: {pipelineExecutionId: '00000000-0000-4000-8000-000000000000'}})));
		expect(unknown.name).toBe('PipelineExecutionNotFoundException');
		expect((await refused('ListRuleExecutions', client().send(new ListRuleExecutionsCommand({pipelineName: 'nope'})))).name).toBe('PipelineNotFoundException');
	});
});

describe('ListActionTypes', () => {
	test('the catalog by owner; a token it never gave is refused', async () => {
		const all = (await client().send(new ListActionTypesCommand({}))).actionTypes ?? [];
		expect(all.map(type => `${type.id?.category}/${type.id?.provider}`)).toContain('Build/CodeBuild');
		expect(all.find(type => type.id?.provider === 'CodeCommit')?.outputArtifactDetails).toEqual({minimumCount: 1, maximumCount: 1});
		const aws = (await client().send(new ListActionTypesCommand({actionOwnerFilter: 'AWS'}))).actionTypes ?? [];
		expect(aws.every(type => type.id?.owner === 'AWS')).toBe(true);
		expect(aws.length).toBe(all.length - 1);
		expect((await client().send(new ListActionTypesCommand({actionOwnerFilter: 'Custom'}))).actionTypes).toEqual([]);
		conforms('ListActionTypes', {});
		const token = await refused('ListActionTypes', client().send(new ListActionTypesCommand({nextToken: 'made-up'})));
		expect(token.name).toBe('InvalidNextTokenException');
		const owner = await refused('ListActionTypes', client().send(new ListActionTypesCommand({actionOwnerFilter: 'Someone' as never})));
		expect(owner.name).toBe('ValidationException');
	});
});

describe.skipIf(!awsCliAvailable())(`the new operations through the AWS CLI${awsCliAvailable() ? '' : ' (skipped: `aws` is not on PATH)'}`, () => {
	test('tag-resource, list-tags-for-resource, untag-resource, list-rule-executions, list-action-types', async () => {
		const aws = awsCli(harness);
		await aws('alpha', 'codepipeline', 'tag-resource', '--resource-arn', arnOf('gated'), '--tags', 'key=cli,value=yes');
		expect((await aws('alpha', 'codepipeline', 'list-tags-for-resource', '--resource-arn', arnOf('gated'))).tags).toContainEqual({key: 'cli', value: 'yes'});
		await aws('alpha', 'codepipeline', 'untag-resource', '--resource-arn', arnOf('gated'), '--tag-keys', 'cli');
		expect((await aws('alpha', 'codepipeline', 'list-tags-for-resource', '--resource-arn', arnOf('gated'))).tags).not.toContainEqual({key: 'cli', value: 'yes'});
		const rules = await aws('alpha', 'codepipeline', 'list-rule-executions', '--pipeline-name', 'gated');
		expect(rules.ruleExecutionDetails.length).toBeGreaterThan(0);
		expect(rules.ruleExecutionDetails[0]).toHaveProperty('ruleName');
		const types = await aws('alpha', 'codepipeline', 'list-action-types', '--action-owner-filter', 'ThirdParty');
		expect(types.actionTypes.map((type: any) => type.id.provider)).toEqual(['GitHub']);
	});
});
