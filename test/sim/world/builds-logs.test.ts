import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
];

function building(outcome: 'Succeeded' | 'Failed') {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': [240, [outcome]]})}]);
	t.start('app');
	t.advance(30);
	const buildId: string = t.action('app', 'Build', 'Compile').latestExecution.externalExecutionId;
	const builds = () => t.world.call('test', 'us-east-1', 'BatchGetBuilds', {ids: [buildId]}) as any;
	const logs = (input: Record<string, unknown>) => t.world.call('test', 'us-east-1', 'GetLogEvents', input) as any;
	return {...t, buildId, builds, logs};
}

test('a CodeBuild action runs a build whose phases advance with time', () => {
	const t = building('Succeeded');
	expect(t.buildId).toMatch(/^app-compile:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	const early = t.builds().builds[0];
	expect(early).toMatchObject({id: t.buildId, buildStatus: 'IN_PROGRESS', projectName: 'app-compile', initiator: 'codepipeline/app', buildComplete: false, buildNumber: 1});
	expect(early.arn).toBe(`arn:aws:codebuild:us-east-1:111122223333:build/${t.buildId}`);
	expect(early.endTime).toBeUndefined();
	expect(early.logs).toMatchObject({groupName: '/aws/codebuild/app-compile', streamName: t.buildId.split(':')[1]});
	expect(early.logs.deepLink).toContain('logsV2:log-groups');
	const phasesEarly = early.phases.length;
	t.advance(120);
	const mid = t.builds().builds[0];
	expect(mid.phases.length).toBeGreaterThan(phasesEarly);
	expect(mid.currentPhase).toBe(mid.phases[mid.phases.length - 1].phaseType);
	t.advance(120);
	const done = t.builds().builds[0];
	expect(done).toMatchObject({buildStatus: 'SUCCEEDED', currentPhase: 'COMPLETED', buildComplete: true});
	expect(done.endTime - done.startTime).toBeCloseTo(240, 0);
	expect(done.phases.map((phase: any) => phase.phaseType)).toEqual(['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED']);
	const missing = t.world.call('test', 'us-east-1', 'BatchGetBuilds', {ids: [t.buildId, 'other:00000000-0000-4000-8000-000000000000']}) as any;
	expect(missing.buildsNotFound).toEqual(['other:00000000-0000-4000-8000-000000000000']);
});

test('log lines appear as virtual time passes; at the end the forward token comes back unchanged', () => {
	const t = building('Succeeded');
	const {groupName, streamName} = t.builds().builds[0].logs;
	const first = t.logs({logGroupName: groupName, logStreamName: streamName, startFromHead: true});
	for (const event of first.events) expect(event.timestamp).toBeLessThanOrEqual(t.clock.now());
	expect(Number.isInteger(first.events[0]?.timestamp ?? 0)).toBe(true);
	let token = first.nextForwardToken;
	expect(token).toMatch(/^f\/\d{56}\/s$/);
	const seen = [...first.events];
	const idle = t.logs({logGroupName: groupName, logStreamName: streamName, startFromHead: true, nextToken: token});
	expect(idle.events).toEqual([]);
	expect(idle.nextForwardToken).toBe(token);
	for (let step = 0; step < 30; step++) {
		t.advance(10);
		const page = t.logs({logGroupName: groupName, logStreamName: streamName, startFromHead: true, nextToken: token});
		seen.push(...page.events);
		token = page.nextForwardToken;
	}
	const text = seen.map((event: any) => event.message).join('');
	expect(text).toMatch(/^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{3} Running on CodeBuild On-demand\n/);
	expect(text).toContain('Phase is DOWNLOAD_SOURCE');
	expect(text).toContain('Entering phase INSTALL');
	expect(text).toContain('Running command ');
	expect(text).toContain('Phase complete: BUILD State: SUCCEEDED');
	expect(text).not.toContain('State: FAILED');
	const whole = t.logs({logGroupName: groupName, logStreamName: streamName, startFromHead: true});
	expect(whole.events.map((event: any) => event.message).join('')).toBe(text);
	// Without startFromHead the newest events come back; a backward token pages towards the head.
	const tail = t.logs({logGroupName: groupName, logStreamName: streamName, limit: 5});
	expect(tail.events).toEqual(whole.events.slice(-5));
	const before = t.logs({logGroupName: groupName, logStreamName: streamName, limit: 5, nextToken: tail.nextBackwardToken});
	expect(before.events).toEqual(whole.events.slice(-10, -5));
});

test('a failed build says why, in the log and in the action', () => {
	const t = building('Failed');
	t.advance(300);
	const build = t.builds().builds[0];
	expect(build.buildStatus).toBe('FAILED');
	const failedPhase = build.phases.find((phase: any) => phase.phaseStatus === 'FAILED');
	expect(failedPhase.phaseType).toBe('BUILD');
	expect(failedPhase.contexts[0].statusCode).toBe('COMMAND_EXECUTION_ERROR');
	const text = t.logs({logGroupName: build.logs.groupName, logStreamName: build.logs.streamName, startFromHead: true}).events.map((event: any) => event.message).join('');
	expect(text).toMatch(/Command did not exit successfully .+ exit status 1\n/);
	expect(text).toContain('Phase complete: BUILD State: FAILED');
	expect(text).toMatch(/fail/i);
	const action = t.action('app', 'Build', 'Compile').latestExecution;
	expect(action.status).toBe('Failed');
	expect(action.errorDetails.message).toContain('Build terminated with state: FAILED');
	const filtered = t.world.call('test', 'us-east-1', 'FilterLogEvents', {logGroupName: build.logs.groupName, filterPattern: '"State: FAILED"'}) as any;
	expect(filtered.events).toHaveLength(1);
	expect(filtered.events[0]).toMatchObject({logStreamName: build.logs.streamName, message: expect.stringContaining('Phase complete: BUILD State: FAILED')});
	expect(filtered.events[0].eventId).toMatch(/^\d{56}$/);
});

test('FilterLogEvents pages across streams; unknown groups and streams are ResourceNotFoundException', () => {
	const t = building('Succeeded');
	t.start('app');
	t.advance(600);
	const group = '/aws/codebuild/app-compile';
	const page = t.world.call('test', 'us-east-1', 'FilterLogEvents', {logGroupName: group, filterPattern: 'Phase complete', limit: 5}) as any;
	expect(page.events).toHaveLength(5);
	expect(page.nextToken).toBeDefined();
	let total = page.events.length;
	let token = page.nextToken;
	while (token) {
		const next = t.world.call('test', 'us-east-1', 'FilterLogEvents', {logGroupName: group, filterPattern: 'Phase complete', limit: 5, nextToken: token}) as any;
		total += next.events.length;
		token = next.nextToken;
	}
	expect(total).toBe(2 * 6); // DOWNLOAD_SOURCE, INSTALL, PRE_BUILD, BUILD, POST_BUILD, UPLOAD_ARTIFACTS
	const logs = (input: Record<string, unknown>) => () => t.world.call('test', 'us-east-1', 'GetLogEvents', input);
	expect(logs({logGroupName: '/aws/codebuild/none', logStreamName: 'x'})).toThrow('The specified log group does not exist.');
	expect(logs({logGroupName: group, logStreamName: 'x'})).toThrow('The specified log stream does not exist.');
	expect(logs({logGroupName: group})).toThrow(/logStreamName/);
});
