/**
 * The embedded service held to botocore's CodePipeline model and the user guide, through the
 * real SDK and the AWS CLI: errors the model lists for each operation, ListActionExecutions'
 * latestInPipelineExecution filter, and the rollbacks the guide forbids.
 */

import {
	GetPipelineCommand,
	GetPipelineExecutionCommand,
	ListActionExecutionsCommand,
	OverrideStageConditionCommand,
	RetryStageExecutionCommand,
	RollbackStageCommand,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
	UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {ScenarioPipeline} from '../../../source/sim/contract.js';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {action, v2Pipeline} from './helpers/definitions.js';
import {MODEL, modelledErrors, shapeProblems} from './helpers/model.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function definition(name: string, gated = false): ScenarioPipeline['definition'] {
	const rule = {name: 'Window', ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '* 9-17 ? * MON-FRI *'}};
	return v2Pipeline(
		name,
		[
			{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
			{name: 'Build', actions: [action('Build', 'Build', 'CodeBuild', {ProjectName: `${name}-build`}, {inputArtifacts: [{name: 'Src'}]})]},
			{name: 'Deploy', actions: [action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: name, DeploymentGroupName: 'prod'}, {inputArtifacts: [{name: 'Src'}]})], ...(gated ? {beforeEntry: {conditions: [{result: 'FAIL', rules: [rule]}]}} : {})},
		],
		{executionMode: 'QUEUED'},
	);
}

const BEHAVIOUR = {'Source/Source': {seconds: 5}, 'Build/Build': {seconds: 60}, 'Deploy/Deploy': {seconds: 30}};

let harness: SimHarness;
const client = () => harness.codepipeline('alpha');

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [
			{profile: 'alpha', region: 'us-east-1', definition: definition('release'), behaviour: BEHAVIOUR},
			{profile: 'alpha', region: 'us-east-1', definition: definition('flaky'), behaviour: {...BEHAVIOUR, 'Build/Build': {seconds: 60, outcomes: ['Failed', 'Succeeded']}}},
			{profile: 'alpha', region: 'us-east-1', definition: definition('gated', true), behaviour: {...BEHAVIOUR, 'Deploy/beforeEntry': {seconds: 600}}},
		],
	});
});

afterAll(async () => {
	await harness.stop();
});

/** Fails unless the error is one the model lists for the operation (skipped without botocore). */
function expectModelled(operation: string, error: Error): void {
	if (MODEL) expect(modelledErrors(operation)).toContain(error.name);
}

async function run(name: string): Promise<string> {
	const {pipelineExecutionId} = await client().send(new StartPipelineExecutionCommand({name}));
	harness.clock.advance(100_000);
	return pipelineExecutionId ?? '';
}

describe('errors the model lists for the operation', () => {
	test('an unknown execution id: Stop, Retry and OverrideStageCondition answer ValidationException', async () => {
		const stop = await failure(client().send(new StopPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId: UNKNOWN_ID})));
		const retry = await failure(client().send(new RetryStageExecutionCommand({pipelineName: 'release', stageName: 'Build', pipelineExecutionId: UNKNOWN_ID, retryMode: 'FAILED_ACTIONS'})));
		const override = await failure(client().send(new OverrideStageConditionCommand({pipelineName: 'gated', stageName: 'Deploy', pipelineExecutionId: UNKNOWN_ID, conditionType: 'BEFORE_ENTRY'})));
		for (const [operation, error] of [['StopPipelineExecution', stop], ['RetryStageExecution', retry], ['OverrideStageCondition', override]] as const) {
			expect(error.name).toBe('ValidationException');
			expect(error.message).toMatch(/^Pipeline execution with id 00000000-0000-4000-8000-000000000000 does not exist in pipeline with name (release|gated) in account 210987654321\.$/);
			expectModelled(operation, error);
		}
	});

	test('UpdatePipeline of a missing pipeline answers ValidationException', async () => {
		const current = (await client().send(new GetPipelineCommand({name: 'release'}))).pipeline!;
		const missing = await failure(client().send(new UpdatePipelineCommand({pipeline: {...current, name: 'no-such-pipeline'}})));
		expect(missing.name).toBe('ValidationException');
		expect(missing.message).toBe("Account '210987654321' does not have a pipeline with name 'no-such-pipeline'");
		expectModelled('UpdatePipeline', missing);
	});
});

describe('ListActionExecutions filter.latestInPipelineExecution', () => {
	test('Latest lists the latest run of each action, All every run of that execution', async () => {
		const id = await run('flaky');
		await client().send(new RetryStageExecutionCommand({pipelineName: 'flaky', stageName: 'Build', pipelineExecutionId: id, retryMode: 'FAILED_ACTIONS'}));
		harness.clock.advance(100_000);
		await run('flaky');
		const list = async (startTimeRange: 'Latest' | 'All') =>
			(await client().send(new ListActionExecutionsCommand({pipelineName: 'flaky', filter: {latestInPipelineExecution: {pipelineExecutionId: id, startTimeRange}}}))).actionExecutionDetails?.map(detail => `${detail.actionName}:${detail.status}`);
		expect(await list('All')).toEqual(['Deploy:Succeeded', 'Build:Succeeded', 'Build:Failed', 'Source:Succeeded']);
		expect(await list('Latest')).toEqual(['Deploy:Succeeded', 'Build:Succeeded', 'Source:Succeeded']);
	});

	test('both members are required and startTimeRange is Latest or All', async () => {
		const send = (latestInPipelineExecution: Record<string, unknown>) => failure(client().send(new ListActionExecutionsCommand({pipelineName: 'flaky', filter: {latestInPipelineExecution: latestInPipelineExecution as never}})));
		const noRange = await send({pipelineExecutionId: UNKNOWN_ID});
		expect(noRange.name).toBe('ValidationException');
		expect(noRange.message).toBe("1 validation error detected: Value null at 'filter.latestInPipelineExecution.startTimeRange' failed to satisfy constraint: Member must not be null");
		const neither = await send({});
		expect(neither.message).toMatch(/^2 validation errors detected: Value null at 'filter.latestInPipelineExecution.pipelineExecutionId'/);
		const badRange = await send({pipelineExecutionId: UNKNOWN_ID, startTimeRange: 'Newest'});
		expect(badRange.message).toBe("1 validation error detected: Value 'Newest' at 'filter.latestInPipelineExecution.startTimeRange' failed to satisfy constraint: Member must satisfy enum value set: [Latest, All]");
		const unknown = await send({pipelineExecutionId: UNKNOWN_ID, startTimeRange: 'Latest'});
		expect(unknown.name).toBe('PipelineExecutionNotFoundException');
		for (const error of [noRange, unknown]) expectModelled('ListActionExecutions', error);
	});
});

describe('RollbackStage: the user guide\'s considerations for rollbacks', () => {
	test('refuses the source stage and a target that is itself a rollback', async () => {
		const first = await run('release');
		await run('release');
		const source = await failure(client().send(new RollbackStageCommand({pipelineName: 'release', stageName: 'Source', targetPipelineExecutionId: first})));
		expect(source.name).toBe('UnableToRollbackStageException');
		expect(source.message).toBe('Stage Source is the source stage of pipeline release: a source stage cannot be rolled back.');
		const {pipelineExecutionId: rollback} = await client().send(new RollbackStageCommand({pipelineName: 'release', stageName: 'Deploy', targetPipelineExecutionId: first}));
		harness.clock.advance(100_000);
		expect((await client().send(new GetPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId: rollback}))).pipelineExecution).toMatchObject({executionType: 'ROLLBACK', status: 'Succeeded'});
		await run('release');
		const again = await failure(client().send(new RollbackStageCommand({pipelineName: 'release', stageName: 'Deploy', targetPipelineExecutionId: rollback})));
		expect(again.name).toBe('UnableToRollbackStageException');
		expect(again.message).toBe(`Execution ${rollback} is a rollback execution: choose a STANDARD execution as the rollback target.`);
		for (const error of [source, again]) expectModelled('RollbackStage', error);
	});
});

describe('answers hold to the model\'s output shapes', () => {
	test('the reads pipetop makes, on pipelines that ran, retried, rolled back and wait at a condition', async () => {
		await client().send(new StartPipelineExecutionCommand({name: 'gated'}));
		harness.clock.advance(20_000);
		const executionId = (harness.world.call('alpha', 'us-east-1', 'ListPipelineExecutions', {pipelineName: 'flaky'}) as any).pipelineExecutionSummaries[0].pipelineExecutionId;
		for (const name of ['release', 'flaky', 'gated']) {
			const reads: Array<[string, Record<string, unknown>]> = [
				['GetPipeline', {name}],
				['GetPipelineState', {name}],
				['ListPipelineExecutions', {pipelineName: name}],
				['ListActionExecutions', {pipelineName: name}],
				['ListRuleExecutions', {pipelineName: name}],
			];
			for (const [operation, input] of reads) expect(shapeProblems(operation, harness.world.call('alpha', 'us-east-1', operation, input))).toEqual([]);
		}
		expect(shapeProblems('ListPipelines', harness.world.call('alpha', 'us-east-1', 'ListPipelines', {}))).toEqual([]);
		expect(shapeProblems('GetPipelineExecution', harness.world.call('alpha', 'us-east-1', 'GetPipelineExecution', {pipelineName: 'flaky', pipelineExecutionId: executionId}))).toEqual([]);
	});
});

describe.skipIf(!awsCliAvailable())(`the same through the AWS CLI${awsCliAvailable() ? '' : ' (skipped: `aws` is not on PATH)'}`, () => {
	test('stop of an unknown id, the latest filter, a source-stage rollback', async () => {
		const aws = awsCli(harness);
		const stop = await aws('alpha', 'codepipeline', 'stop-pipeline-execution', '--pipeline-name', 'release', '--pipeline-execution-id', UNKNOWN_ID).catch((error: {stderr: string}) => error);
		expect(String((stop as {stderr: string}).stderr)).toContain('(ValidationException) when calling the StopPipelineExecution operation');
		const id = await run('release');
		const latest = await aws('alpha', 'codepipeline', 'list-action-executions', '--pipeline-name', 'release', '--filter', `latestInPipelineExecution={pipelineExecutionId=${id},startTimeRange=Latest}`);
		expect(latest.actionExecutionDetails.map((detail: any) => detail.actionName)).toEqual(['Deploy', 'Build', 'Source']);
		const rollback = await aws('alpha', 'codepipeline', 'rollback-stage', '--pipeline-name', 'release', '--stage-name', 'Source', '--target-pipeline-execution-id', id).catch((error: {stderr: string}) => error);
		expect(String((rollback as {stderr: string}).stderr)).toContain('(UnableToRollbackStageException) when calling the RollbackStage operation');
	});
});
