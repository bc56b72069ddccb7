/**
 * The header says whether the change feed carries the fleet's changes: "events ✓" while the
 * queue answers, "events ✗ polling" while it refuses (and pipetop polls instead), and ✓ again
 * once it answers. Without a feed the header has no word of it.
 */
import {afterEach, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {feedScenario} from '../sim/events/helpers/feed.js';
import {openConsole} from './open-console.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

test('the header shows the feed healthy, failed (polling) and back', async () => {
	fleet = await startFleetHarness({scenario: feedScenario(), feed: {}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	const console_ = openConsole(harness, {columns: 100, rows: 20});
	await console_.settle(0);
	expect(console_.terminal.lines()[0]).toMatch(/^pipetop .*2 pipelines {2}events ✓$/);
	await console_.terminal.press('S');
	expect(console_.terminal.lines()[4]).toMatch(/^Events http:\/\/127\.0\.0\.1:\d+\/999988887777\/pipetop-events: ok, no event yet, 0 events, 0 duplicates/);
	await console_.terminal.press('S');
	harness.world.events!.set({refuse: true});
	await harness.until(state => state.feed?.health === 'failed', {withinMs: 30_000});
	await console_.settle(0);
	expect(console_.terminal.lines()[0]).toMatch(/2 pipelines {2}events ✗ polling$/);
	// The sources view has the whole reason.
	await console_.terminal.press('S');
	expect(console_.terminal.lines()[4]).toMatch(/^Events http:\/\/127\.0\.0\.1:\d+\/999988887777\/pipetop-events: failed, retry in \d+s; polling instead$/);
	expect(console_.terminal.lines()[5]).toMatch(/^ {7}AccessDenied: User: arn:aws:iam::/);
	await console_.terminal.press('S');
	harness.world.events!.set({refuse: false});
	await harness.until(state => state.feed?.health === 'healthy', {withinMs: 70_000});
	await console_.settle(0);
	expect(console_.terminal.lines()[0]).toMatch(/events ✓$/);
	console_.close();
});

test('without a feed the header does not mention events', async () => {
	fleet = await startFleetHarness({scenario: feedScenario()});
	await fleet.until(state => !state.initialLoad);
	const console_ = openConsole(fleet, {columns: 100, rows: 20});
	await console_.settle(0);
	expect(console_.terminal.lines()[0]).toMatch(/2 pipelines$/);
	console_.close();
});
