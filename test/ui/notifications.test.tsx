import {expect, test} from 'vitest';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole} from './open-console.js';

const fleet = loadedFleetPerFile({scenario: 'demo'});

test('a bell and a desktop notification when a pipeline in view starts to fail or wait; none with --no-notify', {timeout: 120_000}, async () => {
	const notified = openConsole(fleet(), {columns: 120, rows: 30});
	const quiet = openConsole(fleet(), {columns: 120, rows: 30, notify: false});
	const bellOnly = openConsole(fleet(), {columns: 120, rows: 30, config: {notifications: {bell: true, desktop: false}}});
	await notified.settle(0);
	// The fleet already holds failures and approvals: opening the console rings nothing.
	expect(notified.raw).toEqual([]);
	await fleet().until(() => notified.raw.length > 0, {withinMs: 3_600_000, what: 'a pipeline to fail or wait for approval'});
	const [sequence] = notified.raw;
	expect(sequence.startsWith('\u0007')).toBe(true);
	const osc = /\u001B\]9;pipetop: (\S+) (failed|waits for approval) \((\w+)\/([\w-]+)\)\u0007/.exec(sequence);
	expect(osc).not.toBeNull();
	const [, name, what] = osc!;
	const entry = Object.values(fleet().state().pipelines).find(pipeline => pipeline.name === name)!;
	expect(entry.attention).toBe(what === 'failed' ? 'failed' : 'approval');
	await notified.terminal.settle();
	expect(notified.terminal.lines().at(-2)).toContain(name);
	expect(quiet.raw).toEqual([]);
	expect(bellOnly.raw[0]).toBe('\u0007');
	notified.close();
	quiet.close();
	bellOnly.close();
});

test('pipelines filtered out of view do not notify', {timeout: 120_000}, async () => {
	const filtered = openConsole(fleet(), {columns: 60, rows: 12});
	const everything = openConsole(fleet(), {columns: 60, rows: 12});
	await filtered.settle(0);
	await filtered.terminal.press('/');
	await filtered.terminal.type('no-such-pipeline');
	await filtered.terminal.press('enter');
	await fleet().until(() => everything.raw.length > 0, {withinMs: 3_600_000, what: 'a pipeline to fail or wait for approval'});
	expect(filtered.raw).toEqual([]);
	filtered.close();
	everything.close();
});
