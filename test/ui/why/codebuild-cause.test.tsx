import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../../helpers/fleet-per-file.js';
import {openConsole, openPipeline} from '../open-console.js';
import {failingScenario} from '../scenarios.js';
import {openWhy} from './open-why.js';

const fleet = loadedFleetPerFile({scenario: failingScenario()});

const row = (lines: string[], pattern: RegExp) => lines.findIndex(text => pattern.test(text));

describe('why: CodeBuild', () => {
	test('w on the failed pipeline opens the failed phase, its context, and the log at the first error of that phase', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'build-fails');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Build/Build  CodeBuild  Failed  build-fails');
		expect(lines[3]).toMatch(/^BUILD phase FAILED: COMMAND_EXECUTION_ERROR: Error while executing command: go test \.\/\.\.\.\. Reason: exit status 1$/);
		// Three lines of context, then the first error line of the BUILD phase.
		expect(lines[5]).toContain('Entering phase BUILD');
		expect(lines[8]).toMatch(/--- FAIL: Test\w+/);
		// The footer offers the next error and the failed part.
		expect(lines.at(-1)).toContain('] next error');
		expect(lines.at(-1)).toContain('F failed part');

		await console_.terminal.press(']');
		expect(console_.terminal.lines()[8]).toMatch(/refund_test\.go:\d+: got status 400, want 422|FAIL/);
		await console_.terminal.press('[');
		expect(console_.terminal.lines()[8]).toMatch(/--- FAIL: Test\w+/);
		console_.close();
	});

	test('F keeps the failed phase only; F again shows the whole log', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'build-fails');
		await console_.terminal.press('F');
		await console_.terminal.settle();
		let text = console_.terminal.lines();
		expect(text[4]).toContain('failed part only');
		await console_.terminal.press('g');
		text = console_.terminal.lines();
		expect(row(text, /Build log \(BUILD phase marked\) — failed part only: \d+ lines/)).toBeGreaterThan(4);
		expect(console_.terminal.text()).not.toContain('POST_BUILD');
		expect(console_.terminal.text()).not.toContain('DOWNLOAD_SOURCE');
		await console_.terminal.press('F', 'G');
		expect(console_.terminal.lines()[4]).not.toContain('failed part only');
		expect(console_.terminal.text()).toMatch(/Phase complete: (POST_BUILD|UPLOAD_ARTIFACTS|FINALIZING)|Assembling file list|Uploading/);
		console_.close();
	});

	test('l on the failed action in the pipeline view opens its cause, not the plain log', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openPipeline(console_, 'build-fails');
		// The grid opens on the failed action (issue 12, item 7): `l` acts on it.
		await console_.terminal.press('l');
		await console_.settle();
		expect(console_.terminal.lines()[2]).toBe('Why Build/Build  CodeBuild  Failed  build-fails');
		expect(console_.terminal.lines()[3]).toMatch(/^BUILD phase FAILED/);
		console_.close();
	});
});
