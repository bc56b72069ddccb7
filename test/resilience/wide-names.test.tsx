/**
 * Names in right-to-left scripts and with emoji (issue 18): the columns after the name stay where
 * the header puts them. The console pads and cuts with the width Ink itself measures
 * (string-width), so a pipeline named "🚀 deploy", "פריסה" or "نشر الإنتاج" cannot shift the stages
 * column. The names come from the embedded service's `misbehave.renames` (AWS itself refuses
 * them, which is no reason to draw them badly).
 */
import stringWidth from 'string-width';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';
import {livelyScenario} from './helpers/fleets.js';

const renames = {
	'alpha-us-east-1-0': '🚀 deploy',
	'alpha-us-east-1-1': 'פריסה',
	'alpha-eu-west-1-0': 'نشر الإنتاج',
	// Hebrew with points (combining marks), an emoji with its variation selector, a ZWJ sequence.
	'alpha-eu-west-1-1': 'פְּרִיסָה',
	'beta-us-east-1-0': '☁️ cloud',
	'beta-us-east-1-1': '👩‍💻 dev',
};

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario(), seed: 5, faults: {misbehave: {renames}}});
	await fleet.until(state => !state.initialLoad && Object.keys(state.pipelines).length === 6, {what: 'six renamed pipelines'});
});
afterAll(async () => {
	await fleet?.close();
});

/** The cell (as Ink counts cells) where `needle` starts on `line`. */
const cellOf = (line: string, needle: string) => stringWidth(line.slice(0, line.indexOf(needle)));

test.each([
	[120, 20],
	[80, 20],
])('at %ix%i the stages and status cells of every row start under their headers', async (columns, rows) => {
	const console_ = openConsole(fleet, {columns, rows});
	try {
		await console_.settle(0);
		const lines = console_.terminal.lines();
		const header = lines.find(line => line.includes('STAGES'))!;
		const named = Object.values(renames).map(name => lines.find(line => line.includes(name.split(' ').at(-1)!.slice(0, 3))));
		expect(named.every(Boolean)).toBe(true);
		for (const row of named as string[]) {
			expect(cellOf(row, '✓✓✓'), row).toBe(cellOf(header, 'STAGES'));
			expect(cellOf(row, 'Succeeded'), row).toBe(cellOf(header, 'STATUS'));
			expect(stringWidth(row), row).toBeLessThanOrEqual(columns);
		}
	} finally {
		console_.close();
	}
});

test('the pipeline view of an emoji-named pipeline keeps its frame inside the terminal', async () => {
	const console_ = openConsole(fleet, {columns: 60, rows: 20});
	try {
		await console_.settle(0);
		await console_.terminal.press(':');
		await console_.terminal.type('pipeline 🚀 deploy');
		await console_.terminal.press('enter');
		await console_.settle();
		const lines = console_.terminal.lines();
		expect(lines.join('\n')).toContain('🚀 deploy');
		for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
	} finally {
		console_.close();
	}
});
