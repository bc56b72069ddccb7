/**
 * The header and the execution view show the values a run got (GetPipelineExecution), not the
 * declaration's defaults. Real engine, SDK and embedded service; Ink frames at fixed sizes.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, openPipeline} from './open-console.js';

const NAME = 'orders-api-dev';
let fleet: FleetHarness;
let qaRun: string;
let key: string;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	const entry = Object.values(fleet.state().pipelines).find(each => each.name === NAME)!;
	key = entry.key;
	expect(entry.variables.find(variable => variable.name === 'DeployEnv')?.defaultValue).toBe('dev');
	const answer = fleet.world.call(entry.profile, entry.region, 'StartPipelineExecution', {name: NAME, variables: [{name: 'DeployEnv', value: 'qa'}]}) as {pipelineExecutionId: string};
	qaRun = answer.pipelineExecutionId;
	fleet.engine.refresh(key);
	await fleet.until(state => state.pipelines[key]?.latestExecution?.executionId === qaRun, {what: 'the qa run is the latest'});
});
afterAll(async () => {
	await fleet?.close();
});

describe('resolved variables', () => {
	test.each([
		[80, 30],
		[160, 50],
	])('at %ix%i the header shows the run’s values, not the defaults', async (columns, rows) => {
		const console_ = openConsole(fleet, {columns, rows});
		await openPipeline(console_, NAME);
		const header = console_.terminal.lines().slice(0, 10).join('\n');
		expect(header).toContain('variables: DeployEnv=qa  ReleaseChannel=stable');
		expect(header).not.toContain('DeployEnv=dev');
		console_.close();
	});

	test('the execution view of an older run shows that run’s values', async () => {
		const console_ = openConsole(fleet, {columns: 140, rows: 45});
		await openPipeline(console_, NAME);
		await console_.terminal.press('e');
		await console_.settle();
		const items = fleet.state().histories[key].items;
		expect(items[0].executionId).toBe(qaRun);
		// The run before the qa one took the defaults.
		await console_.terminal.press('j', 'enter');
		await console_.settle();
		const text = console_.terminal.text();
		expect(text).toContain(items[1].executionId);
		expect(text).toContain('variables: DeployEnv=dev  ReleaseChannel=stable');
		// Back to the history, the qa run.
		await console_.terminal.press('esc');
		await console_.settle(0);
		await console_.terminal.press('k', 'enter');
		await console_.settle();
		expect(console_.terminal.text()).toContain(qaRun);
		expect(console_.terminal.text()).toContain('variables: DeployEnv=qa  ReleaseChannel=stable');
		console_.close();
	});
});
