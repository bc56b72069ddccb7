/**
 * The change feed beyond a known pipeline: an event naming a pipeline the store does not have yet
 * makes its source list again at once (not at the next 5-minute listing), and a feed that has
 * been silent too long is not trusted: polling resumes until an event comes; two consoles, each
 * with its own queue, both see every change.
 */

import {afterEach, expect, test} from 'vitest';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {feedOptionsFor, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {feedScenario} from '../sim/events/helpers/feed.js';
import type {PipelineEntry} from '../../source/store/types.js';
import {definition, TEAM} from './scenarios.js';

const WEB_KEY = 'team/eu-west-1/web';
let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

test('a pipeline created after the first load appears within seconds of its first event', async () => {
	fleet = await startFleetHarness({scenario: feedScenario(), feed: {}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	// Just after a listing: the next one is five minutes away.
	await harness.advance(30_000);
	const from = harness.clock.now();
	// CreatePipeline starts the pipeline's first execution, whose events name it.
	harness.world.call(TEAM.profile, 'eu-west-1', 'CreatePipeline', definition('fresh', TEAM.accountId, 'eu-west-1') as Record<string, unknown>);
	await harness.until(state => state.pipelines['team/eu-west-1/fresh']?.fetchedAt !== undefined, {what: 'the new pipeline on the store', withinMs: 10_000});
	expect(harness.clock.now() - from).toBeLessThanOrEqual(5_000);
	expect(harness.state().pipelines['team/eu-west-1/fresh'].attention).toBe('running');
});

test('a feed silent for longer than its limit falls back to polling, and an event makes it trusted again', async () => {
	const trace: TraceEvent[] = [];
	fleet = await startFleetHarness({scenario: feedScenario(), feed: {silenceMs: 300_000}, engine: {trace: event => trace.push(event)}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	await harness.until(state => state.feed?.health === 'silent', {what: 'a silent feed', withinMs: 330_000});
	const silentAt = harness.clock.now();
	await harness.advance(125_000);
	// Polled every minute again, not every ten.
	expect(trace.filter(event => event.pipeline === 'web' && event.phase === 'start' && event.at >= silentAt).length).toBeGreaterThanOrEqual(2);
	harness.world.startExecution(TEAM.profile, 'us-east-1', 'api');
	await harness.until(state => state.feed?.health === 'healthy', {what: 'the feed trusted again', withinMs: 30_000});
	expect(harness.state().feed?.lastEventAt).toBeGreaterThan(silentAt);
});

test('two consoles, one queue each (two targets of the central rule), both see every change', async () => {
	fleet = await startFleetHarness({scenario: feedScenario({queueNames: ['pipetop-alice', 'pipetop-bob']}), feed: {}});
	const harness = fleet;
	const bob = createFleetEngine({sources: harness.sources, clock: harness.clock, flushIntervalMs: 0, feed: feedOptionsFor(harness, 1)});
	harness.track(bob);
	bob.start();
	try {
		const both = () => [harness.state(), bob.store.getState()];
		await harness.until(() => both().every(state => !state.initialLoad && state.feed?.health === 'healthy'), {what: 'both feeds healthy'});
		expect(both().map(state => state.feed?.queueUrl.split('/').at(-1))).toEqual(['pipetop-alice', 'pipetop-bob']);
		await harness.advance(120_000);
		const id = harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
		await harness.until(() => both().every(state => state.pipelines['team/eu-west-1/web']?.latestExecution?.executionId === id), {what: 'both consoles show the execution', withinMs: 5_000});
		for (const state of both()) expect(state.feed?.events).toBeGreaterThanOrEqual(1);
	} finally {
		await bob.stop();
	}
});

test('the row shows an event\'s new execution at once, before the re-read answers, and the re-read then replaces it', async () => {
	fleet = await startFleetHarness({scenario: feedScenario(), feed: {}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	await harness.advance(120_000);
	const before = harness.state().pipelines[WEB_KEY].fetchedAt ?? 0;
	// Every version of the row the store holds, in order.
	const rows: PipelineEntry[] = [];
	const unsubscribe = harness.engine.store.subscribe(state => {
		const row = state.pipelines[WEB_KEY];
		if (row && row !== rows.at(-1)) rows.push(row);
	});
	const id = harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.until(state => (state.pipelines[WEB_KEY]?.fetchedAt ?? 0) > before && state.pipelines[WEB_KEY]?.latestExecution?.executionId === id, {what: 'the re-read', withinMs: 5_000});
	unsubscribe();
	// First the event's word (no read yet), then the read.
	const first = rows.find(row => row.latestExecution?.executionId === id);
	expect(first?.fetchedAt).toBe(before);
	expect(first?.latestExecution).toMatchObject({status: 'InProgress', triggerType: 'StartPipelineExecution', sourceRevisions: []});
	expect(first?.attention).toBe('running');
	expect(harness.state().pipelines[WEB_KEY].stages[0].status).toBe('InProgress');
});
