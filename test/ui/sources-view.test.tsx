/**
 * The sources view on the real engine and the embedded service: one account's keys are refused,
 * the header can only start to say why at 80 columns, and `S` shows every source in full.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {BETA, livelyScenario} from '../resilience/helpers/fleets.js';
import {openConsole} from './open-console.js';

const FAILING = 'beta/us-east-1';
let fleet: FleetHarness;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 3}), seed: 7});
	await fleet.until(state => !state.initialLoad);
	fleet.setFaults({deniedAccounts: [BETA.accountId]});
	await fleet.until(state => state.sources[FAILING].health === 'failed', {what: 'beta failing'});
});

afterAll(async () => {
	await fleet?.close();
});

describe('sources view', () => {
	test('S lists every source with the whole reason and what to do; S again goes back', async () => {
		const console_ = openConsole(fleet, {columns: 80, rows: 24});
		await console_.settle(0);
		expect(console_.terminal.lines()[1]).toMatch(/^✗ beta\/us-east-1 .*\+\d+ more \(S\)$/);
		await console_.terminal.press('S');
		const lines = console_.terminal.lines();
		expect(lines[2]).toMatch(/^Sources 3: 2 ok, 0 stale, 1 failed {3}R tries the failed ones again now$/);
		expect(lines[3]).toMatch(/^AWS calls \d+: \d+ throttled, \d+ errors/);
		// The troubled source first, under the cursor, with the whole message and what to do.
		expect(lines[6]).toMatch(/^›✗ beta +us-east-1 +222222222222 +\d+ +\S+ ago +failed, retry in \d+s$/);
		expect(lines[7]).toMatch(/^ {7}AccessDeniedException: /);
		expect(console_.terminal.text()).toContain('what to do: give profile "beta" read access to CodePipeline');
		expect(lines.filter(each => /^ ✓ alpha +(us-east-1|eu-west-1) +111111111111 /.test(each))).toHaveLength(2);
		expect(lines.at(-2)).toMatch(/source 1\/3$/);
		await console_.terminal.press('S');
		expect(console_.terminal.lines()[2]).toMatch(/^ +PROFILE/);
		console_.close();
	});

	test('the cursor moves from source to source; Enter shows the fleet narrowed to that one', async () => {
		const console_ = openConsole(fleet, {columns: 100, rows: 30});
		await console_.settle(0);
		await console_.terminal.press('S');
		await console_.terminal.press('j');
		const lines = console_.terminal.lines();
		const selected = lines.find(each => each.startsWith('›'));
		expect(selected).toMatch(/^›✓ alpha +eu-west-1 /);
		expect(lines.at(-2)).toMatch(/source 2\/3$/);
		await console_.terminal.press('enter');
		const fleetLines = console_.terminal.lines();
		expect(fleetLines.at(-2)).toContain('scope: profile=alpha region=eu-west-1');
		const rows = fleetLines.slice(3, -2).filter(each => /^.[✗‖●✓·~]/.test(each));
		const expected = Object.values(fleet.state().pipelines).filter(entry => entry.profile === 'alpha' && entry.region === 'eu-west-1');
		expect(expected.length).toBeGreaterThan(0);
		expect(rows).toHaveLength(expected.length);
		for (const row of rows) expect(row).toMatch(/ alpha +(111111111111 +)?eu-west-1 /);
		console_.close();
	});

	test(':sources opens it from any view; R there tries the failed source again at once, not at its retry time', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await console_.settle(0);
		await console_.terminal.press(':');
		await console_.terminal.type('sources');
		await console_.terminal.press('enter');
		expect(console_.terminal.lines()[2]).toMatch(/^Sources 3:/);
		const source = fleet.state().sources[FAILING];
		expect(source.retryAt! - fleet.clock.now()).toBeGreaterThan(1000);
		const denied = fleet.sim.stats().denied;
		await console_.terminal.press('R');
		await fleet.advance(200);
		expect(fleet.sim.stats().denied).toBeGreaterThan(denied);
		expect(console_.terminal.lines().at(-2)).toContain('asking every source again now');
		console_.close();
	});
});
