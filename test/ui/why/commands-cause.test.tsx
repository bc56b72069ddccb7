import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../../helpers/fleet-per-file.js';
import {openConsole} from '../open-console.js';
import {failingScenario} from '../scenarios.js';
import {openWhy} from './open-why.js';

const fleet = loadedFleetPerFile({scenario: failingScenario()});

describe('why: Commands', () => {
	test('the log stream of the action execution (its logStreamARN), the failing command at the top', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'e2e-fails');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Verify/EndToEnd  Commands  Failed  e2e-fails');
		expect(lines[3]).toBe('Error: npm run e2e failed: 2 of 14 end-to-end tests failed (checkout flow: expected 200, got 500)');
		const text = console_.terminal.text();
		expect(text).toMatch(/log stream: arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/codepipeline\/e2e-fails:log-stream:Verify-EndToEnd\//);
		expect(text).toContain('Running command: npm run e2e');
		expect(text).toContain('Command did not exit successfully npm run e2e exit status 1');
		expect(fleet().state().counters.callsByOperation.ListActionExecutions).toBeGreaterThan(0);
		console_.close();
	});
});
