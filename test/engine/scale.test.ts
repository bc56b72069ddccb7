/**
 * The benchmark's shape, run when asked (PIPETOP_SCALE=1, about 5 minutes of real time): 2,000
 * pipelines over 20 sources, each source limited to 10 calls/s by the service, 10% of them
 * running long builds. Prints how long the first states took against the rate-limit floor, the
 * throttled share, and steady-state calls against naive 5 s polling.
 */

import {expect, test} from 'vitest';
import {startFleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario} from './scenarios.js';

test.runIf(process.env.PIPETOP_SCALE)('2,000 pipelines over 20 sources at 10 calls/s each', async () => {
	const accounts = Array.from({length: 4}, (_, index) => ({profile: `acct${index}`, accountId: String(100_000_000_000 + index)}));
	const scenario = quietScenario({perSource: 100, accounts, regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']});
	for (const [index, pipeline] of scenario.pipelines.entries()) {
		if (index % 10 !== 0) continue;
		pipeline.startEverySeconds = 600;
		pipeline.behaviour = {'Build/Compile': {seconds: 500}};
	}
	const fleet = await startFleetHarness({scenario, faults: {rateLimit: {perSecond: 10}}});
	try {
		const started = fleet.clock.now();
		await fleet.until(state => Object.keys(state.pipelines).length === 2000 && Object.values(state.pipelines).every(entry => entry.fetchedAt !== undefined), {withinMs: 600_000});
		const statesSeconds = (fleet.clock.now() - started) / 1000;
		const atStates = fleet.sim.stats();
		await fleet.until(state => !state.initialLoad, {withinMs: 900_000});
		const loadedSeconds = (fleet.clock.now() - started) / 1000;
		const loaded = fleet.sim.stats();
		await fleet.advance(600_000);
		fleet.sim.resetStats();
		await fleet.advance(600_000);
		const steady = fleet.sim.stats();
		const perMinute = steady.requests / 10;
		console.log(
			[
				`every state in ${statesSeconds.toFixed(1)} s (floor ${(101 / 10).toFixed(1)} s), ${atStates.throttled}/${atStates.requests} throttled`,
				`first load in ${loadedSeconds.toFixed(1)} s (floor ${(301 / 10).toFixed(1)} s), ${loaded.throttled}/${loaded.requests} throttled`,
				`steady: ${perMinute.toFixed(0)} calls/min vs naive ${2000 * 12} (${((2000 * 12) / perMinute).toFixed(1)}x fewer), ${steady.throttled} throttled`,
			].join('\n'),
		);
		expect(statesSeconds).toBeLessThan(10.1 * 1.25);
		expect(loaded.throttled / loaded.requests).toBeLessThan(0.02);
		expect((2000 * 12) / perMinute).toBeGreaterThanOrEqual(5);
	} finally {
		await fleet.close();
	}
}, 900_000);
