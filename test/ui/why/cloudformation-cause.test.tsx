import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../../helpers/fleet-per-file.js';
import {openConsole} from '../open-console.js';
import {failingScenario} from '../scenarios.js';
import {openWhy} from './open-why.js';

const fleet = loadedFleetPerFile({scenario: failingScenario()});

describe('why: CloudFormation', () => {
	test('the first failed resource and its reason at the top, then the events of that update', async () => {
		const before = fleet().state().counters.callsByOperation.DescribeStackEvents ?? 0;
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'stack-fails');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Deploy/DeployStack  CloudFormation  Failed  stack-fails');
		expect(lines[3]).toBe('HandlerFunction (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "Resource of type');
		expect(lines[4]).toBe("'AWS::Lambda::Function' with identifier 'stack-fails-handler' was not found\" (HandlerErrorCode: NotFound)");
		const text = console_.terminal.text();
		expect(text).toContain('stack stack-fails: UPDATE_ROLLBACK_COMPLETE');
		expect(text).toMatch(/stack-fails {2}AWS::CloudFormation::Stack {2}UPDATE_IN_PROGRESS {2}User Initiated/);
		expect(text).toMatch(/HandlerAlias {2}AWS::Lambda::Alias {2}UPDATE_FAILED {2}Resource update cancelled/);
		expect(text).toMatch(/UPDATE_ROLLBACK_COMPLETE$/m);
		// The read went through the engine (counted like every other call).
		expect(fleet().state().counters.callsByOperation.DescribeStackEvents).toBeGreaterThan(before);
		console_.close();
	});
});
