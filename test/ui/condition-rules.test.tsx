/**
 * The pipeline view tells what each stage condition rule found, and when (ListRuleExecutions),
 * not only its state now: read for the pipeline on screen, on the real engine and the embedded
 * service, never for the whole fleet; read again when a condition moves.
 */
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {Scenario, ScenarioPipeline} from '../../source/sim/contract.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {action, v2Pipeline} from '../sim/operations/helpers/definitions.js';
import {openConsole} from './open-console.js';

/** Source, then a deployment behind an entry condition of two rules (each run of it takes two minutes). */
function gated(name: string): ScenarioPipeline {
	const rule = (ruleName: string) => ({name: ruleName, ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '* 9-17 ? * MON-FRI *', TimeZone: 'UTC'}});
	const definition = v2Pipeline(name, [
		{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
		{name: 'Deploy', beforeEntry: {conditions: [{result: 'FAIL', rules: [rule('Window'), rule('Quiet')]}]}, actions: [action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: name, DeploymentGroupName: 'prod'}, {inputArtifacts: [{name: 'Src'}]})]},
	], {executionMode: 'QUEUED'});
	return {profile: 'alpha', region: 'us-east-1', definition, behaviour: {'Source/Source': {seconds: 5}, 'Deploy/Deploy': {seconds: 30}, 'Deploy/beforeEntry': {seconds: 120}}};
}

const SCENARIO: Scenario = {
	accounts: [{profile: 'alpha', accountId: '210987654321', regions: ['us-east-1']}],
	pipelines: [gated('gated'), gated('gated-too')],
};

let fleet: FleetHarness;
const ruleReads = () => fleet.sim.stats().byOperation.ListRuleExecutions ?? 0;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: SCENARIO});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	// A first run through the gate (it passes after two minutes), then a second one held at it.
	for (const name of ['gated', 'gated-too']) fleet.world.call('alpha', 'us-east-1', 'StartPipelineExecution', {name});
	await fleet.advance(200_000);
	for (const name of ['gated', 'gated-too']) fleet.world.call('alpha', 'us-east-1', 'StartPipelineExecution', {name});
	await fleet.until(state => state.pipelines['alpha/us-east-1/gated'].stages[1].conditions[0]?.status === 'InProgress', {what: 'the second run at the gate'});
	await fleet.advance(20_000);
});
afterAll(async () => {
	await fleet?.close();
});

test('each rule with its latest result and when, the earlier ones after it; read for the pipeline on screen only, again when the gate opens', async () => {
	// The fleet is polled, the rules' histories are not read for it.
	expect(ruleReads()).toBe(0);
	const console_ = openConsole(fleet, {columns: 100, rows: 30});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('pipeline gated');
	await console_.terminal.press('enter');
	await console_.settle();
	let lines = console_.terminal.lines();
	expect(lines).toHaveLength(30);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
	const condition = lines.findIndex(line => line.includes('entry condition'));
	expect(lines[condition]).toBe(' ● entry condition InProgress: Window InProgress, Quiet InProgress');
	// The second run's rules started seconds ago; the first run's passed a minute or more before.
	expect(lines[condition + 1]).toMatch(/^ {5}Window InProgress \d+s ago; before: Succeeded 1m ago$/);
	expect(lines[condition + 2]).toMatch(/^ {5}Quiet InProgress \d+s ago; before: Succeeded 1m ago$/);
	expect(lines[condition + 3]).toMatch(/^● Deploy {2}InProgress/);
	// One read, for this pipeline: not for gated-too, which is not on screen.
	expect(ruleReads()).toBe(1);

	// The gate opens: the condition moves, and the view reads the results again.
	await fleet.until(state => state.pipelines['alpha/us-east-1/gated'].stages[1].conditions[0]?.status === 'Succeeded', {what: 'the gate open', withinMs: 180_000});
	await console_.settle();
	lines = console_.terminal.lines();
	const opened = lines.findIndex(line => line.includes('entry condition'));
	expect(lines[opened]).toBe(' ✓ entry condition Succeeded: Window Succeeded, Quiet Succeeded');
	expect(lines[opened + 1]).toMatch(/^ {5}Window Succeeded (\d+s ago|just now); before: Succeeded \dm ago$/);
	expect(ruleReads()).toBe(2);
	console_.close();
});
