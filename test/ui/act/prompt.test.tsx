/**
 * The `:` prompt: Tab completes words and pipeline names (listing candidates when several fit),
 * up and down recall this session's commands, and an ambiguous name opens a chooser instead of
 * guessing. Through the real engine on the demo fleet.
 */
import {expect, test} from 'vitest';
import {topOf} from '../../../source/ui/model/ui-store.js';
import {demoFleet} from './demo-fleet.js';
import {openConsole, type OpenConsole} from '../open-console.js';

const demo = demoFleet();

// The prompt's cursor is a blank cell after the text.
const statusLine = (console_: OpenConsole) => console_.terminal.lines().at(-2)!.trimEnd();

test('Tab completes the word, then the name; several candidates complete as far as they agree and are listed', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 120, rows: 30});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('pi');
	await console_.terminal.press('tab');
	expect(statusLine(console_)).toBe(':pipeline');
	expect(console_.services.ui.getState().prompt?.text).toBe('pipeline ');
	await console_.terminal.type('orders');
	await console_.terminal.press('tab');
	expect(statusLine(console_)).toMatch(/^:pipeline orders-api- {3}orders-api-\S+( orders-api-\S+){3}$/);
	expect(statusLine(console_)).toContain('orders-api-prod-ew11');
	await console_.terminal.type('st');
	await console_.terminal.press('tab');
	expect(statusLine(console_)).toBe(':pipeline orders-api-staging');
	await console_.terminal.press('enter');
	await console_.settle();
	expect(console_.terminal.lines()[2]).toMatch(/^orders-api-staging {2}/);
	console_.close();
});

test('up and down walk the commands run this session; down past the newest empties the prompt', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 120, rows: 30});
	await console_.settle(0);
	for (const command of ['failed', 'running']) {
		await console_.terminal.press(':');
		await console_.terminal.type(command);
		await console_.terminal.press('enter');
	}
	await console_.terminal.press(':', 'up');
	expect(statusLine(console_)).toBe(':running');
	await console_.terminal.press('up');
	expect(statusLine(console_)).toBe(':failed');
	await console_.terminal.press('up');
	expect(statusLine(console_)).toBe(':failed');
	await console_.terminal.press('down');
	expect(statusLine(console_)).toBe(':running');
	await console_.terminal.press('down');
	expect(statusLine(console_)).toBe(':');
	console_.close();
});

test('an ambiguous :pipeline NAME opens a chooser of the candidates; Enter opens the one chosen, Esc none', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 100, rows: 30});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('pipeline orders');
	await console_.terminal.press('enter');
	const text = console_.terminal.text();
	expect(text).toContain('4 pipelines match "orders": which one?');
	for (const name of ['orders-api-dev', 'orders-api-prod', 'orders-api-prod-ew11', 'orders-api-staging']) expect(text).toContain(`/${name}`);
	await console_.terminal.press('esc');
	expect(topOf(console_.services.ui.getState()).kind).toBe('fleet');
	expect(console_.terminal.text()).not.toContain('which one?');
	await console_.terminal.press(':', 'up', 'enter', 'down', 'enter');
	await console_.settle();
	const chosen = console_.services.ui.getState().stack.at(-1)!;
	expect(chosen.kind).toBe('pipeline');
	const key = (chosen as {key: string}).key;
	expect(key).toMatch(/\/orders-api-/);
	expect(console_.terminal.lines()[2]).toContain(demo.fleet.state().pipelines[key]!.name);
	console_.close();
});
