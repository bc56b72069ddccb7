/**
 * The 24-hour soak (`npm run soak`): a day of virtual time against the lively demo with every
 * fault switched on and off in turn (20 minutes each, then 20 minutes healthy), the console
 * rendering throughout. Memory and the store stay flat after warm-up, timers and sockets stay
 * bounded, every pipeline is fresh at the end, and nothing is left behind after shutdown.
 *
 * SOAK_HOURS=2 npm run soak runs a shorter day. Takes about 30-40 minutes of real time on 2 cores.
 */

import {expect, test} from 'vitest';
import {FAULT_PHASES, heapGrowth, runSoak} from './run-soak.js';

const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const HOUR = 3_600_000;

test(`${HOURS} hours of virtual time with faults on and off: flat, bounded, fresh, clean`, async () => {
	const report = await runSoak({
		durationMs: HOURS * HOUR,
		phaseMs: 20 * 60_000,
		stepMs: 5000,
		checkpointMs: HOURS >= 8 ? HOUR : HOUR / 4,
		log: line => process.stdout.write(`${line}\n`),
	});
	process.stdout.write(`${JSON.stringify({...report, checkpoints: report.checkpoints.length}, null, 2)}\n`);
	expect(report.phasesRun.length).toBeGreaterThanOrEqual(Math.min(FAULT_PHASES.length, Math.floor((HOURS * HOUR) / (40 * 60_000))));
	expect(report.unhealthy).toEqual([]);
	expect(report.notFresh).toEqual([]);
	expect(report.stderr).toBe('');
	// Flat: after a quarter of the run has warmed everything up (the demo world itself keeps up to
	// 100 executions per pipeline, so some growth is the world's, bounded), the heap grows little.
	const warmUp = (HOURS * HOUR) / 4;
	expect(heapGrowth(report, warmUp)).toBeLessThan(30);
	const settled = report.checkpoints.filter(checkpoint => checkpoint.at >= warmUp);
	const store = settled.map(checkpoint => checkpoint.storeKb);
	expect(Math.max(...store)).toBeLessThan(Math.min(...store) * 1.25 + 64);
	const timers = report.checkpoints.map(checkpoint => checkpoint.timers);
	expect(Math.max(...timers)).toBeLessThan(200);
	expect(Math.max(...report.checkpoints.map(checkpoint => checkpoint.sockets))).toBeLessThan(80);
	expect(report.leftTimers).toBe(0);
	expect(report.leftSockets).toBe(0);
});
