import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../../helpers/fleet-per-file.js';
import {openConsole} from '../open-console.js';
import {failingScenario} from '../scenarios.js';
import {openWhy} from './open-why.js';

const fleet = loadedFleetPerFile({scenario: failingScenario()});

describe('why: Lambda invoke', () => {
	test("the function's log in the action's time window, its last error as the headline", async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'smoke-fails');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Verify/SmokeTest  Lambda  Failed  smoke-fails');
		expect(lines[3]).toMatch(/^smoke-fails-smoke-test: Smoke tests failed: \d+ of \d+ checks failed \(GET \/health returned 503\)$/);
		const text = console_.terminal.text();
		expect(text).toMatch(/ERROR\s+FAIL GET \/health returned 503/);
		// Opened at the first error, with lines of context above it.
		expect(lines.findIndex(row => /ERROR\s+FAIL GET \/health/.test(row))).toBeGreaterThan(5);
		await console_.terminal.press('g');
		expect(console_.terminal.text()).toMatch(/Function log \/aws\/lambda\/smoke-fails-smoke-test: \d+ lines/);
		expect(fleet().state().counters.callsByOperation.FilterLogEvents).toBeGreaterThan(0);
		console_.close();
	});
});
