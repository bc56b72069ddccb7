/** History, action executions, definitions and build logs: read when asked, cached, paged. */

import {afterEach, expect, test} from 'vitest';
import {executionKeyOf} from '../../source/format/keys.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario, TEAM} from './scenarios.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

const REGION = 'eu-west-1';
const key = (name: string) => `${TEAM.profile}/${REGION}/${name}`;

/** Runs a promise-returning engine call while virtual time moves until it settles. */
async function drive<T>(harness: FleetHarness, promise: Promise<T>): Promise<T> {
	let done = false;
	const result = promise.finally(() => {
		done = true;
	});
	for (let step = 0; step < 600 && !done; step++) await harness.advance(100);
	return result;
}

test('history loads a page at a time, newest first, and is cached for a few seconds', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 1, history: 40})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const name = 'team-eu-west-1-p0';
	const calls = () => harness.sim.stats().byOperation.ListPipelineExecutions ?? 0;
	const before = calls();
	await drive(harness, harness.engine.loadHistory(key(name)));
	const first = harness.state().histories[key(name)];
	expect(first.items).toHaveLength(25);
	expect(first.nextToken).toBeDefined();
	expect(first.loading).toBe(false);
	const starts = first.items.map(item => item.startTime ?? 0);
	expect([...starts].sort((a, b) => b - a)).toEqual(starts);

	await drive(harness, harness.engine.loadHistory(key(name), {more: true}));
	const both = harness.state().histories[key(name)];
	expect(both.items.length).toBeGreaterThan(25);
	expect(new Set(both.items.map(item => item.executionId)).size).toBe(both.items.length);
	expect(calls() - before).toBe(2);

	// Asked again right away (the view re-opened): served from the store.
	await drive(harness, harness.engine.loadHistory(key(name)));
	expect(calls() - before).toBe(2);
});

test('action executions of one execution load once it is over, and build logs read to the end', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 1, history: 3})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const name = 'team-eu-west-1-p0';
	const latest = harness.state().pipelines[key(name)].latestExecution;
	expect(latest).toBeDefined();
	const executionId = latest?.executionId ?? '';
	await drive(harness, harness.engine.loadActionExecutions(key(name), executionId));
	const actions = harness.state().actionExecutions[executionKeyOf(key(name), executionId)];
	expect(actions.error).toBeUndefined();
	expect(actions.items.map(item => `${item.stageName}/${item.actionName}`).sort()).toEqual(['Build/Compile', 'Deploy/Ship', 'Source/Checkout']);
	expect(actions.items.every(item => item.executionId === executionId)).toBe(true);
	const calls = harness.sim.stats().byOperation.ListActionExecutions;
	await harness.advance(30_000);
	await drive(harness, harness.engine.loadActionExecutions(key(name), executionId));
	expect(harness.sim.stats().byOperation.ListActionExecutions).toBe(calls);

	const build = actions.items.find(item => item.actionName === 'Compile')?.externalExecutionId;
	expect(build).toMatch(/:/);
	await drive(harness, harness.engine.openLog(key(name), build ?? ''));
	const log = harness.state().logs[build ?? ''];
	expect(log.error).toBeUndefined();
	expect(log.groupName).toMatch(/^\/aws\/codebuild\//);
	expect(log.lines.length).toBeGreaterThan(0);
	expect(log.live).toBe(false);
	harness.engine.closeLog(build ?? '');

	await drive(harness, harness.engine.loadDefinition(key(name)));
	expect(harness.state().definitions[key(name)]).toMatchObject({name, stages: expect.any(Array)});
});

test('a followed build log keeps reading while the build runs, and stops when closed', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 1, behaviour: {'Build/Compile': {seconds: 120}}})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const name = 'team-eu-west-1-p0';
	harness.world.startExecution(TEAM.profile, REGION, name);
	harness.engine.setFocus([key(name)]);
	await harness.until(state => state.pipelines[key(name)].stages[1].actions[0].status === 'InProgress' && state.pipelines[key(name)].stages[1].actions[0].externalExecutionId !== undefined);
	const build = harness.state().pipelines[key(name)].stages[1].actions[0].externalExecutionId ?? '';
	await drive(harness, harness.engine.openLog(key(name), build, {follow: true}));
	expect(harness.state().logs[build].live).toBe(true);
	const early = harness.state().logs[build].lines.length;
	await harness.until(state => state.logs[build].live === false, {withinMs: 300_000, what: 'the build to end'});
	expect(harness.state().logs[build].lines.length).toBeGreaterThan(early);
	expect(harness.state().logs[build].buildStatus).toBe('SUCCEEDED');
	const reads = harness.sim.stats().byOperation.GetLogEvents;
	await harness.advance(60_000);
	expect(harness.sim.stats().byOperation.GetLogEvents).toBe(reads);
	harness.engine.closeLog(build);
});
