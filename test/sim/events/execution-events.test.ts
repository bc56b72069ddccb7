/**
 * CodePipeline's EventBridge events reach the central queue, read with the real SQS SDK: every
 * state change of an execution, with the documented envelope and detail, and nothing the events
 * do not carry (no approval token, no transition changes).
 */

import {afterEach, expect, test} from 'vitest';
import {eventLabel, EXECUTION_LABELS, feedScenario, startFeed, TEAM, type FeedHarness} from './helpers/feed.js';

let feed: FeedHarness | undefined;

afterEach(async () => {
	await feed?.stop();
	feed = undefined;
});

test("an execution's start, stages, actions and success arrive with the documented fields", async () => {
	feed = await startFeed();
	const executionId = feed.world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(120_000);
	const received = await feed.drain();
	const events = received.map(entry => entry.event).filter(event => event.detail['execution-id'] === executionId);
	expect(events.map(eventLabel)).toEqual(EXECUTION_LABELS);
	for (const event of events) {
		expect(event).toMatchObject({version: '0', source: 'aws.codepipeline', account: TEAM.accountId, region: 'eu-west-1', resources: [`arn:aws:codepipeline:eu-west-1:${TEAM.accountId}:web`]});
		expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(event.detail).toMatchObject({pipeline: 'web', 'execution-id': executionId, version: 1, 'pipeline-execution-attempt': 1});
	}
	expect(new Set(events.map(event => event.id)).size).toBe(events.length);
	// The events' times follow the sim's clock: the build ran 60 s after the 10 s source.
	const find = (text: string): Record<string, any> => events.find(event => eventLabel(event) === text) ?? expect.fail(`no "${text}" event`);
	const at = (text: string) => Date.parse(find(text).time);
	expect(at('Action Build/Compile SUCCEEDED') - at('Action Build/Compile STARTED')).toBe(60_000);

	const started = events[0].detail;
	expect(started['execution-trigger']).toEqual({'trigger-type': 'StartPipelineExecution', 'trigger-detail': `arn:aws:iam::${TEAM.accountId}:user/team`});
	expect(Date.parse(started['start-time'])).toBe(Date.parse(events[0].time));

	// The action events name the same runs, builds and artifacts the API shows.
	const listed = feed.world.call('team', 'eu-west-1', 'ListActionExecutions', {pipelineName: 'web', filter: {pipelineExecutionId: executionId}}) as {actionExecutionDetails: Array<Record<string, any>>};
	const compile = listed.actionExecutionDetails.find(detail => detail.actionName === 'Compile') as Record<string, any>;
	const built = find('Action Build/Compile SUCCEEDED').detail;
	expect(built).toMatchObject({
		stage: 'Build',
		action: 'Compile',
		'action-execution-id': compile.actionExecutionId,
		region: 'eu-west-1',
		type: {owner: 'AWS', category: 'Build', provider: 'CodeBuild', version: '1'},
		'input-artifacts': compile.input.inputArtifacts,
		'output-artifacts': compile.output.outputArtifacts,
		'execution-result': {'external-execution-id': compile.output.executionResult.externalExecutionId, 'external-execution-url': compile.output.executionResult.externalExecutionUrl},
	});
	expect(built['execution-result']['external-execution-id']).toMatch(/^compile-project:/);
	const startedAction = find('Action Build/Compile STARTED').detail;
	expect(startedAction['execution-result']).toBeUndefined();
	expect(startedAction['output-artifacts']).toBeUndefined();
});

test('the feed carries the sources it is told, never a token, a transition change or a definition edit', async () => {
	feed = await startFeed({sources: [{account: 'team', regions: ['eu-west-1']}]});
	feed.world.startExecution('team', 'us-east-1', 'api');
	feed.world.call('team', 'eu-west-1', 'DisableStageTransition', {pipelineName: 'web', stageName: 'Deploy', transitionType: 'Inbound', reason: 'Freeze'});
	const declaration = (feed.world.call('team', 'eu-west-1', 'GetPipeline', {name: 'web'}) as {pipeline: Record<string, unknown>}).pipeline;
	feed.world.call('team', 'eu-west-1', 'UpdatePipeline', {pipeline: declaration});
	feed.clock.advance(200_000);
	expect(await feed.drain()).toEqual([]);

	feed.world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(200_000);
	const bodies = (await feed.drain()).map(entry => entry.message.Body ?? '');
	// Held in front of Deploy by the disabled transition: Source and Build only; the execution is still InProgress.
	expect(bodies.map(body => eventLabel(JSON.parse(body))).slice(-3)).toEqual(['Action Build/Compile STARTED', 'Action Build/Compile SUCCEEDED', 'Stage Build SUCCEEDED']);
	expect(bodies.length).toBe(9);
	for (const body of bodies) {
		expect(JSON.parse(body).region).toBe('eu-west-1');
		expect(body).not.toMatch(/token|transition|condition/i);
	}
});

test('a failure, a retry and a stop: FAILED with its error code, RESUMED as attempt 2, STOPPING with the comments, STOPPED', async () => {
	const scenario = feedScenario();
	scenario.pipelines[0].behaviour = {'Source/Checkout': {seconds: 10}, 'Build/Compile': {seconds: 60, outcomes: ['Failed', 'Succeeded']}, 'Deploy/Ship': {seconds: 600}};
	feed = await startFeed({}, scenario);
	const world = feed.world;
	const id = world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(80_000);
	let events = (await feed.drain()).map(entry => entry.event);
	expect(events.map(eventLabel).slice(-3)).toEqual(['Action Build/Compile FAILED', 'Stage Build FAILED', 'Pipeline FAILED']);
	const listed = world.call('team', 'eu-west-1', 'ListActionExecutions', {pipelineName: 'web'}) as {actionExecutionDetails: Array<Record<string, any>>};
	const failedRun = listed.actionExecutionDetails.find(detail => detail.actionName === 'Compile') as Record<string, any>;
	expect(events.at(-3)?.detail['execution-result']).toMatchObject({'error-code': failedRun.output.executionResult.errorDetails.code, 'external-execution-id': failedRun.output.executionResult.externalExecutionId});

	world.call('team', 'eu-west-1', 'RetryStageExecution', {pipelineName: 'web', stageName: 'Build', pipelineExecutionId: id, retryMode: 'FAILED_ACTIONS'});
	feed.clock.advance(70_000);
	events = (await feed.drain()).map(entry => entry.event);
	expect(events.map(eventLabel)).toEqual(['Pipeline RESUMED', 'Stage Build RESUMED', 'Action Build/Compile STARTED', 'Action Build/Compile SUCCEEDED', 'Stage Build SUCCEEDED', 'Stage Deploy STARTED', 'Action Deploy/Ship STARTED']);
	for (const event of events) expect(event.detail['pipeline-execution-attempt']).toBe(2);
	const retriedAt = events[1].detail['stage-last-retry-attempt-time'];
	expect(Date.parse(retriedAt)).toBe(Date.parse(events[1].time));
	expect(events[4].detail['stage-last-retry-attempt-time']).toBe(retriedAt);

	world.call('team', 'eu-west-1', 'StopPipelineExecution', {pipelineName: 'web', pipelineExecutionId: id, abandon: true, reason: 'Bad build'});
	events = (await feed.drain()).map(entry => entry.event);
	expect(events.map(eventLabel)).toEqual(['Pipeline STOPPING', 'Stage Deploy STOPPING', 'Action Deploy/Ship ABANDONED', 'Stage Deploy STOPPED', 'Pipeline STOPPED']);
	expect(events[0].detail['stop-execution-comments']).toBe('Bad build');
	expect(events[1].detail['stop-execution-comments']).toBeUndefined();
});
