/**
 * Read-only mode cannot be bypassed: every headless subcommand (with --yes, so nothing asks)
 * under each way of turning it on, and every key of every console view followed by confirming
 * keys. The proof is counted at the service: zero write calls arrived.
 */

import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import {operatorCommand} from '../../source/commands/operator.js';
import type {HeadlessCommand} from '../../source/commands/operator-args.js';
import {commandSpecs} from '../../source/ui/keymap.js';
import {flags, operatorScenario, PROFILE, REGION, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';

/** Every operation that changes something, whatever pipetop is thought to call. */
const WRITES = ['StartPipelineExecution', 'StopPipelineExecution', 'RetryStageExecution', 'PutApprovalResult', 'EnableStageTransition', 'DisableStageTransition', 'RollbackStage', 'OverrideStageCondition', 'CreatePipeline', 'UpdatePipeline', 'DeletePipeline'];

function writesAt(stats: {byOperation: Record<string, number>}): number {
	return WRITES.reduce((sum, operation) => sum + (stats.byOperation[operation] ?? 0), 0);
}

describe('headless subcommands', () => {
	let harness: OperatorSim;

	beforeAll(async () => {
		harness = await startOperatorSim();
		for (const pipeline of ['gate', 'broken', 'slow', 'fanout']) harness.world.startExecution(PROFILE, REGION, pipeline);
		// Something to approve, retry and stop, so a refusal is read-only's doing and nothing else's.
		await harness.until(() => {
			const state = harness.world.call(PROFILE, REGION, 'GetPipelineState', {name: 'gate'}) as {stageStates: Array<{stageName: string; actionStates: Array<{latestExecution?: {token?: string}}>}>};
			return state.stageStates.some(stage => stage.actionStates.some(action => action.latestExecution?.token));
		}, 'an approval waiting');
	});

	afterAll(async () => {
		await harness?.stop();
	});

	const runs: Array<[HeadlessCommand, string[], Partial<GlobalFlags>]> = [
		['approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'ok'}],
		['approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'no', reject: true}],
		['retry', ['broken'], {stage: 'Build'}],
		['retry', ['broken'], {stage: 'Build', allActions: true}],
		['stop', ['slow'], {reason: 'because'}],
		['stop', ['slow'], {abandon: true}],
		['start', ['gate'], {variable: ['DeployEnv=prod']}],
		['transition', ['gate'], {stage: 'Deploy', disable: true, reason: 'freeze'}],
		['transition', ['gate'], {stage: 'Deploy', enable: true}],
	];

	async function run(name: HeadlessCommand, args: string[], overrides: Partial<GlobalFlags>, env: NodeJS.ProcessEnv): Promise<{code: number; out: string}> {
		let out = '';
		const stream = {isTTY: false, write: (chunk: string) => (out += chunk).length > 0} as unknown as NodeJS.WriteStream;
		const context: CommandContext = {args, flags: flags({yes: true, json: true, ...overrides}), stdout: stream, stderr: stream, stdin: {isTTY: false} as NodeJS.ReadStream, env};
		const code = await harness.drive(operatorCommand(name, harness.commandOptions())(context), {maxMs: 120_000, step: 500});
		return {code, out};
	}

	test.each(runs)('%s %s with --read-only: refused, nothing sent', async (name, args, overrides) => {
		const before = writesAt(harness.sim.stats());
		const {code, out} = await run(name, args, {...overrides, readOnly: true}, harness.env);
		expect(code).not.toBe(0);
		expect(out).toMatch(/read-only/);
		expect(writesAt(harness.sim.stats())).toBe(before);
	});

	test.each([
		['readOnly in the config file', {readOnly: true}],
		['readOnlyProfiles in the config file', {readOnlyProfiles: [PROFILE]}],
	])('%s: each kind of subcommand refused, nothing sent', async (_what, config) => {
		const home = join(harness.dir, `cfg-${Object.keys(config)[0]}`);
		await mkdir(join(home, 'pipetop'), {recursive: true});
		await writeFile(join(home, 'pipetop', 'config.json'), JSON.stringify(config));
		const before = writesAt(harness.sim.stats());
		// One of each kind of write (the flag test above runs them all).
		for (const [name, args, overrides] of runs.filter((_, index) => [0, 2, 4, 6, 7].includes(index))) {
			const {code, out} = await run(name, args, overrides, {...harness.env, XDG_CONFIG_HOME: home});
			expect(code, `${name} ${JSON.stringify(overrides)}`).not.toBe(0);
			expect(out).toMatch(/read-only/);
		}
		expect(writesAt(harness.sim.stats())).toBe(before);
	});
});

describe('the console', () => {
	let fleet: FleetHarness;

	beforeAll(async () => {
		fleet = await startFleetHarness({scenario: operatorScenario(), seed: 47});
		await fleet.until(state => !state.initialLoad);
		for (const pipeline of ['gate', 'broken', 'slow', 'fanout', 'train']) fleet.world.startExecution(PROFILE, REGION, pipeline);
		await fleet.until(state => Object.values(state.pipelines).some(entry => entry.attention === 'approval') && Object.values(state.pipelines).some(entry => entry.attention === 'failed'), {what: 'an approval and a failure'});
	});

	afterAll(async () => {
		await fleet?.close();
	});

	test('every key of every view, each followed by confirming keys, with readOnly on: zero writes', async () => {
		const console_ = openConsole(fleet, {columns: 160, rows: 40, config: {readOnly: true}});
		await console_.settle(0);
		const operatorKeys = [...new Set(commandSpecs.filter(spec => spec.operator).flatMap(spec => spec.keys))];
		const otherKeys = [...new Set(commandSpecs.filter(spec => !spec.operator && !['quit', 'forceQuit', 'command', 'filter', 'search', 'pager'].includes(spec.command)).flatMap(spec => spec.keys))];
		// Whatever a key opened, confirm it every way a dialog could take a yes, then leave.
		const mash = async () => {
			for (const key of operatorKeys) await console_.terminal.press(key, 'enter', 'y', 'enter', 'esc');
		};
		const before = writesAt(fleet.sim.stats());
		// The command line too: whatever it accepts, it must not write.
		await console_.terminal.press(':');
		await console_.terminal.type('approve');
		await console_.terminal.press('enter', 'y', 'enter', 'esc');
		// The first two rows (failed and waiting pipelines sort first), then into the second one.
		await console_.terminal.press('g');
		await mash();
		await console_.terminal.press('j');
		await mash();
		// Into the pipeline, on an action past the first stage.
		await console_.terminal.press('enter');
		await console_.settle(500);
		await console_.terminal.press('j', 'j');
		await mash();
		// History and one execution.
		await console_.terminal.press('e');
		await console_.settle(500);
		await mash();
		await console_.terminal.press('enter');
		await console_.settle(500);
		await mash();
		// Logs, definition and help, from the last execution view.
		for (const key of ['l', 'd', '?']) {
			await console_.terminal.press(key);
			await console_.settle(200);
			await mash();
			await console_.terminal.press('esc');
		}
		for (const key of otherKeys) await console_.terminal.press(key, 'enter', 'y');
		await console_.settle(2000);
		expect(writesAt(fleet.sim.stats())).toBe(before);
		expect(console_.terminal.stderr.writes.join('')).toBe('');
		expect(console_.terminal.text()).toMatch(/pipetop/);
		console_.close();
	}, 90_000);
});
