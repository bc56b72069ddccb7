/**
 * Throttling: the service's own rate limit (a token bucket per account+region) against the
 * engine's adaptive budget. The engine must slow down to what the service allows, keep its
 * throttled share low, and speed up again when the limit lifts.
 */

import {afterEach, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario} from './scenarios.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

test('at a 2 calls/s limit the fleet loads close to the floor, rarely throttled; the rate climbs back when the limit lifts', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 60}), faults: {rateLimit: {perSecond: 2, burst: 2}}});
	const harness = fleet;
	const source = 'team/eu-west-1';
	const started = harness.clock.now();

	// Every state first: 1 list + 60 GetPipelineState at 2/s is a 30.5 s floor.
	await harness.until(state => Object.keys(state.pipelines).length === 60 && Object.values(state.pipelines).every(entry => entry.fetchedAt !== undefined), {what: 'every state'});
	const statesSeconds = (harness.clock.now() - started) / 1000;
	expect(statesSeconds).toBeLessThan(30.5 * 1.25);

	// Then definitions and latest executions: 181 calls, a 90.5 s floor.
	await harness.until(state => !state.initialLoad, {what: 'first load'});
	const loadedSeconds = (harness.clock.now() - started) / 1000;
	expect(loadedSeconds).toBeLessThan(90.5 * 1.25);
	for (const entry of Object.values(harness.state().pipelines)) {
		expect(entry.error).toBeUndefined();
		expect(entry.latestExecution).toBeDefined();
	}
	const stats = harness.sim.stats();
	expect(stats.throttled / stats.requests).toBeLessThan(0.05);
	const slowed = harness.engine.inspect()[source];
	expect(slowed.rate).toBeLessThan(2.5);

	// The limit lifts; the operator asks for everything again (key R) every 20 s.
	harness.setFaults({});
	for (let round = 0; round < 6; round++) {
		harness.engine.refresh();
		await harness.advance(20_000);
	}
	const recovered = harness.engine.inspect()[source];
	expect(recovered.rate).toBeGreaterThan(5);
});

test('a limit that appears under way slows the engine down without losing data', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 40}), intervals: {idle: 10_000}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	// 40 pipelines every 10 s is 4 calls/s; the service now allows 1.
	harness.setFaults({rateLimit: {perSecond: 1, burst: 1}});
	harness.sim.resetStats();
	await harness.advance(300_000);
	const stats = harness.sim.stats();
	// A bucket of one call a second with no burst is as harsh as it gets: every probe costs a throttle.
	expect(stats.throttled / stats.requests).toBeLessThan(0.08);
	expect(harness.engine.inspect()['team/eu-west-1'].rate).toBeLessThan(1.3);
	// Data gets older than wanted (stale) but every pipeline keeps its rows and no error shows.
	const state = harness.state();
	expect(Object.keys(state.pipelines)).toHaveLength(40);
	expect(Object.values(state.pipelines).some(entry => entry.stale)).toBe(true);
	expect(Object.values(state.pipelines).every(entry => entry.error === undefined)).toBe(true);
	expect(state.sources['team/eu-west-1'].health).toBe('stale');
});
