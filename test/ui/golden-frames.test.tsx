/**
 * Console frames, byte for byte (colours included), against frames recorded from an earlier build:
 * a restructuring of the console or a patch of Ink must leave every one of them unchanged.
 * The demo fleet runs in virtual time from a fixed seed, so the frames are the same on every run.
 *
 * A deliberate change of what the console shows is recorded again with
 *   PIPETOP_RECORD_FRAMES=1 npx vitest run test/ui/golden-frames.test.tsx
 * (which writes the frames that changed and still fails on them), and the diff of
 * test/fixtures/frames/ is reviewed like any other change.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from './open-console.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'frames');
const record = process.env.PIPETOP_RECORD_FRAMES === '1';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	// The fleet a minute on: something fails, something waits, something runs.
	await fleet.advance(60_000);
});
afterAll(async () => {
	await fleet?.close();
});

/** Each case: a name and the keys that lead from the fleet to the frame. */
type Step = string | {type: string} | {advance: number};
// A dialog reads the latest state first, under the request budget: a second of virtual time.
const loaded = {advance: 1000};
const journeys: Array<[string, Step[]]> = [
	['fleet', []],
	['fleet-filtered', ['/', {type: 'prod'}, 'enter']],
	['help', ['?']],
	['pipeline', [':', {type: 'pipeline orders-api-prod'}, 'enter']],
	['pipeline-bottom', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'G']],
	['history', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'e']],
	['execution', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'e', 'enter']],
	['definition', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'd']],
	['logs', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'l']],
	['sources', ['S']],
	['approve-dialog', [':', {type: 'pipeline orders-api-prod'}, 'enter', 'a', loaded]],
	['stop-dialog', [':', {type: 'pipeline orders-api-prod'}, 'enter', 's', loaded]],
	['command-prompt', [':', {type: 'pro'}]],
	['unknown-command', [':', {type: 'nosuch'}, 'enter']],
];

async function walk(console_: OpenConsole, steps: Step[]): Promise<void> {
	await console_.settle(0);
	for (const step of steps) {
		if (typeof step === 'string') await console_.terminal.press(step);
		else if ('type' in step) await console_.terminal.type(step.type);
		else await console_.settle(step.advance);
		await console_.settle(0);
	}
	await console_.settle(0);
}

describe('console frames are unchanged', () => {
	for (const [columns, rows] of [
		[80, 24],
		[160, 45],
	] as const) {
		test.each(journeys)(`%s at ${columns}x${rows}`, async (name, steps) => {
			const console_ = openConsole(fleet, {columns, rows, notify: false});
			try {
				await walk(console_, steps);
				// The one real-time figure on screen (the sources view's average call latency) is masked.
				const frame = console_.terminal.lastFrame().replace(/\d+ ms average/g, 'N ms average');
				const file = join(fixtures, `${name}-${columns}x${rows}.txt`);
				const recorded = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
				if (record && recorded !== frame) {
					mkdirSync(fixtures, {recursive: true});
					writeFileSync(file, frame);
				}
				// Recording still fails on a changed frame: review the diff, then run without the variable.
				expect(recorded, `${file} is missing: record it (see the top of this file)`).toBeDefined();
				expect(frame).toBe(recorded);
			} finally {
				console_.close();
			}
		});
	}
});
