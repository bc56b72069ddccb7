import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole, type OpenConsole} from './open-console.js';

const fleet = loadedFleetPerFile({scenario: 'demo'});

async function command(console_: OpenConsole, text: string): Promise<void> {
	await console_.terminal.press(':');
	await console_.terminal.type(text);
	await console_.terminal.press('enter');
	await console_.settle();
}

describe('definition view', () => {
	test('d shows the declaration as JSON; it scrolls and searches', async () => {
		// Tags are read with each pipeline's first poll after the first load (within a minute).
		await fleet().until(state => Object.values(state.pipelines).every(entry => entry.tags !== undefined), {what: 'the tags', withinMs: 120_000});
		const console_ = openConsole(fleet(), {columns: 100, rows: 30});
		await console_.settle(0);
		await command(console_, 'pipeline checkout-web-prod');
		await console_.terminal.press('d');
		await console_.settle();
		const lines = console_.terminal.lines();
		expect(lines[2]).toMatch(/^Definition of checkout-web-prod {2}lines 1-24 of \d+$/);
		// The pipeline's tags (ListTagsForResource) under the title.
		expect(lines[3]).toBe('tags team=commerce  env=prod');
		expect(lines[4]).toBe('{');
		expect(lines[5]).toBe('  "name": "checkout-web-prod",');
		await console_.terminal.press('pgdn');
		expect(console_.terminal.lines()[2]).toMatch(/lines 24-47 of/);
		await console_.terminal.press('/');
		await console_.terminal.type('ProjectName');
		await console_.terminal.press('enter');
		await console_.terminal.settle();
		expect(console_.terminal.lines()[2]).toContain('search "ProjectName": match 1 of 1');
		expect(console_.terminal.lines()[4]).toContain('"ProjectName": "checkout-web-build"');
		await console_.terminal.press('G');
		expect(console_.terminal.lines().at(-3)).toBe('}');
		console_.close();
	});
});

describe('help', () => {
	test('? lists the bindings of the view from the keymap, with why a key does nothing now', async () => {
		const console_ = openConsole(fleet(), {columns: 160, rows: 60});
		await console_.settle(0);
		await command(console_, 'pipeline checkout-web-prod');
		// On the source action, where a transition cannot be changed.
		await console_.terminal.press('g', '?');
		const text = console_.terminal.text();
		expect(text).toContain('Keys in the pipeline view');
		expect(text).toMatch(/↑ k +move up/);
		expect(text).toMatch(/t +enable or disable the stage's inbound transition {2}\(asks to confirm\) {2}— not now: .+/);
		expect(text).toMatch(/a +review a waiting approval: approve or reject {2}\(asks to confirm\) {2}— not now: /);
		expect(text).not.toContain('follow the log');
		await console_.terminal.press('esc');
		expect(console_.terminal.lines()[2]).toMatch(/^checkout-web-prod /);
		console_.close();
	});

	test('key overrides from the config file are what help shows and what the keys do', async () => {
		const console_ = openConsole(fleet(), {columns: 160, rows: 60, config: {keys: {down: ['j', 'J'], help: 'H', approve: 'A'}}});
		await console_.settle(0);
		await console_.terminal.press('J');
		expect(console_.terminal.lines().at(-2)).toMatch(/^2\//);
		await console_.terminal.press('?');
		expect(console_.terminal.text()).not.toContain('Keys in the');
		await console_.terminal.press('H');
		const text = console_.terminal.text();
		expect(text).toContain('Keys in the fleet view');
		expect(text).toMatch(/\n {2}j J +move down/);
		expect(text).toMatch(/\n {2}A +review a waiting approval/);
		console_.close();
	});

	test('the read-only reason shows in help, and the operator keys leave the footer', async () => {
		const console_ = openConsole(fleet(), {columns: 160, rows: 60, config: {readOnlyProfiles: ['prod', 'staging', 'dev']}});
		await console_.settle(0);
		expect(console_.terminal.lines()[0]).toContain('[read-only]');
		expect(console_.terminal.lines().at(-1)).not.toMatch(/ r retry| n run/);
		await console_.terminal.press('?');
		expect(console_.terminal.text()).toMatch(/n +start a new execution {2}\(asks to confirm\) {2}— not now: read-only mode/);
		console_.close();
	});
});
