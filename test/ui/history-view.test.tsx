import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from './open-console.js';
import {longHistoryScenario} from './scenarios.js';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: longHistoryScenario(60)});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
});
afterAll(async () => {
	await fleet?.close();
});

const key = () => fleet.state().order[0];

describe('history view', () => {
	test('e lists the executions with status, trigger, revision, age and duration; more pages load on demand', async () => {
		const console_ = openConsole(fleet, {columns: 100, rows: 30});
		await console_.settle(0);
		await console_.terminal.press('e');
		await console_.settle();
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('History of release-train  more below');
		expect(lines[3]).toMatch(/STATUS +EXECUTION +AGE +TOOK +TRIGGER +REVISION/);
		const first = fleet.state().histories[key()].items[0];
		expect(lines[4]).toMatch(new RegExp(`^›. ${first.status} +${first.executionId.slice(0, 8)} `));
		expect(lines[4]).toContain(first.triggerType!.slice(0, 10));
		// Rows line up under the titles, with or without the cursor.
		expect(lines[5]).toMatch(/^ . \S+ +[0-9a-f]{8} /);
		expect(console_.terminal.lines().at(-2)).toBe('execution 1/25+');
		await console_.terminal.press('G');
		await console_.settle();
		expect(console_.terminal.lines().at(-2)).toBe('execution 25/50+');
		await console_.terminal.press('G');
		await console_.settle();
		await console_.terminal.press('G');
		await console_.settle();
		expect(console_.terminal.lines().at(-2)).toMatch(/^execution (\d+)\/\1$/);
		expect(console_.terminal.lines()[2]).toBe('History of release-train  all loaded');
		expect(fleet.state().histories[key()].items.length).toBeGreaterThanOrEqual(60);
		console_.close();
	});

	test('a wide terminal shows full ids, start times and stop reasons', async () => {
		const console_ = openConsole(fleet, {columns: 200, rows: 40});
		await console_.settle(0);
		await console_.terminal.press('e');
		await console_.settle();
		const first = fleet.state().histories[key()].items[0];
		expect(console_.terminal.lines()[3]).toMatch(/EXECUTION +STARTED +TOOK +TRIGGER +REVISION +STOP REASON/);
		expect(console_.terminal.lines()[4]).toContain(first.executionId);
		expect(console_.terminal.lines()[4]).toContain(new Date(first.startTime!).toISOString().slice(0, 10));
		console_.close();
	});

	test('Enter opens an execution: its summary and each action execution', async () => {
		const console_ = openConsole(fleet, {columns: 140, rows: 45});
		await console_.settle(0);
		await console_.terminal.press('e');
		await console_.settle();
		await console_.terminal.press('j', 'enter');
		await console_.settle();
		const execution = fleet.state().histories[key()].items[1];
		const text = console_.terminal.text();
		expect(text).toContain(`${execution.status} ${execution.executionId}`);
		expect(text).toMatch(/trigger: \S+/);
		const runs = fleet.state().actionExecutions[`${key()}#${execution.executionId}`].items;
		expect(runs.length).toBeGreaterThan(0);
		for (const run of runs) expect(text).toContain(`${run.stageName}/${run.actionName}`);
		expect(console_.terminal.lines().at(-2)).toBe(`action execution 1/${runs.length}`);
		await console_.terminal.press('j');
		expect(console_.terminal.lines().at(-2)).toBe(`action execution 2/${runs.length}`);
		expect(text).toContain('s3://');
		console_.close();
	});

	test('an operator key that cannot apply says why in the status line', async () => {
		const console_ = openConsole(fleet, {columns: 100, rows: 30, config: {readOnly: true}});
		await console_.settle(0);
		await console_.terminal.press('e');
		await console_.settle();
		await console_.terminal.press('s');
		expect(console_.terminal.lines().at(-2)).toBe('stop: read-only mode');
		expect(console_.terminal.lines().at(-1)).not.toContain('s stop');
		console_.close();
	});
});
