/** Running pipelines through the real AWS SDK over loopback: start, watch, approve, stop, retry, roll back. */

import {
	ApprovalAlreadyCompletedException,
	DisableStageTransitionCommand,
	DuplicatedStopRequestException,
	EnableStageTransitionCommand,
	GetPipelineExecutionCommand,
	GetPipelineStateCommand,
	InvalidNextTokenException,
	ListActionExecutionsCommand,
	ListPipelineExecutionsCommand,
	PipelineExecutionNotStoppableException,
	PutApprovalResultCommand,
	RetryStageExecutionCommand,
	RollbackStageCommand,
	StageNotRetryableException,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
	paginateListActionExecutions,
	paginateListPipelineExecutions,
} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {ScenarioPipeline} from '../../../source/sim/contract.js';
import {action, v2Pipeline} from './helpers/definitions.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

function definition(name: string, extra: Record<string, unknown> = {}): ScenarioPipeline['definition'] {
	return v2Pipeline(
		name,
		[
			{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
			{name: 'Build', actions: [action('Build', 'Build', 'CodeBuild', {ProjectName: `${name}-build`}, {inputArtifacts: [{name: 'Src'}]})]},
			{name: 'Approval', actions: [action('Approve', 'Approval', 'Manual', {CustomData: 'Ship it?'})]},
			{name: 'Deploy', actions: [action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: name, DeploymentGroupName: 'prod'}, {inputArtifacts: [{name: 'Src'}]})]},
		],
		extra,
	);
}

const BEHAVIOUR = {'Source/Source': {seconds: 5}, 'Build/Build': {seconds: 120}, 'Deploy/Deploy': {seconds: 60}};

let harness: SimHarness;

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [
			{profile: 'alpha', region: 'us-east-1', definition: definition('release'), behaviour: BEHAVIOUR},
			{profile: 'alpha', region: 'us-east-1', definition: definition('fanout', {executionMode: 'PARALLEL'}), behaviour: BEHAVIOUR},
			{profile: 'alpha', region: 'us-east-1', definition: definition('flaky'), behaviour: {...BEHAVIOUR, 'Build/Build': {seconds: 60, outcomes: ['Failed', 'Succeeded']}}},
		],
	});
});

afterAll(async () => {
	await harness.stop();
});

const pipelineState = (name: string) => harness.codepipeline('alpha').send(new GetPipelineStateCommand({name}));
const stageOf = async (name: string, stage: string) => (await pipelineState(name)).stageStates?.find(entry => entry.stageName === stage);

describe('an execution from start to finish', () => {
	test('start, watch the build, approve with the token from the state, deploy', async () => {
		const client = harness.codepipeline('alpha');
		const {pipelineExecutionId} = await client.send(new StartPipelineExecutionCommand({name: 'release', clientRequestToken: 'release-1'}));
		expect((await client.send(new StartPipelineExecutionCommand({name: 'release', clientRequestToken: 'release-1'}))).pipelineExecutionId).toBe(pipelineExecutionId);
		harness.clock.advance(30_000);
		const build = await stageOf('release', 'Build');
		expect(build?.latestExecution).toEqual({pipelineExecutionId, status: 'InProgress', type: 'STANDARD'});
		const buildAction = build?.actionStates?.[0].latestExecution;
		expect(buildAction?.lastStatusChange).toBeInstanceOf(Date);
		expect(buildAction?.externalExecutionId).toMatch(/^release-build:/);
		harness.clock.advance(120_000);
		const approval = (await stageOf('release', 'Approval'))?.actionStates?.[0].latestExecution;
		expect(approval?.status).toBe('InProgress');
		const answer = await client.send(new PutApprovalResultCommand({pipelineName: 'release', stageName: 'Approval', actionName: 'Approve', token: approval?.token, result: {status: 'Approved', summary: 'Looks good'}}));
		expect(answer.approvedAt).toEqual(new Date(harness.clock.now()));
		const twice = await failure(client.send(new PutApprovalResultCommand({pipelineName: 'release', stageName: 'Approval', actionName: 'Approve', token: approval?.token, result: {status: 'Approved', summary: 'again'}})));
		expect(twice).toBeInstanceOf(ApprovalAlreadyCompletedException);
		harness.clock.advance(70_000);
		const execution = await client.send(new GetPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId}));
		expect(execution.pipelineExecution).toMatchObject({pipelineName: 'release', pipelineVersion: 1, status: 'Succeeded', trigger: {triggerType: 'StartPipelineExecution'}, executionMode: 'SUPERSEDED'});
		const actions = await client.send(new ListActionExecutionsCommand({pipelineName: 'release', filter: {pipelineExecutionId}}));
		expect(actions.actionExecutionDetails?.map(detail => `${detail.stageName}/${detail.actionName}:${detail.status}`)).toEqual(['Deploy/Deploy:Succeeded', 'Approval/Approve:Succeeded', 'Build/Build:Succeeded', 'Source/Source:Succeeded']);
		expect(actions.actionExecutionDetails?.[3].output?.outputVariables?.CommitId).toMatch(/^[0-9a-f]{40}$/);
	});

	test('PARALLEL approvals take the externalExecutionId from ListActionExecutions as the token', async () => {
		const client = harness.codepipeline('alpha');
		const {pipelineExecutionId} = await client.send(new StartPipelineExecutionCommand({name: 'fanout'}));
		harness.clock.advance(150_000);
		const state = (await stageOf('fanout', 'Approval'))?.actionStates?.[0].latestExecution;
		expect(state?.token).toBeUndefined();
		const detail = (await client.send(new ListActionExecutionsCommand({pipelineName: 'fanout', filter: {pipelineExecutionId}}))).actionExecutionDetails?.find(entry => entry.actionName === 'Approve');
		await client.send(new PutApprovalResultCommand({pipelineName: 'fanout', stageName: 'Approval', actionName: 'Approve', token: detail?.output?.executionResult?.externalExecutionId, result: {status: 'Rejected', summary: 'Not today'}}));
		expect((await client.send(new GetPipelineExecutionCommand({pipelineName: 'fanout', pipelineExecutionId}))).pipelineExecution?.status).toBe('Failed');
	});

	test('history pages newest first with the SDK paginators; a made-up token is refused', async () => {
		const client = harness.codepipeline('alpha');
		const started: string[] = [];
		for (let index = 0; index < 5; index++) {
			started.push((await client.send(new StartPipelineExecutionCommand({name: 'fanout'}))).pipelineExecutionId ?? '');
			harness.clock.advance(1000);
		}
		const seen: string[] = [];
		for await (const page of paginateListPipelineExecutions({client, pageSize: 2}, {pipelineName: 'fanout'})) seen.push(...(page.pipelineExecutionSummaries ?? []).map(summary => summary.pipelineExecutionId ?? ''));
		expect(seen.slice(0, 5)).toEqual([...started].reverse());
		expect(seen).toHaveLength(6);
		let details = 0;
		let pages = 0;
		for await (const page of paginateListActionExecutions({client, pageSize: 3}, {pipelineName: 'fanout'})) {
			details += page.actionExecutionDetails?.length ?? 0;
			pages++;
		}
		// 3 runs of the rejected execution, one Source per new execution, one Build that began.
		expect(details).toBe(9);
		expect(pages).toBe(3);
		expect(await failure(client.send(new ListPipelineExecutionsCommand({pipelineName: 'fanout', nextToken: 'made-up'})))).toBeInstanceOf(InvalidNextTokenException);
	});
});

describe('operator actions', () => {
	test('stop and wait, duplicate stop, stop when finished', async () => {
		const client = harness.codepipeline('alpha');
		const {pipelineExecutionId} = await client.send(new StartPipelineExecutionCommand({name: 'release'}));
		harness.clock.advance(20_000);
		await client.send(new StopPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId, reason: 'Wrong commit'}));
		expect(await failure(client.send(new StopPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId})))).toBeInstanceOf(DuplicatedStopRequestException);
		harness.clock.advance(200_000);
		const summaries = await client.send(new ListPipelineExecutionsCommand({pipelineName: 'release', maxResults: 1}));
		expect(summaries.pipelineExecutionSummaries?.[0]).toMatchObject({pipelineExecutionId, status: 'Stopped', stopTrigger: {reason: 'Wrong commit'}});
		expect(await failure(client.send(new StopPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId, abandon: true})))).toBeInstanceOf(PipelineExecutionNotStoppableException);
	});

	test('retry a failed stage; retrying a stage that did not fail is refused', async () => {
		const client = harness.codepipeline('alpha');
		const {pipelineExecutionId} = await client.send(new StartPipelineExecutionCommand({name: 'flaky'}));
		harness.clock.advance(90_000);
		expect((await stageOf('flaky', 'Build'))?.latestExecution?.status).toBe('Failed');
		expect(await failure(client.send(new RetryStageExecutionCommand({pipelineName: 'flaky', stageName: 'Source', pipelineExecutionId, retryMode: 'FAILED_ACTIONS'})))).toBeInstanceOf(StageNotRetryableException);
		await client.send(new RetryStageExecutionCommand({pipelineName: 'flaky', stageName: 'Build', pipelineExecutionId, retryMode: 'FAILED_ACTIONS'}));
		harness.clock.advance(90_000);
		expect((await stageOf('flaky', 'Build'))?.latestExecution?.status).toBe('Succeeded');
		const later = await client.send(new StartPipelineExecutionCommand({name: 'flaky'}));
		harness.clock.advance(90_000);
		expect((await stageOf('flaky', 'Build'))?.latestExecution?.pipelineExecutionId).toBe(later.pipelineExecutionId);
		expect(await failure(client.send(new RetryStageExecutionCommand({pipelineName: 'flaky', stageName: 'Build', pipelineExecutionId, retryMode: 'ALL_ACTIONS'})))).toBeInstanceOf(StageNotRetryableException);
	});

	test('disable and enable a transition; roll a stage back', async () => {
		const client = harness.codepipeline('alpha');
		await client.send(new DisableStageTransitionCommand({pipelineName: 'release', stageName: 'Deploy', transitionType: 'Inbound', reason: 'Freeze (CHG-7)'}));
		const held = await stageOf('release', 'Deploy');
		expect(held?.inboundTransitionState).toMatchObject({enabled: false, disabledReason: 'Freeze (CHG-7)', lastChangedBy: 'arn:aws:iam::210987654321:user/alpha'});
		expect(held?.inboundTransitionState?.lastChangedAt).toBeInstanceOf(Date);
		await client.send(new EnableStageTransitionCommand({pipelineName: 'release', stageName: 'Deploy', transitionType: 'Inbound'}));
		expect((await stageOf('release', 'Deploy'))?.inboundTransitionState?.enabled).toBe(true);
		// Two successful releases, then roll Deploy back to the first.
		const ids: string[] = [];
		for (let index = 0; index < 2; index++) {
			const {pipelineExecutionId} = await client.send(new StartPipelineExecutionCommand({name: 'release'}));
			ids.push(pipelineExecutionId ?? '');
			harness.clock.advance(130_000);
			const token = (await stageOf('release', 'Approval'))?.actionStates?.[0].latestExecution?.token;
			await client.send(new PutApprovalResultCommand({pipelineName: 'release', stageName: 'Approval', actionName: 'Approve', token, result: {status: 'Approved', summary: 'ok'}}));
			harness.clock.advance(70_000);
		}
		const rollback = await client.send(new RollbackStageCommand({pipelineName: 'release', stageName: 'Deploy', targetPipelineExecutionId: ids[0]}));
		const execution = await client.send(new GetPipelineExecutionCommand({pipelineName: 'release', pipelineExecutionId: rollback.pipelineExecutionId}));
		expect(execution.pipelineExecution).toMatchObject({executionType: 'ROLLBACK', trigger: {triggerType: 'ManualRollback'}, rollbackMetadata: {rollbackTargetPipelineExecutionId: ids[0]}});
	});
});
