/**
 * The real AWS CLI against the embedded service: the config and credentials come from the files
 * the sim writes, the endpoint from --endpoint-url. Skipped (and says so) where `aws` is not on PATH.
 */

import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {ACCOUNTS, startHarness, type SimHarness} from './helpers/sim.js';

const HAS_AWS = awsCliAvailable();
const SEED_FILE = new URL('../../fixtures/sim/seed-000-pipeline.json', import.meta.url).pathname;

describe.skipIf(!HAS_AWS)(`the real AWS CLI${HAS_AWS ? '' : ' (skipped: `aws` is not on PATH)'}`, () => {
	let harness: SimHarness;

	const aws = (profile: string, ...args: string[]) => awsCli(harness)(profile, ...args);

	beforeAll(async () => {
		harness = await startHarness({accounts: ACCOUNTS, pipelines: []});
	});

	afterAll(async () => {
		await harness?.stop();
	});

	test('create-pipeline from the seed file, list-pipelines, get-pipeline-state', async () => {
		// The seed names its role without an account id: refused, as the model's pattern says.
		const refused = await aws('alpha', 'codepipeline', 'create-pipeline', '--cli-input-json', `file://${SEED_FILE}`).catch((error: {stderr: string}) => error);
		expect(String((refused as {stderr: string}).stderr)).toContain("ValidationException) when calling the CreatePipeline operation: 1 validation error detected: Value 'arn:aws:iam::role/CodePipelineServiceRole' at 'pipeline.roleArn'");
		const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
		seed.pipeline.roleArn = 'arn:aws:iam::210987654321:role/CodePipelineServiceRole';
		const fixed = join(harness.dir, 'seed-with-account.json');
		writeFileSync(fixed, JSON.stringify(seed));
		const created = await aws('alpha', 'codepipeline', 'create-pipeline', '--cli-input-json', `file://${fixed}`);
		expect(created.pipeline.name).toBe('my-app-pipeline');
		const listed = await aws('alpha', 'codepipeline', 'list-pipelines');
		expect(listed.pipelines.map((pipeline: any) => pipeline.name)).toEqual(['my-app-pipeline']);
		expect((await aws('beta', 'codepipeline', 'list-pipelines')).pipelines).toEqual([]);
		const state = await aws('alpha', 'codepipeline', 'get-pipeline-state', '--name', 'my-app-pipeline');
		expect(state.stageStates.map((stage: any) => stage.stageName)).toEqual(['Source', 'Build', 'ManualApproval', 'Deploy']);
	});

	test('start-pipeline-execution, then put-approval-result with the token from the state', async () => {
		const started = await aws('alpha', 'codepipeline', 'start-pipeline-execution', '--name', 'my-app-pipeline');
		expect(started.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);
		// Both executions reach the approval (the newer one supersedes the older waiting in front).
		harness.clock.advance(30 * 60 * 1000);
		const state = await aws('alpha', 'codepipeline', 'get-pipeline-state', '--name', 'my-app-pipeline');
		const approval = state.stageStates.find((stage: any) => stage.stageName === 'ManualApproval').actionStates[0].latestExecution;
		expect(approval.status).toBe('InProgress');
		const answer = await aws('alpha', 'codepipeline', 'put-approval-result', '--pipeline-name', 'my-app-pipeline', '--stage-name', 'ManualApproval', '--action-name', 'ApprovalAction', '--token', approval.token, '--result', 'summary=Approved from the CLI,status=Approved');
		expect(answer.approvedAt).toBeDefined();
		// The approved execution moved on and the one waiting in front took the approval stage.
		const after = await aws('alpha', 'codepipeline', 'get-pipeline-state', '--name', 'my-app-pipeline');
		const next = after.stageStates.find((stage: any) => stage.stageName === 'ManualApproval').actionStates[0].latestExecution;
		expect(next.token).not.toBe(approval.token);
		const details = await aws('alpha', 'codepipeline', 'list-action-executions', '--pipeline-name', 'my-app-pipeline');
		const approved = details.actionExecutionDetails.find((detail: any) => detail.actionExecutionId === approval.actionExecutionId);
		expect(approved.status).toBe('Succeeded');
		expect(approved.output.executionResult.externalExecutionSummary).toBe('Approved from the CLI');
	});

	test('errors reach the CLI with their AWS codes', async () => {
		const failed = await aws('alpha', 'codepipeline', 'get-pipeline', '--name', 'nope').catch((error: {stderr: string}) => error);
		expect(String((failed as {stderr: string}).stderr)).toContain('PipelineNotFoundException');
	});
});
