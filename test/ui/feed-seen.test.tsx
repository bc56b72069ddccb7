/**
 * A pipeline seen through events in the console: its row says where it was seen (profile column
 * `events`, with its account) and its status, and an operator key on it opens nothing and says why.
 */
import {afterEach, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {feedScenario, TEAM} from '../sim/events/helpers/feed.js';
import {openConsole} from './open-console.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

test('the seen pipeline\'s row, and the stop key refused with the reason', async () => {
	fleet = await startFleetHarness({scenario: feedScenario(), profiles: ['tools'], feed: {}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.until(state => state.pipelines[`events:${TEAM.accountId}/eu-west-1/web`]?.attention === 'running', {withinMs: 5_000});
	const console_ = openConsole(harness, {columns: 160, rows: 20});
	await console_.settle(0);
	const row = console_.terminal.lines().find(line => line.includes(' web '));
	expect(row).toMatch(new RegExp(`^›● events +${TEAM.accountId} eu-west-1 web +InProgress +now`));
	await console_.terminal.press('s');
	await console_.settle(0);
	expect(console_.terminal.text()).not.toContain('Press y to confirm');
	expect(await console_.terminal.waitFor('seen through events only')).toContain(`no profile reads account ${TEAM.accountId}`);
	console_.close();
});
