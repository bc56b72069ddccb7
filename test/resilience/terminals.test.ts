/**
 * Terminals as they come over flaky SSH and in scripts: 20x5, storms of resizes, no terminal at
 * all on stdin or stdout (the console refuses and points at `status`), TERM=dumb and NO_COLOR
 * while a source is failing (the error paths have their own colours).
 */

import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {consoleCommand} from '../../source/commands/console.js';
import {tooSmallMessage} from '../../source/ui/components/too-small.js';
import {minimumSize} from '../../source/ui/shell/size.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';
import {BETA, livelyScenario} from './helpers/fleets.js';
import {keysAnswer} from './helpers/watch.js';

let fleet: FleetHarness;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 4}), seed: 43});
	await fleet.until(state => !state.initialLoad);
});

afterAll(async () => {
	await fleet?.close();
});

test('20x5: one line saying what is needed; q still quits', async () => {
	const console_ = openConsole(fleet, {columns: 20, rows: 5});
	await console_.settle(0);
	expect(console_.terminal.text()).toBe(tooSmallMessage);
	const exited = console_.terminal.instance.waitUntilExit();
	await console_.terminal.press('q');
	await expect(exited).resolves.toBeUndefined();
});

test('a storm of resizes (seeded, some without a frame in between): no crash, the last size wins, keys still answer', async () => {
	const sizes = fc.sample(fc.tuple(fc.integer({min: 1, max: 250}), fc.integer({min: 1, max: 80})), {numRuns: 60, seed: 4242});
	const console_ = openConsole(fleet, {columns: 120, rows: 30});
	await console_.settle(0);
	for (const [index, [columns, rows]] of sizes.entries()) {
		console_.terminal.stdout.columns = columns;
		console_.terminal.stdout.rows = rows;
		console_.terminal.stdout.emit('resize');
		// Every third resize waits for a frame; the others land before Ink has drawn.
		if (index % 3 === 0) await console_.terminal.settle();
	}
	await console_.terminal.resize(100, 24);
	await console_.settle(0);
	const lines = console_.terminal.lines();
	expect(lines).toHaveLength(24);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
	await keysAnswer(console_);
	expect(console_.terminal.stderr.writes.join('')).toBe('');
	console_.close();
});

test('just at the minimum size the console lays out; one column less and it says so', async () => {
	const console_ = openConsole(fleet, {columns: minimumSize.columns, rows: minimumSize.rows});
	await console_.settle(0);
	expect(console_.terminal.lines()).toHaveLength(minimumSize.rows);
	await console_.terminal.resize(minimumSize.columns - 1, minimumSize.rows);
	expect(console_.terminal.text()).toBe(tooSmallMessage);
	console_.close();
});

describe('no terminal', () => {
	function context(stdinTty: boolean, stdoutTty: boolean) {
		const {context: base, stderr, stdout} = fleet.commandContext([]);
		const stdin = Object.assign(new PassThrough(), {isTTY: stdinTty}) as unknown as NodeJS.ReadStream;
		const out = base.stdout as NodeJS.WriteStream & {isTTY?: boolean};
		out.isTTY = stdoutTty;
		return {context: {...base, stdin}, stderr, stdout};
	}

	test.each([
		['stdin', false, true],
		['stdout', true, false],
		['both', false, false],
	])('not a terminal on %s: refused with a hint to use status, exit 2, nothing read', async (_what, stdinTty, stdoutTty) => {
		const before = fleet.sim.stats().requests;
		const {context: ctx, stderr, stdout} = context(stdinTty, stdoutTty);
		expect(await consoleCommand(ctx)).toBe(2);
		expect(stderr()).toMatch(/needs a terminal on stdin and stdout/);
		expect(stderr()).toMatch(/pipetop status/);
		expect(stdout()).toBe('');
		expect(fleet.sim.stats().requests).toBe(before);
	});
});

describe('TERM=dumb and NO_COLOR while a source fails', () => {
	beforeAll(async () => {
		fleet.setFaults({deniedAccounts: [BETA.accountId]});
		await fleet.until(state => state.sources['beta/us-east-1'].health === 'failed');
	});
	afterAll(async () => {
		fleet.setFaults({});
		await fleet.until(state => state.sources['beta/us-east-1'].health === 'ok', {withinMs: 120_000});
	});

	test('TERM=dumb: the failure is told in plain ASCII, not one escape sequence', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 24, env: {TERM: 'dumb'}});
		await console_.settle(0);
		expect(console_.terminal.lastFrame()).not.toContain('\u001B');
		expect(console_.terminal.lines()[1]).toMatch(/^x beta\/us-east-1 \[\S+ old\] AccessDeniedException/);
		console_.close();
	});

	test('NO_COLOR: no colour, the failure still readable by its mark and words', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 24, env: {TERM: 'xterm-256color', NO_COLOR: '1', LANG: 'C.UTF-8'}});
		await console_.settle(0);
		expect(console_.terminal.lastFrame()).not.toMatch(/\u001B\[(?:3[0-7]|9[0-7])m/);
		expect(console_.terminal.lines()[1]).toMatch(/^✗ beta\/us-east-1 \[\S+ old\] AccessDeniedException/);
		console_.close();
	});
});
