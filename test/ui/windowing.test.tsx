/**
 * 2,000 pipelines read by the real engine from the embedded service: the console renders only
 * what fits on screen, so keys stay fast and frames never outgrow the terminal.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {renderFleetFrame, renderPipelineFrame} from '../../source/ui/frame.js';
import {stripAnsi} from '../helpers/render-terminal.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from './open-console.js';
import {largeFleetScenario} from './scenarios.js';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: largeFleetScenario(2000)});
	await fleet.until(state => !state.initialLoad, {what: 'the first load', withinMs: 3_600_000});
}, 180_000);
afterAll(async () => {
	await fleet?.close();
});

describe('windowing with 2,000 pipelines', () => {
	test.each([
		[80, 24],
		[200, 50],
	])('at %ix%i only a screenful is rendered and the cursor reaches both ends', async (columns, rows) => {
		expect(fleet.state().counts.total).toBe(2000);
		const console_ = openConsole(fleet, {columns, rows});
		await console_.settle(0);
		const lines = console_.terminal.lines();
		expect(lines).toHaveLength(rows);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
		expect(lines.filter(line => / svc-\d{4}/.test(line))).toHaveLength(rows - 5);
		expect(lines.at(-2)).toBe('1/2000');
		await console_.terminal.press('G');
		const last = fleet.state().pipelines[fleet.state().order[1999]];
		expect(console_.terminal.lines().at(-2)).toBe('2000/2000');
		expect(console_.terminal.lines().find(line => line.startsWith('›'))).toContain(last.name);
		expect(console_.terminal.lines()).toHaveLength(rows);
		await console_.terminal.press('pgup');
		expect(console_.terminal.lines().at(-2)).toBe(`${2000 - (rows - 6)}/2000`);
		console_.close();
	});

	test('filtering 2,000 pipelines narrows as it is typed', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await console_.settle(0);
		await console_.terminal.press('/');
		await console_.terminal.type('svc-19');
		await console_.terminal.press('enter');
		expect(console_.terminal.lines().at(-2)).toBe('filter svc-19  1/100 of 2000 pipelines');
		for (const line of console_.terminal.lines().slice(3, -2)) expect(line).toMatch(/svc-19\d\d/);
		console_.close();
	});

	test('frames for benchmarks render in-process at a fixed size', () => {
		for (const [columns, rows] of [
			[80, 24],
			[200, 50],
		]) {
			const fleetFrame = stripAnsi(renderFleetFrame(fleet.engine.store, {columns, rows, now: () => fleet.clock.now()})).split('\n');
			expect(fleetFrame).toHaveLength(rows);
			expect(fleetFrame[0]).toContain('2000 pipelines');
			const key = fleet.state().order[0];
			const pipelineFrame = stripAnsi(renderPipelineFrame(fleet.engine.store, key, {columns, rows, now: () => fleet.clock.now()})).split('\n');
			expect(pipelineFrame).toHaveLength(rows);
			expect(pipelineFrame[2]).toMatch(new RegExp(`^${fleet.state().pipelines[key].name} `));
		}
	});
});
