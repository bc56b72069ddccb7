/**
 * The fleet changing under the operator's eyes: a pipeline deleted or renamed while its view is
 * open, a stage added by UpdatePipeline while it is on screen, an execution superseded while its
 * history is open. No crash, no ghost rows, and the new shape shows within a cycle.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {DEFAULT_INTERVALS} from '../../source/engine/defaults.js';
import type {Scenario} from '../../source/sim/contract.js';
import {definition} from '../engine/scenarios.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../ui/open-console.js';

const ACCOUNT = {profile: 'team', accountId: '121212121212', regions: ['eu-west-1']};
const NAMES = ['apple', 'banana', 'cherry', 'damson'];
const keyOf = (name: string) => `team/eu-west-1/${name}`;

function scenario(): Scenario {
	return {
		accounts: [ACCOUNT],
		pipelines: NAMES.map(name => ({
			profile: 'team',
			region: 'eu-west-1',
			definition: definition(name, ACCOUNT.accountId, 'eu-west-1'),
			history: 2,
			// damson: a slow build, so a newer execution waits in front of it and supersedes an older one.
			behaviour: name === 'damson' ? {'Build/Compile': {seconds: 600, outcomes: ['Succeeded']}} : {'Build/Compile': {seconds: 30, outcomes: ['Succeeded']}},
		})),
	};
}

let fleet: FleetHarness;
let console_: OpenConsole;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: scenario(), seed: 29});
	await fleet.until(state => !state.initialLoad);
	console_ = openConsole(fleet, {columns: 120, rows: 30});
	await console_.settle(0);
});

afterAll(async () => {
	console_?.close();
	await fleet?.close();
});

const call = (operation: string, input: Record<string, unknown>) => fleet.world.call('team', 'eu-west-1', operation, input);
const fleetRows = () => console_.terminal.lines().slice(3, -2).join('\n');

/** Moves the cursor to the row of a pipeline and opens it. */
async function open(name: string): Promise<void> {
	await console_.terminal.press('esc', 'esc', 'g');
	for (let index = 0; index < NAMES.length && !/^›.*\b/.test(console_.terminal.lines().find(line => line.includes(` ${name} `)) ?? ''); index++) await console_.terminal.press('j');
	await console_.terminal.press('enter');
	await console_.terminal.waitFor(text => text.includes(name) && text.includes('Source'), 3000);
}

test('a pipeline deleted while its view is open: the view says it is gone, the fleet has no ghost row', async () => {
	await open('apple');
	call('DeletePipeline', {name: 'apple'});
	await fleet.until(state => state.pipelines[keyOf('apple')] === undefined, {withinMs: DEFAULT_INTERVALS.active * 2, what: 'apple removed'});
	await console_.settle(0);
	expect(console_.terminal.text()).toMatch(/apple is gone/);
	await console_.terminal.press('esc');
	await console_.settle(0);
	expect(fleetRows()).not.toMatch(/\bapple\b/);
	expect(console_.terminal.lines()[0]).toContain('3 pipelines');
	// Nothing of it lingers in the store for views to find.
	const state = fleet.state();
	expect(state.order).not.toContain(keyOf('apple'));
	expect(state.counts.total).toBe(3);
});

test('a pipeline renamed (deleted and created under a new name): the old row goes, the new one comes with discovery', async () => {
	const declaration = (call('GetPipeline', {name: 'banana'}) as {pipeline: Record<string, unknown>}).pipeline;
	call('DeletePipeline', {name: 'banana'});
	call('CreatePipeline', {pipeline: {...declaration, name: 'banana-v2', version: undefined}});
	await fleet.until(state => state.pipelines[keyOf('banana')] === undefined && state.pipelines[keyOf('banana-v2')]?.fetchedAt !== undefined, {
		withinMs: DEFAULT_INTERVALS.discovery + DEFAULT_INTERVALS.active,
		what: 'the rename seen',
	});
	await console_.settle(0);
	expect(fleetRows()).toMatch(/banana-v2/);
	expect(fleetRows()).not.toMatch(/\bbanana\b(?!-v2)/);
	expect(fleet.state().counts.total).toBe(3);
});

test('a stage added by UpdatePipeline while the pipeline is on screen shows within one active cycle', async () => {
	await open('cherry');
	const declaration = (call('GetPipeline', {name: 'cherry'}) as {pipeline: {stages: Array<Record<string, unknown>>}}).pipeline;
	const stages = [...declaration.stages];
	stages.splice(2, 0, {name: 'Verify', actions: [{name: 'Smoke', actionTypeId: {category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1'}, configuration: {ProjectName: 'smoke'}, inputArtifacts: [{name: 'Out'}]}]});
	call('UpdatePipeline', {pipeline: {...declaration, stages}});
	await fleet.until(state => state.pipelines[keyOf('cherry')]?.stages.some(stage => stage.name === 'Verify') === true, {withinMs: DEFAULT_INTERVALS.active * 2, what: 'the new stage'});
	await console_.settle(0);
	expect(console_.terminal.text()).toMatch(/Verify/);
	expect(console_.terminal.text()).toMatch(/Smoke/);
	expect(fleet.state().pipelines[keyOf('cherry')].version).toBe(2);
});

test('an execution superseded while its history is open: shown as Superseded, no crash', async () => {
	await open('damson');
	const first = fleet.world.startExecution('team', 'eu-west-1', 'damson');
	await fleet.advance(60_000);
	const second = fleet.world.startExecution('team', 'eu-west-1', 'damson');
	await fleet.advance(30_000);
	const third = fleet.world.startExecution('team', 'eu-west-1', 'damson');
	await console_.terminal.press('e');
	await console_.settle(1000);
	// The second waited in front of Build behind the first; the third replaces it there.
	await fleet.until(() => (call('GetPipelineExecution', {pipelineName: 'damson', pipelineExecutionId: second}) as {pipelineExecution: {status: string}}).pipelineExecution.status === 'Superseded', {withinMs: 120_000});
	await console_.terminal.press('R');
	await console_.settle(DEFAULT_INTERVALS.active);
	const text = console_.terminal.text();
	expect(text).toContain(second.slice(0, 8));
	expect(text).toMatch(new RegExp(`Superseded +${second.slice(0, 8)}`));
	expect(text).toContain(third.slice(0, 8));
	expect(text).toContain(first.slice(0, 8));
});

test('a removed pipeline leaves nothing behind in the store (history, definition, action executions)', async () => {
	// Otherwise a long run with short-lived pipelines keeps memory it never gives back, and a
	// pipeline re-created under the same name opens on the old one's history and definition.
	const key = keyOf('cherry');
	// Loads wait for the source's budget, which moves with virtual time.
	const loading = Promise.all([fleet.engine.loadHistory(key), fleet.engine.loadDefinition(key)]);
	await fleet.advance(2000);
	await loading;
	expect(fleet.state().histories[key]).toBeDefined();
	call('DeletePipeline', {name: 'cherry'});
	await fleet.until(state => state.pipelines[key] === undefined, {withinMs: DEFAULT_INTERVALS.idle * 2});
	const state = fleet.state();
	expect(state.histories[key]).toBeUndefined();
	expect(state.definitions[key]).toBeUndefined();
	expect(Object.keys(state.actionExecutions).filter(id => id.startsWith(`${key}#`))).toEqual([]);
});
