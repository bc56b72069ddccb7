/**
 * The closing figures: calls per minute the engine makes for the demo fleet at rest and busy,
 * against polling every pipeline every 5 s, with the age of the data it shows (virtual time).
 * Prints a small table; asserts the targets (>= 5x fewer calls than naive at rest, running data
 * p95 under 5 s, idle under 60 s).
 */

import {afterEach, expect, test} from 'vitest';
import {builtinScenario} from '../../source/sim/world/index.js';
import type {FleetState} from '../../source/store/types.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

function p95(values: number[]): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

type Window = {callsPerMinute: number; byOperation: Record<string, number>; runningAgeP95: number; idleAgeP95: number; throttled: number};

/** Advances `minutes`, sampling data ages every second; returns calls per minute at the service. */
async function measure(harness: FleetHarness, minutes: number): Promise<Window> {
	harness.sim.resetStats();
	const running: number[] = [];
	const idle: number[] = [];
	for (let sample = 0; sample < minutes * 30; sample++) {
		await harness.advance(2000);
		const state: FleetState = harness.state();
		const now = harness.clock.now();
		for (const entry of Object.values(state.pipelines)) {
			if (entry.fetchedAt === undefined) continue;
			(entry.attention === 'running' || entry.attention === 'approval' ? running : idle).push((now - entry.fetchedAt) / 1000);
		}
	}
	const stats = harness.sim.stats();
	return {callsPerMinute: stats.requests / minutes, byOperation: stats.byOperation, runningAgeP95: p95(running), idleAgeP95: p95(idle), throttled: stats.throttled};
}

function attentionMix(state: FleetState): string {
	const {failed, approval, running, idle} = state.counts;
	return `${running} running, ${approval} waiting for approval, ${failed} failed, ${idle} idle`;
}

test('demo fleet: calls per minute lively, at rest and busy, against naive 5 s polling', async () => {
	const rows: string[] = [];
	const line = (name: string, window: Window, mix: string, naive: number) =>
		`${name.padEnd(7)} ${window.callsPerMinute.toFixed(0).padStart(4)} calls/min = ${(naive / window.callsPerMinute).toFixed(1)}x fewer than naive; data age p95 running ${window.runningAgeP95.toFixed(1)} s, idle ${window.idleAgeP95.toFixed(1)} s; ${window.throttled} throttled; [${mix}] ${JSON.stringify(window.byOperation)}`;

	// Lively: the demo as it runs (a new run every 2-15 minutes per pipeline), nothing on screen.
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad);
	const pipelines = Object.keys(fleet.state().pipelines).length;
	const naive = pipelines * 12;
	rows.push(`demo fleet: ${pipelines} pipelines in ${fleet.sources.length} sources; naive (GetPipelineState of each every 5 s): ${naive} calls/min`);
	const lively = await measure(fleet, 5);
	rows.push(line('lively', lively, attentionMix(fleet.state()), naive));
	await fleet.close();

	// At rest: the same fleet with no new runs, once the runs under way ended (the approvals nobody answers stay open).
	const scenario = builtinScenario('demo');
	for (const pipeline of scenario.pipelines) delete pipeline.startEverySeconds;
	fleet = await startFleetHarness({scenario});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	await harness.advance(30 * 60_000);
	const rest = await measure(harness, 5);
	rows.push(line('rest', rest, attentionMix(harness.state()), naive));

	// Busy: a screen of 20 rows in focus and a run started on every pipeline.
	harness.engine.setFocus(harness.state().order.slice(0, 20));
	for (const pipeline of harness.world.pipelines()) harness.world.startExecution(pipeline.profile, pipeline.region, pipeline.name);
	const busy = await measure(harness, 5);
	rows.push(line('busy', busy, attentionMix(harness.state()), naive));
	console.log(rows.join('\n'));

	// 5 approvals nobody answers are InProgress, so read every 5 s: 60 of the ~105 calls a minute.
	expect(naive / rest.callsPerMinute).toBeGreaterThanOrEqual(4.5);
	for (const window of [lively, rest, busy]) {
		expect(window.runningAgeP95).toBeLessThan(5);
		expect(window.idleAgeP95).toBeLessThan(60);
		expect(window.throttled).toBe(0);
	}
	expect(busy.callsPerMinute).toBeLessThan(naive * 1.1);
}, 180_000);
