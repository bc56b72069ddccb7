/**
 * `pipetop --region all` in the console, on the app's own bootstrap and engine over the embedded
 * service, at a fixed terminal size: two accounts in different regions (one uses an opt-in region
 * it enabled, both have opt-in regions they did not enable), every pipeline in the fleet, no failed
 * source, and the sources view with the regions without pipelines in one line per profile.
 */
import {afterAll, beforeAll, expect, test} from 'vitest';
import {bootstrap, type Bootstrapped} from '../../source/app/bootstrap.js';
import {partitionRegions} from '../../source/aws/index.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {REGIONS_SCENARIO} from '../helpers/regions-scenario.js';
import {openConsole, type OpenConsole} from './open-console.js';

let fleet: FleetHarness;
let app: Bootstrapped;
let console_: OpenConsole;
const COLUMNS = 120;
const ROWS = 30;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: REGIONS_SCENARIO, start: false});
	const {context} = fleet.commandContext([], {allProfiles: true, region: 'all'});
	app = await bootstrap(context, {clock: fleet.clock, engine: {flushIntervalMs: 0}});
	fleet.track(app.engine);
	// The console on the app's engine, as `pipetop --all-profiles --region all` has it.
	console_ = openConsole({...fleet, engine: app.engine}, {columns: COLUMNS, rows: ROWS});
	app.engine.start();
	await fleet.until(() => !app.engine.store.getState().initialLoad, {what: 'the first load'});
	await console_.settle();
});
afterAll(async () => {
	console_?.close();
	await app?.close();
	await fleet?.close();
});

function frame(): string[] {
	const lines = console_.terminal.lines();
	expect(lines).toHaveLength(ROWS);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(COLUMNS);
	return lines;
}

test('the fleet shows every pipeline of both accounts, the opt-in region among them, and no failed source', () => {
	const lines = frame();
	expect(lines[0]).toMatch(/^pipetop .*4 pipelines/);
	for (const [profile, region, name] of [['alpha', 'us-east-1', 'checkout'], ['alpha', 'eu-west-1', 'checkout-eu'], ['beta', 'eu-west-1', 'ledger'], ['beta', 'ap-southeast-3', 'ledger-jakarta']]) {
		expect(lines.filter(line => line.includes(` ${name} `) && line.includes(profile) && line.includes(region))).toHaveLength(1);
	}
	expect(lines[0]).toMatch(/ ✗ 0 failed /);
	// The header's sources line names the four, all well; nothing below says otherwise.
	expect(lines[1]).toBe('✓ alpha/eu-west-1  ✓ alpha/us-east-1  ✓ beta/ap-southeast-3  ✓ beta/eu-west-1');
	const text = lines.slice(1).join('\n');
	expect(text).not.toContain('✗');
	expect(text).not.toMatch(/failed|UnrecognizedClient|check the access keys/);
});

test('S: the four regions with pipelines one by one, the others counted in one line per profile, quiet', async () => {
	const optIn = (await partitionRegions('eu-west-1')).length - 17;
	await console_.terminal.press('S');
	const lines = frame();
	expect(lines[2]).toBe('Sources 4: 4 ok, 0 stale, 0 failed');
	// The opt-in regions' refusals are how AWS says "not enabled": not errors.
	expect(lines[3]).toMatch(/^AWS calls \d+: 0 throttled, 0 errors/);
	const rows = lines.filter(line => /^[ ›][✓✗~] \S+ +\S+-\d /.test(line));
	expect(rows.map(line => line.slice(2).trim().split(/ +/).slice(0, 2).join('/')).sort()).toEqual(['alpha/eu-west-1', 'alpha/us-east-1', 'beta/ap-southeast-3', 'beta/eu-west-1']);
	expect(lines).toContain(`   alpha   15 regions without pipelines, ${optIn} opt-in regions not enabled in this account`);
	expect(lines).toContain(`   beta    17 regions without pipelines, ${optIn - 2} opt-in regions not enabled in this account`);
	expect(lines.at(-2)).toMatch(/source 1\/4$/);
	await console_.terminal.press('S');
});

test('at 80x24 the counted regions wrap under their profile instead of running off the screen', async () => {
	const narrow = openConsole({...fleet, engine: app.engine}, {columns: 80, rows: 24});
	try {
		await narrow.settle(0);
		await narrow.terminal.press('S');
		const lines = narrow.terminal.lines();
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
		const alpha = lines.findIndex(line => line.startsWith('   alpha   15 regions without pipelines,'));
		expect(alpha).toBeGreaterThan(0);
		expect(lines[alpha + 1]).toMatch(/^ {11}\S/);
		expect(`${lines[alpha]} ${lines[alpha + 1].trim()}`).toMatch(/ \d+ opt-in regions not enabled in this account$/);
	} finally {
		narrow.close();
	}
});
