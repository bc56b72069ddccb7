/**
 * The console's clock: it repaints only when a time on screen would read differently (see
 * source/ui/shell/screen-clock.ts), and that must never leave an old age on screen.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createScreenClock} from '../../source/ui/shell/screen-clock.js';
import {formatAgo} from '../../source/format/time.js';
import type {Ticker} from '../../source/ui/shell/ticker.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from './open-console.js';
import {largeFleetScenario} from './scenarios.js';

/** A ticker driven by hand. */
function manualTicker(): Ticker & {tick(): void} {
	const listeners = new Set<() => void>();
	let count = 0;
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => count,
		tick() {
			count++;
			for (const listener of listeners) listener();
		},
	};
}

describe('screen clock', () => {
	test('a tick that changes no text on screen is not passed on; one that does is', () => {
		const ticker = manualTicker();
		let now = 0;
		const clock = createScreenClock(ticker, () => now, () => at => `${Math.floor(at / 60_000)}m`);
		let repaints = 0;
		clock.subscribe(() => repaints++);
		now = 30_000;
		ticker.tick();
		expect(repaints).toBe(0);
		expect(clock.getSnapshot()).toBe(0);
		now = 61_000;
		ticker.tick();
		expect(repaints).toBe(1);
		expect(clock.getSnapshot()).toBe(61_000);
	});

	test('a screen that cannot say what it shows gets every tick; a recheck publishes only on request', () => {
		const ticker = manualTicker();
		let now = 0;
		let shows: ((at: number) => string | undefined) | undefined;
		const clock = createScreenClock(ticker, () => now, () => shows);
		let repaints = 0;
		clock.subscribe(() => repaints++);
		now = 1000;
		ticker.tick();
		expect(repaints).toBe(1);
		shows = () => undefined;
		now = 2000;
		clock.recheck(false);
		expect(clock.getSnapshot()).toBe(1000);
		clock.recheck(true);
		expect(clock.getSnapshot()).toBe(2000);
	});
});

/** Each pipeline row's name and AGE cell (right-aligned under the title). */
const ages = (console_: OpenConsole) => {
	const lines = console_.terminal.lines();
	// (STAGES contains AGE too.)
	const end = lines[2].search(/ AGE /) + ' AGE'.length;
	return lines
		.slice(3)
		.map(line => ({name: /svc-\d+/.exec(line)?.[0], age: line.slice(end - 4, end).trim()}))
		.filter(row => row.name !== undefined);
};

/** What each row's age should read now. */
const expectedAges = (fleet: FleetHarness) => {
	const state = fleet.state();
	return new Map(Object.values(state.pipelines).map(entry => [entry.name, formatAgo(entry.latestExecution?.startTime, fleet.clock.now())]));
};

const showsCurrentAges = (console_: OpenConsole, fleet: FleetHarness) => {
	const expected = expectedAges(fleet);
	const rows = ages(console_);
	return rows.length > 0 && rows.every(row => row.age === expected.get(row.name!));
};

describe('ages on the fleet screen', () => {
	let fleet: FleetHarness;
	beforeAll(async () => {
		fleet = await startFleetHarness({scenario: largeFleetScenario(8)});
		await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	});
	afterAll(async () => {
		await fleet?.close();
	});

	test('read the current time after a quiet hour, on the fleet and in a view opened then', async () => {
		const console_ = openConsole(fleet, {columns: 160, rows: 30});
		await console_.settle(0);
		await console_.terminal.waitFor(() => showsCurrentAges(console_, fleet));
		const before = ages(console_).map(row => row.age);
		// An hour of a quiet fleet: every age on screen (in hours) reads differently.
		await fleet.advance(3_600_000);
		await console_.terminal.waitFor(() => showsCurrentAges(console_, fleet));
		expect(ages(console_).map(row => row.age)).not.toEqual(before);

		// The pipeline view opened now starts from the current time, not the last repaint's.
		const first = ages(console_)[0];
		await console_.terminal.press('enter');
		await console_.terminal.waitFor(first.name!);
		const started = fleet.state().pipelines[Object.keys(fleet.state().pipelines).find(key => key.endsWith(`/${first.name}`))!].latestExecution?.startTime;
		expect(console_.terminal.text()).toContain(formatAgo(started, fleet.clock.now()));
		console_.close();
		// An hour of the demo fleet is a few thousand real calls on loopback: on a busy machine that
		// takes longer than the default limit. Nothing here waits on the wall clock.
	}, 180_000);
});
