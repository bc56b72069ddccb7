/** CodeBuild BatchGetBuilds and CloudWatch Logs through the real SDK clients. */

import {FilterLogEventsCommand, GetLogEventsCommand, ResourceNotFoundException} from '@aws-sdk/client-cloudwatch-logs';
import {BatchGetBuildsCommand} from '@aws-sdk/client-codebuild';
import {GetPipelineStateCommand, StartPipelineExecutionCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {action, failingBetaPipeline} from './helpers/definitions.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

let harness: SimHarness;

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [failingBetaPipeline('api', 'Build', action('UnitTests', 'Test', 'CodeBuild', {ProjectName: 'api-tests'}, {inputArtifacts: [{name: 'Src'}]}), 180)],
	});
});

afterAll(async () => {
	await harness.stop();
});

test('follow a failing build: BatchGetBuilds, then tail its log stream until the failure shows', async () => {
	await harness.codepipeline('beta').send(new StartPipelineExecutionCommand({name: 'api'}));
	harness.clock.advance(40_000);
	const state = await harness.codepipeline('beta').send(new GetPipelineStateCommand({name: 'api'}));
	const buildId = state.stageStates?.[1].actionStates?.[0].latestExecution?.externalExecutionId ?? '';
	const {builds, buildsNotFound} = await harness.codebuild('beta').send(new BatchGetBuildsCommand({ids: [buildId, 'api-tests:missing']}));
	expect(buildsNotFound).toEqual(['api-tests:missing']);
	const build = builds?.[0];
	expect(build).toMatchObject({id: buildId, buildStatus: 'IN_PROGRESS', projectName: 'api-tests', initiator: 'codepipeline/api'});
	expect(build?.startTime).toBeInstanceOf(Date);
	const logs = harness.logs('beta');
	const input = {logGroupName: build?.logs?.groupName, logStreamName: build?.logs?.streamName, startFromHead: true};
	let answer = await logs.send(new GetLogEventsCommand(input));
	let text = (answer.events ?? []).map(event => event.message).join('');
	for (let step = 0; step < 20; step++) {
		harness.clock.advance(10_000);
		const next = await logs.send(new GetLogEventsCommand({...input, nextToken: answer.nextForwardToken}));
		text += (next.events ?? []).map(event => event.message).join('');
		answer = next;
	}
	const last = await logs.send(new GetLogEventsCommand({...input, nextToken: answer.nextForwardToken}));
	expect(last.events).toEqual([]);
	expect(last.nextForwardToken).toBe(answer.nextForwardToken);
	expect(text).toContain('Running on CodeBuild On-demand');
	expect(text).toContain('Phase complete: BUILD State: FAILED');
	expect(text).toMatch(/Command did not exit successfully .* exit status 1/);
	expect(typeof answer.events?.[0]?.timestamp === 'number' || answer.events?.length === 0).toBe(true);
	const done = await harness.codebuild('beta').send(new BatchGetBuildsCommand({ids: [buildId]}));
	expect(done.builds?.[0].buildStatus).toBe('FAILED');
	const filtered = await logs.send(new FilterLogEventsCommand({logGroupName: build?.logs?.groupName, filterPattern: 'FAILED'}));
	expect(filtered.events?.length).toBeGreaterThan(0);
	expect(filtered.events?.every(event => event.message?.includes('FAILED'))).toBe(true);
	const missing = await failure(logs.send(new GetLogEventsCommand({logGroupName: '/aws/codebuild/nope', logStreamName: 'x'})));
	expect(missing).toBeInstanceOf(ResourceNotFoundException);
});
