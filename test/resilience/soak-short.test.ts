/**
 * The soak in short form, inside `npm test`: a few minutes of virtual time against the lively
 * demo with every fault phase switched on and off once, the console rendering throughout. It
 * proves the mechanics the 24-hour soak (`npm run soak`, test/soak/) relies on: recovery from each
 * phase, every pipeline fresh at the end, no timer or socket left behind after shutdown.
 */

import {expect, test} from 'vitest';
import {FAULT_PHASES, runSoak} from '../soak/run-soak.js';

test('every fault on and off once: all fresh at the end, nothing left behind', async () => {
	// Phases of 5 s (one step each) only reach the first backoff step: 45 s of health heals them all.
	const report = await runSoak({durationMs: FAULT_PHASES.length * 2 * 5000, phaseMs: 5000, stepMs: 5000, checkpointMs: 60_000, healMs: 45_000});
	expect(report.phasesRun).toEqual(FAULT_PHASES.map(phase => phase.name));
	expect(report.unhealthy).toEqual([]);
	expect(report.notFresh).toEqual([]);
	expect(report.stderr).toBe('');
	expect(report.framesRendered).toBeGreaterThan(10);
	expect(report.leftTimers).toBe(0);
	expect(report.leftSockets).toBe(0);
}, 120_000);
