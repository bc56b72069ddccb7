/**
 * `]` / `[` jump to the next / previous thing that failed or waits, in the fleet and in the
 * grid; `>` cycles the fleet's sort, named in the header. Through the real engine on the demo.
 */
import {expect, test} from 'vitest';
import {isWaitingApproval} from '../../../source/store/attention.js';
import {visibleOrder} from '../../../source/ui/model/fleet-queries.js';
import {selectionFor} from '../../../source/ui/views/registry.js';
import {demoFleet} from './demo-fleet.js';
import {openConsole, openPipeline, type OpenConsole} from '../open-console.js';

const demo = demoFleet();

const selected = (console_: OpenConsole) => selectionFor(console_.services.ui.getState(), demo.fleet.state());
const rowNames = (console_: OpenConsole) =>
	console_.terminal
		.lines()
		.slice(3, -2)
		// The cursor's mark, the glyph, then profile, account, region and the name.
		.map(line => line.slice(1).trim().split(/\s+/)[4] ?? '');

test('> cycles the sort (age, name, account, region, attention) and the header names it; rows follow', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 120, rows: 30});
	await console_.settle(0);
	expect(console_.terminal.lines()[0]).not.toContain('[by');
	await console_.terminal.press('>');
	expect(console_.terminal.lines()[0]).toContain('pipetop [by age]');
	await console_.terminal.press('>');
	expect(console_.terminal.lines()[0]).toContain('[by name]');
	const names = Object.values(demo.fleet.state().pipelines).map(entry => entry.name.toLowerCase());
	const shown = rowNames(console_).filter(Boolean);
	expect(shown.length).toBeGreaterThan(10);
	expect(shown.map(name => name.toLowerCase())).toEqual([...names].sort((a, b) => a.localeCompare(b)).slice(0, shown.length));
	await console_.terminal.press('>', '>');
	expect(console_.terminal.lines()[0]).toContain('[by region]');
	await console_.terminal.press('>');
	expect(console_.terminal.lines()[0]).not.toContain('[by');
	console_.close();
});

test('] and [ in the fleet (sorted by name): from row to row that failed or waits, wrapping around', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 120, rows: 30});
	await console_.settle(0);
	await console_.terminal.press('>', '>');
	const attentionOf = () => demo.fleet.state().pipelines[selected(console_).pipelineKey!]!.attention;
	const visited: string[] = [];
	for (let step = 0; step < 4; step++) {
		await console_.terminal.press(']');
		expect(['failed', 'approval']).toContain(attentionOf());
		visited.push(selected(console_).pipelineKey!);
	}
	// Each step went further down (names in order), and the status line follows the cursor.
	const order = visited.map(key => demo.fleet.state().pipelines[key]!.name.toLowerCase());
	expect([...order].sort((a, b) => a.localeCompare(b))).toEqual(order);
	await console_.terminal.press('[');
	expect(selected(console_).pipelineKey).toBe(visited[2]);
	// Back from the first flagged row wraps to the last one.
	await console_.terminal.press('g', '[');
	const rows = visibleOrder(demo.fleet.state(), console_.services.ui.getState());
	expect(rows.indexOf(selected(console_).pipelineKey!)).toBeGreaterThan(rows.indexOf(visited[3]));
	expect(['failed', 'approval']).toContain(attentionOf());
	console_.close();
});

test('] in the pipeline grid goes to the failed or waiting action; none says so', {timeout: 60_000}, async () => {
	const failed = Object.values(demo.fleet.state().pipelines).find(entry => entry.attention === 'failed')!;
	const console_ = openConsole(demo.fleet, {columns: 120, rows: 40});
	await openPipeline(console_, failed.key);
	await console_.terminal.press(']');
	const selection = selected(console_);
	const action = demo.fleet.state().pipelines[failed.key]!.stages.find(stage => stage.name === selection.stageName)!.actions.find(each => each.name === selection.actionName)!;
	expect(action.status === 'Failed' || isWaitingApproval(action)).toBe(true);
	expect(console_.terminal.lines().at(-2)).toMatch(/^action \d+\/\d+/);
	const quiet = Object.values(demo.fleet.state().pipelines).find(entry => entry.attention === 'idle' && entry.stages.every(stage => stage.actions.every(each => each.status !== 'Failed')))!;
	await openPipeline(console_, quiet.key);
	await console_.terminal.press(']');
	expect(console_.terminal.lines().at(-2)).toContain('nothing failed or waiting');
	console_.close();
});
