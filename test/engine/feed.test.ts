/**
 * The change feed through the real engine, the real SDK and the embedded service's queue, in
 * virtual time: changes reach the store through the queue long before a poll would see them,
 * duplicates and reordering change nothing, a refusing or deleted queue falls back to polling
 * and comes back, and a fleet at rest makes far fewer calls.
 */

import {afterEach, expect, test} from 'vitest';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import type {EventFeedOptions, Scenario} from '../../source/sim/contract.js';
import type {FleetState} from '../../source/store/types.js';
import {startFleetHarness, type FleetHarness, type FleetHarnessOptions} from '../helpers/fleet-harness.js';
import {feedScenario} from '../sim/events/helpers/feed.js';
import {quietScenario, TEAM} from './scenarios.js';

let fleets: FleetHarness[] = [];
afterEach(async () => {
	for (const fleet of fleets) await fleet.close();
	fleets = [];
});

const WEB = 'team/eu-west-1/web';

async function start(options: FleetHarnessOptions): Promise<FleetHarness> {
	const fleet = await startFleetHarness(options);
	fleets.push(fleet);
	return fleet;
}

const healthy = (state: FleetState) => !state.initialLoad && state.feed?.health === 'healthy';
const polls = (trace: TraceEvent[], name: string, from: number) => trace.filter(event => event.pipeline === name && event.phase === 'start' && event.at >= from).length;

/** Waits (in virtual time) until the pipeline's poll just ended: the next poll is a whole interval away. */
async function rightAfterPoll(fleet: FleetHarness, trace: TraceEvent[], name: string): Promise<void> {
	const before = trace.length;
	await fleet.until(() => trace.slice(before).some(event => event.pipeline === name && event.phase === 'end'), {what: `a poll of ${name}`, withinMs: 700_000});
}

test('an execution started on an idle pipeline reaches the store through the queue within seconds, and every change after it', async () => {
	const trace: TraceEvent[] = [];
	const fleet = await start({scenario: feedScenario(), feed: {}, engine: {trace: event => trace.push(event)}});
	await fleet.until(healthy, {what: 'a healthy feed'});
	// Idle now: polled only as a safety net, every 10 minutes.
	await fleet.advance(120_000);
	await rightAfterPoll(fleet, trace, 'web');
	const from = fleet.clock.now();
	const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.executionId === id, {what: 'the new execution on the row', withinMs: 5_000});
	expect(fleet.clock.now() - from).toBeLessThanOrEqual(3_000);
	expect(fleet.state().pipelines[WEB].attention).toBe('running');
	// One execution takes 100 s; its end is on the row within seconds of it too (first as the event says, then as read).
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.status === 'Succeeded', {what: 'the execution succeeded', withinMs: 110_000});
	await fleet.until(state => state.pipelines[WEB]?.stages.every(stage => stage.status === 'Succeeded'), {what: 'the stages read', withinMs: 3_000});
	const feed = fleet.state().feed!;
	expect(feed.events).toBeGreaterThanOrEqual(10);
	expect(feed.error).toBeUndefined();
	// Back at rest: the safety net again, not a poll a minute.
	const rest = fleet.clock.now() + 30_000;
	await fleet.advance(330_000);
	expect(polls(trace, 'web', rest)).toBeLessThanOrEqual(1);
	expect(polls(trace, 'api', rest)).toBeLessThanOrEqual(1);
});

test('duplicated and reordered deliveries change nothing: each event is applied once, and the row ends as AWS says', async () => {
	const fleet = await start({scenario: feedScenario({duplicates: 1, reorderSeconds: 6}), feed: {}});
	await fleet.until(healthy, {what: 'a healthy feed'});
	await fleet.advance(60_000);
	const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.executionId === id, {what: 'the new execution on the row', withinMs: 15_000});
	await fleet.until(state => state.pipelines[WEB]?.latestExecution?.status === 'Succeeded', {what: 'the execution succeeded', withinMs: 130_000});
	await fleet.advance(30_000);
	const feed = fleet.state().feed!;
	// 14 events, each delivered twice: every second delivery dropped by its id.
	expect(feed.duplicates).toBe(14);
	expect(feed.events + feed.outdated).toBe(14);
	const entry = fleet.state().pipelines[WEB];
	expect(entry.stages.map(stage => stage.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
	expect(entry.attention).toBe('idle');
	// Nothing left in the queue: every message was deleted once applied.
	expect(fleet.world.events?.queue()?.counts()).toEqual({visible: 0, inFlight: 0, delayed: 0});
});

for (const fault of ['refuse', 'deleted'] as const) {
	test(`a queue that ${fault === 'refuse' ? 'refuses (AccessDenied)' : 'is deleted (QueueDoesNotExist)'} falls back to polling, says so, and the feed comes back`, async () => {
		const trace: TraceEvent[] = [];
		const fleet = await start({scenario: feedScenario(), feed: {}, engine: {trace: event => trace.push(event)}});
		await fleet.until(healthy, {what: 'a healthy feed'});
		await fleet.advance(120_000);
		await rightAfterPoll(fleet, trace, 'web');
		fleet.world.events!.set({[fault]: true} as Partial<EventFeedOptions>);
		await fleet.until(state => state.feed?.health === 'failed', {what: 'the feed failed', withinMs: 30_000});
		expect(fleet.state().feed?.error?.code).toBe(fault === 'refuse' ? 'AccessDenied' : 'QueueDoesNotExist');
		// Polling again: the idle pipeline is read within a minute, not ten.
		const failedAt = fleet.clock.now();
		await fleet.advance(65_000);
		expect(polls(trace, 'web', failedAt)).toBeGreaterThanOrEqual(1);
		// A change is seen by polling while the feed is down.
		const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
		await fleet.until(state => state.pipelines[WEB]?.latestExecution?.executionId === id, {what: 'the execution seen by polling', withinMs: 65_000});
		fleet.world.events!.set({[fault]: false} as Partial<EventFeedOptions>);
		await fleet.until(healthy, {what: 'the feed back', withinMs: 70_000});
		expect(fleet.state().feed?.error).toBeUndefined();
		// And it carries changes again.
		await fleet.until(state => state.pipelines[WEB]?.latestExecution?.status === 'Succeeded', {withinMs: 200_000});
		await fleet.advance(60_000);
		await rightAfterPoll(fleet, trace, 'api');
		const from = fleet.clock.now();
		const next = fleet.world.startExecution(TEAM.profile, 'us-east-1', 'api');
		await fleet.until(state => state.pipelines['team/us-east-1/api']?.latestExecution?.executionId === next, {what: 'the execution through the feed', withinMs: 5_000});
		expect(fleet.clock.now() - from).toBeLessThanOrEqual(3_000);
	});
}

/** A quiet fleet of 40 pipelines in one account and region, its events to a queue in another. */
function restingFleet(): Scenario {
	const quiet = quietScenario({perSource: 40});
	return {...quiet, accounts: [{profile: 'tools', accountId: '999988887777', regions: ['eu-west-1']}, ...quiet.accounts], events: {account: 'tools'}};
}

test('a fleet at rest makes a fraction of the calls with the feed on', async () => {
	const callsPerMinute = async (feed: boolean) => {
		const fleet = await start({scenario: restingFleet(), ...(feed && {feed: {}})});
		await fleet.until(state => !state.initialLoad && (!feed || state.feed?.health === 'healthy'));
		await fleet.advance(600_000);
		const total = (state: FleetState) => Object.values(state.counters.callsByOperation).reduce((sum, count) => sum + count, 0);
		const reads = (state: FleetState) => state.counters.callsByOperation.GetPipelineState ?? 0;
		const [allBefore, readsBefore] = [total(fleet.state()), reads(fleet.state())];
		await fleet.advance(1_800_000);
		return {all: (total(fleet.state()) - allBefore) / 30, reads: (reads(fleet.state()) - readsBefore) / 30};
	};
	const polling = await callsPerMinute(false);
	const withFeed = await callsPerMinute(true);
	// Polling: each of the 40 pipelines read every minute, their tags every 5 minutes (and the
	// listings); the feed: 3 long polls a minute, each pipeline and its tags every 10 minutes.
	expect(polling.reads).toBeGreaterThan(38);
	expect(withFeed.reads).toBeLessThan(polling.reads / 5);
	expect(withFeed.all).toBeLessThan(polling.all / 3);
});
