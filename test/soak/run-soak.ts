/**
 * A long run of pipetop against the lively demo, in virtual time, with faults switched on and
 * off: the real engine and console on the embedded service. Used by the 24-hour soak
 * (`npm run soak`) and by its short form in `npm test`.
 *
 * What it records, for the caller to judge: memory at checkpoints (after a forced GC), the
 * store's size, timers waiting on the clock, sockets open, and at the end whether every
 * pipeline is fresh; after shutdown, whether any timer or socket was left behind.
 */

import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {DEFAULT_CALL_TIMEOUT_MS, DEFAULT_INTERVALS, STALE_FACTOR} from '../../source/engine/defaults.js';
import type {FaultOptions} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';

/** The demo's accounts and regions the faults aim at. */
const STAGING = '318406719254';
const PROD = '471120983365';

/** Faults in turn, each followed by a healthy spell of the same length. */
export const FAULT_PHASES: Array<{name: string; faults: FaultOptions}> = [
	// First: after a rate limit lifts, the budget finds the new rate again over a couple of minutes.
	{name: 'rate limit', faults: {rateLimit: {perSecond: 2, burst: 4}}},
	{name: 'throttling storm', faults: {throttleRate: 0.5}},
	{name: '5xx burst on prod', faults: {serverErrorRate: 0.5, scope: {accountIds: [PROD]}}},
	{name: 'dead region', faults: {deadRegions: ['ap-southeast-2']}},
	{name: 'keys refused on staging', faults: {deniedAccounts: [STAGING]}},
	{name: 'dropped connections', faults: {dropRate: 0.2}},
	{name: 'damaged answers', faults: {malformedRate: 0.2}},
	{name: 'unknown enums and wrong types', faults: {misbehave: {unknownEnums: 0.3, wrongTypes: ['lastStatusChange']}}},
];

export type SoakOptions = {
	/** Virtual time to run, in ms. */
	durationMs: number;
	/** Length of each fault phase (and of the healthy spell after it). */
	phaseMs: number;
	/** Virtual time per step (timers due within a step fire together). */
	stepMs?: number;
	/** A memory and resource checkpoint this often. */
	checkpointMs: number;
	/** Healthy time at the end before freshness is judged (default: the longest backoff plus an idle cycle). */
	healMs?: number;
	/** Render the console at this size throughout (default 120x40). */
	terminal?: {columns: number; rows: number};
	log?: (line: string) => void;
};

export type Checkpoint = {at: number; heapMb: number; storeKb: number; timers: number; sockets: number; phase: string};

export type SoakReport = {
	checkpoints: Checkpoint[];
	phasesRun: string[];
	/** Pipelines of the world with no fresh entry at the end (should be none). */
	notFresh: string[];
	/** Sources not ok at the end. */
	unhealthy: string[];
	/** After everything stopped: timers still on the clock, sockets still open (over the start). */
	leftTimers: number;
	leftSockets: number;
	framesRendered: number;
	stderr: string;
	calls: number;
	realMs: number;
};

let gcReady = false;
/** A full GC, also without --expose-gc, so heap figures compare like with like. */
export function collectGarbage(): void {
	if (!gcReady) {
		setFlagsFromString('--expose-gc');
		gcReady = true;
	}
	const gc = (globalThis as {gc?: () => void}).gc ?? (runInNewContext('gc') as () => void);
	gc();
	gc();
}

function openSockets(): number {
	return process.getActiveResourcesInfo().filter(kind => kind === 'TCPSocketWrap' || kind === 'TCPServerWrap').length;
}

/**
 * Moves time forward by `ms` in steps. A dead region's calls only end at their time limit, which
 * the harness waits for by moving time, so a phase that revives a region lets them time out first.
 */
async function step(fleet: FleetHarness, ms: number, stepMs: number): Promise<void> {
	for (let done = 0; done < ms; done += stepMs) {
		fleet.clock.advance(Math.min(stepMs, ms - done));
		await fleet.settle();
	}
}

async function switchFaults(fleet: FleetHarness, current: FaultOptions, next: FaultOptions): Promise<void> {
	if ((current.deadRegions?.length ?? 0) > 0) {
		// The sim answers again, but calls already held end only at their time limit: let them.
		fleet.sim.setFaults(next);
		fleet.clock.advance(DEFAULT_CALL_TIMEOUT_MS + 1);
		await fleet.settle();
	}
	fleet.setFaults(next);
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const started = performance.now();
	const stepMs = options.stepMs ?? 5000;
	const log = options.log ?? (() => undefined);
	const socketsBefore = openSockets();
	const fleet = await startFleetHarness({scenario: 'demo', seed: 2026});
	const checkpoints: Checkpoint[] = [];
	const phasesRun: string[] = [];
	let framesRendered = 0;
	let stderr = '';
	let report: SoakReport;
	try {
		await fleet.until(state => !state.initialLoad, {what: 'the first load'});
		const console_ = openConsole(fleet, options.terminal ?? {columns: 120, rows: 40});
		const write = console_.terminal.stdout.write;
		console_.terminal.stdout.write = ((chunk: string, ...rest: unknown[]) => {
			framesRendered++;
			return write(chunk, ...(rest as [never, never]));
		}) as typeof write;
		await console_.settle(0);

		let current: FaultOptions = {};
		let phase = 'healthy';
		let nextCheckpoint = 0;
		const begin = fleet.clock.now();
		// Counted in spells, not by the clock: reviving a dead region takes a call's time limit extra.
		const spells = Math.ceil(options.durationMs / options.phaseMs);
		for (let index = 0; index < spells; index++) {
			// Odd spells are healthy; even ones run the next fault.
			const fault = index % 2 === 0 ? FAULT_PHASES[(index / 2) % FAULT_PHASES.length] : undefined;
			const next = fault?.faults ?? {};
			await switchFaults(fleet, current, next);
			current = next;
			phase = fault?.name ?? 'healthy';
			if (fault) phasesRun.push(fault.name);
			const spell = options.phaseMs;
			for (let spent = 0; spent < spell; ) {
				const chunk = Math.min(spell - spent, Math.max(stepMs, nextCheckpoint - (fleet.clock.now() - begin)));
				await step(fleet, chunk, stepMs);
				spent += chunk;
				// A person glances and moves the cursor now and then.
				await console_.terminal.press(index % 3 === 0 ? 'j' : 'k');
				if (fleet.clock.now() - begin >= nextCheckpoint) {
					collectGarbage();
					const checkpoint: Checkpoint = {
						at: fleet.clock.now() - begin,
						heapMb: Math.round(process.memoryUsage().heapUsed / 1e5) / 10,
						storeKb: Math.round(JSON.stringify(fleet.state()).length / 1024),
						timers: fleet.clock.pending(),
						sockets: openSockets(),
						phase,
					};
					checkpoints.push(checkpoint);
					log(`soak ${(checkpoint.at / 3_600_000).toFixed(1)} h: heap ${checkpoint.heapMb} MB, store ${checkpoint.storeKb} KB, timers ${checkpoint.timers}, sockets ${checkpoint.sockets}, ${phase}, ${Math.round((performance.now() - started) / 1000)} s real`);
					nextCheckpoint += options.checkpointMs;
				}
			}
		}

		// The end: healthy long enough for every pipeline to be read at its own cadence.
		await switchFaults(fleet, current, {});
		// Timer by timer here (not in coarse steps, where each call of a poll waits for the next
		// step): freshness is judged as a user would see it.
		await fleet.advance(options.healMs ?? DEFAULT_INTERVALS.maxBackoff + DEFAULT_INTERVALS.idle);
		await console_.settle(0);
		const state = fleet.state();
		const now = fleet.clock.now();
		const notFresh = fleet.world
			.pipelines()
			.map(pipeline => `${pipeline.profile}/${pipeline.region}/${pipeline.name}`)
			.filter(key => {
				const entry = state.pipelines[key];
				return !entry || entry.stale || entry.error !== undefined || now - (entry.fetchedAt ?? 0) > STALE_FACTOR * DEFAULT_INTERVALS.idle;
			});
		const unhealthy = Object.values(state.sources)
			.filter(source => source.health !== 'ok')
			.map(source => `${source.key}: ${source.health}`);
		for (const entry of Object.values(state.pipelines)) {
			if (entry.stale || entry.error) log(`not fresh: ${entry.key} ${entry.attention} ${entry.latestExecution?.status} data ${Math.round((now - (entry.fetchedAt ?? 0)) / 1000)} s old${entry.error ? ` ${entry.error.code}: ${entry.error.message}` : ''}`);
		}
		stderr = console_.terminal.stderr.writes.join('');
		console_.close();
		report = {checkpoints, phasesRun, notFresh, unhealthy, leftTimers: 0, leftSockets: 0, framesRendered, stderr, calls: fleet.sim.stats().requests, realMs: 0};
	} finally {
		await fleet.close();
	}
	// Everything stopped: the engine's and the world's timers are gone, and their sockets closed.
	await new Promise(resolve => setTimeout(resolve, 50));
	report.leftTimers = fleet.clock.pending();
	report.leftSockets = Math.max(0, openSockets() - socketsBefore);
	report.realMs = Math.round(performance.now() - started);
	return report;
}

/** Heap growth from the first checkpoint after warm-up to the last, in MB. */
export function heapGrowth(report: SoakReport, warmUpMs: number): number {
	const after = report.checkpoints.filter(checkpoint => checkpoint.at >= warmUpMs);
	if (after.length < 2) return 0;
	return after.at(-1)!.heapMb - after[0].heapMb;
}
