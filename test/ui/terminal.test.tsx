import {describe, expect, test} from 'vitest';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness} from '../helpers/fleet-harness.js';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole} from './open-console.js';

// A foreground colour code (30-37, 90-97), as opposed to attributes like inverse.
const colourCode = /\u001B\[(?:3[0-7]|9[0-7])m/;

const fleet = loadedFleetPerFile({scenario: 'demo'});

describe('terminal behaviour', () => {
	test('resizing reflows the frame; below the minimum one line says what is needed', async () => {
		const console_ = openConsole(fleet(), {columns: 200, rows: 50});
		await console_.settle(0);
		expect(console_.terminal.lines()).toHaveLength(50);
		await console_.terminal.resize(80, 24);
		const lines = console_.terminal.lines();
		expect(lines).toHaveLength(24);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
		expect(lines[2]).not.toContain('ACCOUNT');
		await console_.terminal.resize(20, 5);
		expect(console_.terminal.text()).toBe('terminal too small: need at least 60x12');
		await console_.terminal.resize(59, 30);
		expect(console_.terminal.text()).toBe('terminal too small: need at least 60x12');
		await console_.terminal.resize(120, 40);
		expect(console_.terminal.lines()).toHaveLength(40);
		expect(console_.terminal.lines()[0]).toMatch(/^pipetop /);
		console_.close();
	});

	test('while the terminal is too small only quit acts: no key acts unseen', async () => {
		const console_ = openConsole(fleet(), {columns: 20, rows: 5});
		await console_.settle(0);
		// A retry, a start, a filter and a move, typed blind: none of them may do anything.
		await console_.terminal.press('n', 'r', '/', 'j', 'enter');
		const ui = console_.services.ui.getState();
		expect(ui.modal).toBeUndefined();
		expect(ui.prompt).toBeUndefined();
		expect(ui.stack).toHaveLength(1);
		expect(ui.stack[0].cursor.index).toBe(0);
		await console_.terminal.resize(120, 40);
		expect(console_.terminal.lines()[0]).toMatch(/^pipetop /);
		const exited = console_.terminal.instance.waitUntilExit();
		await console_.terminal.resize(20, 5);
		await console_.terminal.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	test('the 16 colours by default, also under screen-256color and tmux-256color', async () => {
		for (const TERM of ['xterm-256color', 'screen-256color', 'tmux-256color']) {
			const console_ = openConsole(fleet(), {columns: 100, rows: 24, env: {TERM, LANG: 'en_US.UTF-8'}});
			await console_.settle(0);
			expect(console_.terminal.lastFrame()).toMatch(colourCode);
			expect(console_.terminal.lastFrame()).toContain('\u001B[31m'); // failed is red
			expect(console_.terminal.text()).toContain('✗');
			console_.close();
		}
	});

	test('NO_COLOR: no colour at all, status still readable by its symbol and word, cursor inverted', async () => {
		const console_ = openConsole(fleet(), {columns: 100, rows: 24, env: {TERM: 'xterm-256color', NO_COLOR: '1'}});
		await console_.settle(0);
		const frame = console_.terminal.lastFrame();
		expect(frame).not.toMatch(colourCode);
		expect(frame).toContain('\u001B[7m');
		const text = console_.terminal.text();
		expect(text).toMatch(/›✗ .*Failed/);
		expect(text).toMatch(/‖ .*Approval/);
		console_.close();
	});

	test('theme "none" in the config file turns colours off too', async () => {
		const console_ = openConsole(fleet(), {columns: 100, rows: 24, config: {theme: {color: 'none'}}});
		await console_.settle(0);
		expect(console_.terminal.lastFrame()).not.toMatch(colourCode);
		console_.close();
	});

	test('TERM=dumb: plain ASCII, no escape sequences at all', async () => {
		const console_ = openConsole(fleet(), {columns: 100, rows: 24, env: {TERM: 'dumb'}});
		await console_.settle(0);
		const frame = console_.terminal.lastFrame();
		expect(frame).not.toContain('\u001B');
		expect(frame).toMatch(/^>x .*Failed/m);
		expect(frame).toMatch(/^ ! .*Approval/m);
		expect(frame).not.toMatch(/[✓✗●‖]/);
		console_.close();
	});
});

describe('first load', () => {
	test('a progress line while sources load, then the counts', async () => {
		const cold = await startFleetHarness({scenario: 'demo', start: false});
		try {
			cold.engine.start();
			const console_ = openConsole(cold, {columns: 120, rows: 30});
			await console_.terminal.settle();
			expect(console_.terminal.lines()[1]).toMatch(/loading \d+\/7 sources, \d+ pipelines/);
			const seen = new Set<string>();
			await cold.until(
				state => {
					const header = console_.terminal.lines()[1] ?? '';
					const progress = /loading (\d+\/\d+ sources, \d+ pipelines)/.exec(header);
					if (progress) seen.add(progress[1]);
					return !state.initialLoad;
				},
				{what: 'the first load'},
			);
			await console_.settle(0);
			expect([...seen].some(progress => /^\d+\/7 sources, \d+ pipelines$/.test(progress))).toBe(true);
			expect(console_.terminal.lines()[1]).not.toContain('loading');
			expect(console_.terminal.lines()[0]).toContain(`${cold.state().counts.total} pipelines`);
			// Nothing rang while the fleet was loading, though it holds failures and approvals.
			expect(console_.raw).toEqual([]);
			console_.close();
		} finally {
			await cold.close();
		}
	});
});
