import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from './open-console.js';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
});
afterAll(async () => {
	await fleet?.close();
});

/** The pipeline rows of the fleet frame (after two header lines and the column titles). */
const rowsOf = (console_: OpenConsole) => console_.terminal.lines().slice(3, console_.terminal.rows - 2).filter(line => line.trim() !== '');
const selectedRow = (console_: OpenConsole) => console_.terminal.lines().find(line => line.startsWith('›'));

describe('fleet view', () => {
	test.each([
		[80, 24],
		[200, 50],
	])('at %ix%i the frame fills the terminal exactly, most urgent pipelines first', async (columns, rows) => {
		const console_ = openConsole(fleet, {columns, rows});
		await console_.settle(0);
		const lines = console_.terminal.lines();
		expect(lines).toHaveLength(rows);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
		const {counts} = fleet.state();
		expect(lines[0]).toContain(`✗ ${counts.failed} failed`);
		expect(lines[0]).toContain(`‖ ${counts.approval} approval`);
		expect(lines[0]).toContain(`${counts.total} pipelines`);
		expect(lines[1]).toContain('✓ dev/us-east-1');
		expect(lines[2]).toMatch(/PROFILE .*REGION +PIPELINE +STAGES +STATUS/);
		const data = rowsOf(console_);
		expect(data).toHaveLength(Math.min(rows - 5, counts.total));
		expect(data[0]).toMatch(/^›✗ .*Failed/);
		// Failed, then approvals, then running: the attention order of the store.
		const statuses = data.map(line => /(Failed|Approval|InProgress|Succeeded|Stopped|Cancelled|Superseded)/.exec(line)?.[1]);
		expect(statuses.indexOf('Approval')).toBeGreaterThan(statuses.lastIndexOf('Failed'));
		expect(lines.at(-1)).toMatch(/^q quit {2}\? help/);
		expect(lines.at(-2)).toBe(`1/${counts.total}`);
		console_.close();
	});

	test('a wide terminal adds account, revision and commit message', async () => {
		const wide = openConsole(fleet, {columns: 200, rows: 50});
		const narrow = openConsole(fleet, {columns: 80, rows: 24});
		await wide.settle(0);
		await narrow.settle(0);
		expect(wide.terminal.lines()[2]).toMatch(/ACCOUNT.*REV +COMMIT/);
		expect(narrow.terminal.lines()[2]).not.toContain('ACCOUNT');
		const entry = fleet.state().pipelines[fleet.state().order[0]];
		expect(rowsOf(wide)[0]).toContain(entry.accountId!);
		expect(rowsOf(wide)[0]).toContain(entry.name);
		wide.close();
		narrow.close();
	});

	test('j/k, G/g and PgDn move the cursor; the list scrolls to keep it in view', async () => {
		const console_ = openConsole(fleet, {columns: 100, rows: 20});
		await console_.settle(0);
		const {order, pipelines} = fleet.state();
		await console_.terminal.press('j', 'j');
		expect(selectedRow(console_)).toContain(pipelines[order[2]].name);
		await console_.terminal.press('k');
		expect(selectedRow(console_)).toContain(pipelines[order[1]].name);
		await console_.terminal.press('G');
		expect(selectedRow(console_)).toContain(pipelines[order.at(-1)!].name);
		expect(console_.terminal.text()).not.toContain(pipelines[order[0]].name);
		expect(console_.terminal.lines().at(-2)).toBe(`${order.length}/${order.length}`);
		await console_.terminal.press('g', 'pgdn');
		expect(console_.terminal.lines().at(-2)).toBe(`15/${order.length}`);
		await console_.terminal.press('down', 'up', 'up');
		expect(console_.terminal.lines().at(-2)).toBe(`14/${order.length}`);
		console_.close();
	});

	test('Enter opens the selected pipeline and Esc comes back to the same row', async () => {
		const console_ = openConsole(fleet, {columns: 100, rows: 30});
		await console_.settle(0);
		const {order, pipelines} = fleet.state();
		await console_.terminal.press('j', 'j', 'j', 'enter');
		await console_.settle();
		const name = pipelines[order[3]].name;
		expect(console_.terminal.lines()[2]).toMatch(new RegExp(`^${name} `));
		await console_.terminal.press('esc');
		expect(selectedRow(console_)).toContain(name);
		console_.close();
	});

	test('/ filters by words as they are typed; ! excludes; Esc clears', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 40});
		await console_.settle(0);
		await console_.terminal.press('/');
		await console_.terminal.type('prod !network');
		expect(console_.terminal.lines().at(-2)).toBe('/prod !network ');
		const rows = rowsOf(console_);
		expect(rows.length).toBeGreaterThan(3);
		for (const row of rows) {
			expect(row).toContain('prod');
			expect(row).not.toContain('network');
		}
		await console_.terminal.press('enter');
		const total = fleet.state().counts.total;
		expect(console_.terminal.lines().at(-2)).toMatch(new RegExp(`^filter prod !network  \\d+/${rows.length} of ${total} pipelines$`));
		await console_.terminal.press('esc');
		expect(rowsOf(console_)).toHaveLength(Math.min(35, total));
		expect(console_.terminal.text()).toContain('filter cleared');
		console_.close();
	});

	test('/tag:team=payments keeps the pipelines with that tag (tags read from ListTagsForResource)', async () => {
		// Tags are read with each pipeline's first poll after the first load (within a minute).
		await fleet.until(state => Object.values(state.pipelines).every(entry => entry.tags !== undefined), {what: 'the tags', withinMs: 120_000});
		const console_ = openConsole(fleet, {columns: 120, rows: 40});
		await console_.settle(0);
		await console_.terminal.press('/');
		await console_.terminal.type('tag:team=payments');
		await console_.terminal.press('enter');
		const names = rowsOf(console_).map(row => /\b[a-z-]+-(?:dev|staging|prod)\b/.exec(row)?.[0]);
		expect(names.sort()).toEqual(['billing-reports-prod', 'billing-reports-staging', 'payments-service-dev', 'payments-service-prod', 'payments-service-staging']);
		console_.close();
	});

	test('a filter can match region and status, and says so when nothing matches', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 40});
		await console_.settle(0);
		await console_.terminal.press('/');
		await console_.terminal.type('ap-southeast');
		for (const row of rowsOf(console_)) expect(row).toContain('ap-southeast-2');
		await console_.terminal.press('esc', '/');
		await console_.terminal.type('failed');
		const failed = fleet.state().counts.failed;
		expect(rowsOf(console_)).toHaveLength(failed);
		await console_.terminal.type(' zzz-nothing');
		expect(console_.terminal.text()).toContain('no pipeline matches "failed zzz-nothing" (Esc clears)');
		console_.close();
	});

	test(': command mode scopes by profile, region and status, and jumps to a pipeline', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 40});
		await console_.settle(0);
		const run = async (command: string) => {
			await console_.terminal.press(':');
			await console_.terminal.type(command);
			await console_.terminal.press('enter');
			await console_.settle(0);
		};
		await run('profile staging');
		for (const row of rowsOf(console_)) expect(row).toMatch(/^.. staging /);
		expect(console_.terminal.text()).toContain('scope: profile=staging');
		await run('region eu-west-1');
		for (const row of rowsOf(console_)) expect(row).toMatch(/ staging .*eu-west-1/);
		await run('all');
		await run('failed');
		expect(rowsOf(console_)).toHaveLength(fleet.state().counts.failed);
		for (const row of rowsOf(console_)) expect(row).toContain('Failed');
		await run('approvals');
		for (const row of rowsOf(console_)) expect(row).toContain('Approval');
		await run('profile nobody');
		expect(console_.terminal.text()).toContain('no profile "nobody" (known: dev, prod, staging)');
		await run('frobnicate');
		expect(console_.terminal.text()).toContain('unknown command ":frobnicate"');
		await run('pipeline checkout-web-prod');
		expect(console_.terminal.lines()[2]).toMatch(/^checkout-web-prod /);
		console_.close();
	});

	test('keys that arrive in one chunk (a paste, tmux send-keys, a slow link) act one by one', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 40});
		await console_.settle(0);
		await console_.terminal.write('jjj');
		expect(console_.terminal.lines().at(-2)).toMatch(/^4\//);
		await console_.terminal.write(':pipeline checkout-web-prod\r');
		await console_.settle();
		expect(console_.terminal.lines()[2]).toMatch(/^checkout-web-prod /);
		console_.close();
	});

	test('q quits', async () => {
		const console_ = openConsole(fleet, {columns: 80, rows: 24});
		await console_.settle(0);
		const exited = console_.terminal.instance.waitUntilExit();
		await console_.terminal.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	test('Ctrl-C quits even from a prompt', async () => {
		const console_ = openConsole(fleet, {columns: 80, rows: 24});
		await console_.settle(0);
		const exited = console_.terminal.instance.waitUntilExit();
		await console_.terminal.press(':', 'ctrl+c');
		await expect(exited).resolves.toBeUndefined();
	});
});
