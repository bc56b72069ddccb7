/**
 * `:commit REV` on the real engine and the embedded service, in virtual time: one commit pushed to
 * three pipelines that are now at three different stages, the frame at 120x30 (every line checked),
 * the cursor moving between pipelines, and Enter opening one.
 */
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {SHOP_COMMIT, SHOP_REPOSITORY, sharedRepoScenario} from '../helpers/shared-repo.js';
import {openConsole} from './open-console.js';

let fleet: FleetHarness;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: sharedRepoScenario()});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	fleet.world.push({repository: SHOP_REPOSITORY, commitId: SHOP_COMMIT, message: 'fix: rounding of VAT'});
	await fleet.advance(180_000);
});

afterAll(async () => {
	await fleet?.close();
});

test(':commit shows each pipeline with the furthest stage the commit reached and what every stage last ran', async () => {
	const console_ = openConsole(fleet, {columns: 120, rows: 30, notify: false});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type(`commit ${SHOP_COMMIT.slice(0, 7)}`);
	await console_.terminal.press('enter');
	// The view reads each pipeline's history under the budget: a few seconds of virtual time.
	await console_.settle(3000);
	await console_.settle(0);
	const body = console_.terminal.lines().slice(2, -2).map(each => each.trimEnd()).filter(each => each !== '');
	const ago = String.raw`\d+[sm] ago`;
	const old = '[0-9a-f]{7} first release of the shop';
	const expected = [
		/^Revision 7e3f9a2: in 3 of 3 pipelines$/,
		// Attention order (the fleet's): the running ones first, the latest change first.
		new RegExp(String.raw`^›● shop-prod {5}Build InProgress {2}${ago} {2}prod/eu-west-1 333344445555 {2}7e3f9a2 fix: rounding of VAT$`),
		/^ {3}=> Source ✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Build {2}● 7e3f9a2 fix: rounding of VAT$/,
		new RegExp(`^ {6}Deploy ✓ ${old}$`),
		new RegExp(`^ {6}Verify ✓ ${old}$`),
		new RegExp(String.raw`^ ● shop-staging {2}Deploy InProgress {2}${ago} {2}staging/us-east-1 222233334444 {2}7e3f9a2 fix: rounding of VAT$`),
		/^ {3}=> Source ✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Build {2}✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Deploy ● 7e3f9a2 fix: rounding of VAT$/,
		new RegExp(`^ {6}Verify ✓ ${old}$`),
		new RegExp(String.raw`^ ✓ shop-dev {6}Verify Succeeded {2}${ago} {2}dev/us-east-1 111122223333 {2}7e3f9a2 fix: rounding of VAT$`),
		/^ {3}=> Source ✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Build {2}✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Deploy ✓ 7e3f9a2 fix: rounding of VAT$/,
		/^ {3}=> Verify ✓ 7e3f9a2 fix: rounding of VAT$/,
	];
	expect(body.length, body.join('\n')).toBe(expected.length);
	body.forEach((each, index) => expect(each, `line ${index}`).toMatch(expected[index]));
	expect(console_.terminal.lines().at(-2)).toMatch(/pipeline 1\/3$/);

	// j moves to the next pipeline, Enter opens it.
	await console_.terminal.press('j');
	expect(console_.terminal.lines().find(each => each.startsWith('›'))).toMatch(/^›● shop-staging /);
	await console_.terminal.press('enter');
	await console_.settle(0);
	expect(console_.terminal.lines().slice(0, 4).join('\n')).toContain('shop-staging');
	expect(console_.terminal.lines().at(-2)).not.toMatch(/pipeline \d\/3$/);
	console_.close();
});

test(':commit with a revision nobody ran says so; a bad one is refused at the prompt', async () => {
	const console_ = openConsole(fleet, {columns: 80, rows: 24, notify: false});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('commit deadbeef');
	await console_.terminal.press('enter');
	await console_.settle(3000);
	const lines = console_.terminal.lines().slice(2, 6).map(each => each.trimEnd());
	expect(lines).toEqual(['Revision deadbeef: in none of 3 pipelines', '', ' no recent execution of any pipeline carries it', '']);
	await console_.terminal.press('escape');
	await console_.terminal.press(':');
	await console_.terminal.type('commit');
	await console_.terminal.press('enter');
	expect(console_.terminal.lines().at(-2)).toContain('usage: :commit COMMIT|BRANCH|TAG');
	console_.close();
});
