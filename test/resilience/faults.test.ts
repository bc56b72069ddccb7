/**
 * Faults as an on-call screen meets them, one at a time, each for a minute of virtual time,
 * against the real engine and console on the embedded service. For each: the console keeps
 * answering keys, the sources not at fault keep updating, the source at fault says why on
 * screen and keeps its rows, and once the fault ends it comes back by itself within one idle
 * cycle (60 s), with no restart and no key pressed.
 */

import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {DEFAULT_CALL_TIMEOUT_MS, DEFAULT_INTERVALS} from '../../source/engine/defaults.js';
import type {FaultOptions} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../ui/open-console.js';
import {BETA, livelyScenario, SOURCES} from './helpers/fleets.js';
import {allReadSince, keysAnswer, pipelinesOf, sourceLine} from './helpers/watch.js';

let fleet: FleetHarness;
let console_: OpenConsole;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario(), seed: 11});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	console_ = openConsole(fleet, {columns: 140, rows: 30});
	await console_.settle(0);
});

afterAll(async () => {
	console_?.close();
	await fleet?.close();
});

type Case = {
	name: string;
	faults: FaultOptions;
	/** Sources the fault hits. */
	hit: string[];
	/** What the header must say about each source hit; undefined: the fault must not show as a failure. */
	reason?: RegExp;
};

const cases: Case[] = [
	{name: 'a throttling storm (half the calls refused for a minute)', faults: {throttleRate: 0.5}, hit: [...SOURCES]},
	{name: 'a 500/503 burst on one account', faults: {serverErrorRate: 1, scope: {accountIds: [BETA.accountId]}}, hit: ['beta/us-east-1'], reason: /beta\/us-east-1 \[\S+ old\] (InternalFailure|ServiceUnavailable)/},
	// The SDK reports a dropped connection as a TimeoutError "socket hang up"; pipetop counts it as a blip.
	{name: 'dropped connections on one account', faults: {dropRate: 1, scope: {accountIds: [BETA.accountId]}}, hit: ['beta/us-east-1'], reason: /beta\/us-east-1 \[\S+ old\] (ECONNRESET|ConnectionReset|EPIPE|TimeoutError: socket hang up)/},
	{name: 'a region that stops answering', faults: {deadRegions: ['eu-west-1']}, hit: ['alpha/eu-west-1'], reason: /alpha\/eu-west-1 \[\S+ old\] TimeoutError: .*eu-west-1/},
	{name: 'an account whose keys start being refused', faults: {deniedAccounts: [BETA.accountId]}, hit: ['beta/us-east-1'], reason: /beta\/us-east-1 \[\S+ old\] AccessDeniedException: .*not authorized/},
];

/**
 * Clears the faults. Calls a dead region still holds end only at their time limit, which the
 * harness cannot wait for without moving time: let them time out first, as they would.
 */
async function endFaults(): Promise<void> {
	const holding = fleet.sim.stats().held > 0;
	fleet.setFaults({});
	if (holding) {
		fleet.clock.advance(DEFAULT_CALL_TIMEOUT_MS);
		await fleet.settle();
	}
	fleet.sim.resetStats();
}

/** Runs the fault for 70 s (a minute, and the 10 s a call may take to time out), pressing keys as it goes. */
async function underFault(faults: FaultOptions, ms = 70_000): Promise<number> {
	const start = fleet.clock.now();
	fleet.setFaults(faults);
	for (let spent = 0; spent < ms; spent += 20_000) {
		await fleet.advance(Math.min(20_000, ms - spent));
		await console_.terminal.settle();
		await keysAnswer(console_);
	}
	return start;
}

describe.each(cases)('$name', ({faults, hit, reason}) => {
	test('keys answer, others update, the reason shows, rows stay; recovery within one cycle', async () => {
		const rowsBefore = fleet.state().order.length;
		const start = await underFault(faults);
		const state = fleet.state();
		await console_.terminal.settle();

		for (const source of SOURCES.filter(key => !hit.includes(key))) {
			expect(state.sources[source].health, source).toBe('ok');
			expect(allReadSince(state, source, start), `${source} kept updating`).toBe(true);
		}
		// A source at fault keeps its rows (last known state), it does not empty the screen.
		expect(state.order).toHaveLength(rowsBefore);
		if (reason) {
			for (const source of hit) expect(state.sources[source].health, source).toBe('failed');
			expect(sourceLine(console_)).toMatch(reason);
		} else {
			for (const source of SOURCES) expect(state.sources[source].health, source).not.toBe('failed');
			expect(state.counters.throttled).toBeGreaterThan(0);
			for (const entry of Object.values(state.pipelines)) expect(entry.error, entry.key).toBeUndefined();
		}

		await endFaults();
		const ended = fleet.clock.now();
		await fleet.until(now => SOURCES.every(source => now.sources[source].health === 'ok' && allReadSince(now, source, ended)), {
			withinMs: DEFAULT_INTERVALS.idle,
			what: 'recovery within one idle cycle',
		});
		await console_.settle(0);
		expect(sourceLine(console_)).not.toMatch(/failed|Error|Exception/);
		for (const source of hit) for (const entry of pipelinesOf(fleet.state(), source)) expect(entry.error, entry.key).toBeUndefined();
	});
});

test('latency spikes of several seconds: keys answer while calls hang, and the slow source catches up', async () => {
	fleet.setFaults({latencyMs: 2000, scope: {accountIds: [BETA.accountId]}});
	const start = fleet.clock.now();
	// Read everything now: beta's calls sit in the sim for 2 s of real time.
	fleet.engine.refresh();
	fleet.clock.advance(1000);
	// Dispatch takes a few event-loop turns, longer on a loaded machine; each call then sits in the
	// sim for 2 s of real time, so waiting up to 1.5 s for the first still catches it in flight.
	const dispatchBy = performance.now() + 1500;
	while (fleet.engine.inFlight('beta/us-east-1') === 0 && performance.now() < dispatchBy) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}
	expect(fleet.engine.inFlight('beta/us-east-1')).toBeGreaterThan(0);
	await keysAnswer(console_);
	// The keys answered while the slow source's calls were still waiting in the sim: nothing the
	// console does waits on a call (a condition, not a stopwatch: it holds on a busy machine).
	expect(fleet.engine.inFlight('beta/us-east-1')).toBeGreaterThan(0);
	// The budget paces the source's calls in virtual time: let a few seconds pass (each step waits for the slow answers).
	await fleet.until(now => allReadSince(now, 'beta/us-east-1', start), {withinMs: 10_000, what: 'the slow source read again'});
	await endFaults();
});

test('a few dropped connections do not take a whole source out', async () => {
	// The SDK reports a connection the server dropped as name "TimeoutError", message "socket hang
	// up": a blip to retry, not an unreachable region (which would stop the source's polls).
	fleet.setFaults({dropRate: 0.15, scope: {accountIds: [BETA.accountId]}});
	let failed = false;
	try {
		for (let second = 0; second < 60; second += 5) {
			await fleet.advance(5000);
			failed ||= fleet.state().sources['beta/us-east-1'].health === 'failed';
		}
		expect(failed).toBe(false);
	} finally {
		await endFaults();
		await fleet.until(now => now.sources['beta/us-east-1'].health === 'ok', {withinMs: 120_000});
	}
});

test('after a long outage (5.5 minutes of refused keys) the source is back within one idle cycle of the fault ending', async () => {
	// A failed source's retries double from 5 s but are capped at the idle interval (one
	// ListPipelines a minute per failed source), so a long outage never delays recovery by more.
	// Five and a half minutes: just past a probe, so the next one is minutes away.
	await underFault({deniedAccounts: [BETA.accountId]}, 330_000);
	await endFaults();
	const ended = fleet.clock.now();
	try {
		await fleet.until(now => now.sources['beta/us-east-1'].health === 'ok' && allReadSince(now, 'beta/us-east-1', ended), {withinMs: DEFAULT_INTERVALS.idle, what: 'recovery within one idle cycle'});
	} finally {
		await fleet.until(now => now.sources['beta/us-east-1'].health === 'ok', {withinMs: DEFAULT_INTERVALS.maxBackoff + DEFAULT_INTERVALS.idle});
	}
});

test('a failing source shows its data age (how old what is on screen is), not only its reason', async () => {
	await underFault({deniedAccounts: [BETA.accountId]});
	await console_.terminal.settle();
	try {
		expect(sourceLine(console_)).toMatch(/beta\/us-east-1 .*(\d+[smh] (old|ago))/);
	} finally {
		await endFaults();
		await fleet.until(now => now.sources['beta/us-east-1'].health === 'ok', {withinMs: 120_000});
	}
});
