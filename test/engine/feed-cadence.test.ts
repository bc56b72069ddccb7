/**
 * The cadence the change feed allows, through the real engine, the real SDK and the embedded
 * service's queue, in virtual time: a throttled queue keeps the safety net (it answers, and keeps
 * every message), and a pipeline on screen with nothing in progress is read as any idle one while
 * the feed is healthy, at the active cadence while it runs or when the feed fails.
 */

import {afterEach, expect, test} from 'vitest';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import type {FeedState} from '../../source/store/feed-types.js';
import type {FleetState} from '../../source/store/types.js';
import {startFleetHarness, type FleetHarness, type FleetHarnessOptions} from '../helpers/fleet-harness.js';
import {feedScenario, TOOLS} from '../sim/events/helpers/feed.js';
import {TEAM} from './scenarios.js';

let fleets: FleetHarness[] = [];
afterEach(async () => {
	for (const fleet of fleets) await fleet.close();
	fleets = [];
});

const WEB = 'team/eu-west-1/web';
const API = 'team/us-east-1/api';

async function start(options: FleetHarnessOptions): Promise<{fleet: FleetHarness; trace: TraceEvent[]; health: Array<FeedState['health']>}> {
	const trace: TraceEvent[] = [];
	const fleet = await startFleetHarness({...options, engine: {trace: event => trace.push(event)}});
	fleets.push(fleet);
	// Every health the feed showed, in order.
	const health: Array<FeedState['health']> = [];
	fleet.engine.store.subscribe(state => {
		const now = state.feed?.health;
		if (now && now !== health.at(-1)) health.push(now);
	});
	return {fleet, trace, health};
}

const healthy = (state: FleetState) => !state.initialLoad && state.feed?.health === 'healthy';
const polls = (trace: TraceEvent[], name: string, from: number) => trace.filter(event => event.pipeline === name && event.phase === 'start' && event.at >= from).length;

test('a queue that throttles (a third of its calls) stays healthy: idle pipelines stay on the safety net and events still arrive', async () => {
	const {fleet, trace, health} = await start({scenario: feedScenario(), feed: {}, faults: {throttleRate: 0.35, scope: {accountIds: [TOOLS.accountId], operations: ['ReceiveMessage', 'DeleteMessageBatch']}}});
	await fleet.until(healthy, {what: 'a healthy feed'});
	await fleet.advance(120_000);
	const from = fleet.clock.now();
	const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.executionId === id, {what: 'the new execution on the row', withinMs: 10_000});
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.status === 'Succeeded', {what: 'the execution succeeded', withinMs: 130_000});
	await fleet.advance(300_000 - (fleet.clock.now() - from));
	expect(fleet.state().counters.callsByOperation.ReceiveMessage).toBeGreaterThan(0);
	expect(health).not.toContain('failed');
	// The other pipeline, idle all along, is not read every minute as when polling alone.
	expect(polls(trace, 'api', from)).toBeLessThanOrEqual(1);
});

test('on screen and idle: the safety net while the feed is healthy; running: the active cadence; the feed failed: the active cadence again', async () => {
	const {fleet, trace} = await start({scenario: feedScenario(), feed: {}});
	await fleet.until(healthy, {what: 'a healthy feed'});
	fleet.engine.setFocus([WEB, API]);
	await fleet.advance(60_000);
	const restFrom = fleet.clock.now();
	await fleet.advance(300_000);
	// Both on screen, neither running: at most one safety-net read each in five minutes (not 60).
	expect(polls(trace, 'web', restFrom)).toBeLessThanOrEqual(1);
	expect(polls(trace, 'api', restFrom)).toBeLessThanOrEqual(1);
	// A run (100 s) is read at the active cadence, as the approval tokens and conditions need.
	const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.until(state => state.pipelines[WEB]?.attention === 'running' && state.pipelines[WEB]?.latestExecution?.executionId === id, {what: 'the run on the row', withinMs: 10_000});
	const runFrom = fleet.clock.now();
	await fleet.advance(60_000);
	expect(polls(trace, 'web', runFrom)).toBeGreaterThanOrEqual(8);
	await fleet.until(state => state.pipelines[WEB]?.attention === 'idle', {what: 'the run over', withinMs: 120_000});
	// The feed fails: the pipelines on screen are back on the active cadence.
	fleet.world.events!.set({refuse: true});
	await fleet.until(state => state.feed?.health === 'failed', {what: 'the feed failed', withinMs: 30_000});
	const failedFrom = fleet.clock.now();
	await fleet.advance(60_000);
	expect(polls(trace, 'api', failedFrom)).toBeGreaterThanOrEqual(8);
});
