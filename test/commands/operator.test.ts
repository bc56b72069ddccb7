import {afterEach, describe, expect, it} from 'vitest';
import {type CommandContext, type GlobalFlags} from '../../source/app/context.js';
import {UsageError} from '../../source/config/usage-error.js';
import {operatorCommand} from '../../source/commands/operator.js';
import type {HeadlessCommand} from '../../source/commands/operator-args.js';
import {PROFILE, REGION, flags, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

const writes = ['StartPipelineExecution', 'StopPipelineExecution', 'RetryStageExecution', 'PutApprovalResult', 'EnableStageTransition', 'DisableStageTransition', 'RollbackStage', 'OverrideStageCondition'];

function capture() {
	const chunks: string[] = [];
	const stream = {isTTY: false, write: (chunk: string) => chunks.push(chunk) > 0} as unknown as NodeJS.WriteStream;
	return {stream, text: () => chunks.join('')};
}

/** Runs `pipetop NAME ARGS` in process, as bin/pipetop.js would, against the sim. */
async function pipetop(name: HeadlessCommand, args: string[], overrides: Partial<GlobalFlags> = {}) {
	const sim = harness as OperatorSim;
	const stdout = capture();
	const stderr = capture();
	const context: CommandContext = {
		args,
		flags: flags({yes: true, json: true, ...overrides}),
		stdout: stdout.stream,
		stderr: stderr.stream,
		stdin: {isTTY: false} as NodeJS.ReadStream,
		env: sim.env,
	};
	const code = await sim.drive(operatorCommand(name, sim.commandOptions())(context), {maxMs: 900_000, step: 500});
	const json = context.flags.json && stdout.text() ? (JSON.parse(stdout.text()) as Record<string, unknown>) : undefined;
	return {code, json, stdout: stdout.text(), stderr: stderr.text()};
}

type StageStates = {stageStates: Array<{stageName: string; latestExecution?: {status: string}; actionStates: Array<{latestExecution?: {status: string; token?: string}}>}>};
function serviceStage(pipeline: string, stage: string) {
	const state = harness!.world.call(PROFILE, REGION, 'GetPipelineState', {name: pipeline}) as StageStates;
	return state.stageStates.find(entry => entry.stageName === stage);
}

describe('headless operator commands', () => {
	it('approve: exit 0 with JSON, the pipeline moves on; a second approve has nothing to answer (exit 2)', async () => {
		harness = await startOperatorSim();
		harness.world.startExecution(PROFILE, REGION, 'gate');
		await harness.until(() => serviceStage('gate', 'Approve')?.actionStates[0].latestExecution?.token !== undefined, 'approval waiting');

		const done = await pipetop('approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'LGTM'});
		expect(done.code).toBe(0);
		expect(done.json).toMatchObject({ok: true, command: 'approve', outcome: 'done', exitCode: 0, profile: PROFILE, account: '123456789012', region: REGION, pipeline: 'gate', stage: 'Approve', action: 'Manual', parameters: {status: 'Approved', summary: 'LGTM'}});
		expect(done.json?.requestId).toBeTruthy();
		expect(serviceStage('gate', 'Approve')?.latestExecution?.status).toBe('Succeeded');

		const again = await pipetop('approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'LGTM'});
		expect(again.code).toBe(2);
		expect(again.json).toMatchObject({ok: false, outcome: 'blocked', message: 'Not sent: Manual is not waiting for approval.'});
		expect(harness.calls('PutApprovalResult')).toBe(1);
		expect((await harness.audit()).map(entry => [entry.via, entry.action, entry.outcome])).toEqual([
			['cli', 'approve', 'done'],
			['cli', 'approve', 'blocked'],
		]);
	});

	it('retry, stop, transition: done in plain text on stdout; refusals on stderr with exit 2', async () => {
		harness = await startOperatorSim();
		harness.world.startExecution(PROFILE, REGION, 'broken');
		await harness.until(() => serviceStage('broken', 'Build')?.latestExecution?.status === 'Failed', 'Build failed');
		const refused = await pipetop('retry', ['broken'], {stage: 'Deploy', json: false});
		expect(refused).toMatchObject({code: 2, stdout: ''});
		expect(refused.stderr).toContain('nothing failed in Deploy');
		const retried = await pipetop('retry', ['broken'], {stage: 'Build', json: false});
		expect(retried.code).toBe(0);
		expect(retried.stdout).toMatch(/^Done: Retry failed actions of Build in execution \w+\.\n/);

		harness.world.startExecution(PROFILE, REGION, 'slow');
		await harness.until(() => serviceStage('slow', 'Build')?.latestExecution?.status === 'InProgress', 'slow build running');
		const stopped = await pipetop('stop', ['slow'], {abandon: true, reason: 'wrong branch'});
		expect(stopped.json).toMatchObject({outcome: 'done', parameters: {abandon: true, reason: 'wrong branch'}});

		expect((await pipetop('transition', ['gate'], {stage: 'Deploy', disable: true, reason: 'Freeze (INC-7)'})).code).toBe(0);
		expect(serviceStage('gate', 'Deploy')).toBeDefined();
		const state = harness.world.call(PROFILE, REGION, 'GetPipelineState', {name: 'gate'}) as {stageStates: Array<{stageName: string; inboundTransitionState?: {enabled: boolean; disabledReason?: string}}>};
		expect(state.stageStates.find(stage => stage.stageName === 'Deploy')?.inboundTransitionState).toMatchObject({enabled: false, disabledReason: 'Freeze (INC-7)'});
		expect((await pipetop('transition', ['gate'], {stage: 'Deploy', enable: true})).code).toBe(0);
	});

	it('start: variables and a pinned revision; an unknown variable is refused; AWS refusing is exit 1', async () => {
		harness = await startOperatorSim({maxActiveExecutions: 1});
		const started = await pipetop('start', ['gate'], {variable: ['DeployEnv=prod'], revision: 'Checkout=0123abcd'});
		expect(started.code).toBe(0);
		const executionId = started.json?.resultExecutionId as string;
		const execution = harness.world.call(PROFILE, REGION, 'GetPipelineExecution', {pipelineName: 'gate', pipelineExecutionId: executionId}) as {pipelineExecution: {variables: unknown}};
		expect(execution.pipelineExecution.variables).toEqual([{name: 'DeployEnv', resolvedValue: 'prod'}]);

		const unknown = await pipetop('start', ['gate'], {variable: ['Region=eu']});
		expect(unknown).toMatchObject({code: 2, json: {message: 'Not sent: gate has no variable "Region" (it declares: DeployEnv).'}});

		// The first execution still runs and the pipeline takes one at a time: AWS says no.
		const limited = await pipetop('start', ['gate']);
		expect(limited.code).toBe(1);
		expect(limited.json).toMatchObject({outcome: 'refused', errorCode: 'ConcurrentPipelineExecutionsLimitExceededException', next: 'Wait for one to finish, or stop one.'});
		expect(harness.calls('StartPipelineExecution')).toBe(2);
	});

	it('start --client-request-token: running the same command twice starts one run', async () => {
		harness = await startOperatorSim();
		const first = await pipetop('start', ['gate'], {clientRequestToken: 'runbook-42'});
		const again = await pipetop('start', ['gate'], {clientRequestToken: 'runbook-42'});
		expect(first.code).toBe(0);
		expect(again.code).toBe(0);
		expect(again.json?.resultExecutionId).toBe(first.json?.resultExecutionId);
		await expect(pipetop('start', ['gate'], {clientRequestToken: 'not a token!'})).rejects.toThrow(UsageError);
	});

	it('--read-only refuses with exit 2 and no write reaches the service', async () => {
		harness = await startOperatorSim();
		harness.world.startExecution(PROFILE, REGION, 'gate');
		await harness.until(() => serviceStage('gate', 'Approve')?.actionStates[0].latestExecution?.token !== undefined, 'approval waiting');
		const runs: Array<[HeadlessCommand, string[], Partial<GlobalFlags>]> = [
			['approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'x'}],
			['retry', ['gate'], {stage: 'Build'}],
			['stop', ['gate'], {}],
			['start', ['gate'], {}],
			['transition', ['gate'], {stage: 'Deploy', enable: true}],
			['rollback', ['train'], {stage: 'Deploy'}],
			['override', ['window'], {stage: 'Deploy', conditionType: 'BEFORE_ENTRY'}],
		];
		for (const [name, args, overrides] of runs) {
			const result = await pipetop(name, args, {...overrides, readOnly: true});
			expect(result.code).toBe(2);
			expect(result.json).toMatchObject({outcome: 'blocked', message: 'Not sent: read-only mode: nothing can be changed.'});
		}
		for (const operation of writes) expect(harness.calls(operation)).toBe(0);
		expect((await harness.audit()).every(entry => entry.outcome === 'blocked')).toBe(true);
	});

	it('bad usage is exit 2 before any AWS call; without a terminal it will not act unasked', async () => {
		harness = await startOperatorSim();
		await expect(pipetop('approve', ['gate'], {stage: 'Approve'})).rejects.toThrow(new UsageError('approve: --action is required'));
		await expect(pipetop('transition', ['gate'], {stage: 'Deploy', enable: true, disable: true})).rejects.toThrow('give exactly one of --enable or --disable');
		await expect(pipetop('stop', [])).rejects.toThrow('name exactly one PIPELINE');
		expect(harness.sim.stats().requests).toBe(0);
		await expect(pipetop('start', ['gate'], {yes: false})).rejects.toThrow('not asking without a terminal: pass --yes to act');
		await expect(pipetop('start', ['nope'])).rejects.toThrow('no pipeline named "nope"');
		expect(harness.calls('StartPipelineExecution')).toBe(0);
	});
});

type Summaries = {pipelineExecutionSummaries: Array<{pipelineExecutionId: string; status: string; trigger?: {triggerType?: string}}>};
function executions(pipeline: string) {
	return (harness!.world.call(PROFILE, REGION, 'ListPipelineExecutions', {pipelineName: pipeline}) as Summaries).pipelineExecutionSummaries;
}

describe('headless rollback and override', () => {
	it('rollback: to the newest earlier success by default, or the one named; an unknown target is refused unsent', async () => {
		harness = await startOperatorSim();
		const sim = harness;
		const first = sim.world.startExecution(PROFILE, REGION, 'train');
		await sim.until(() => executions('train').find(run => run.pipelineExecutionId === first)?.status === 'Succeeded', 'first run done');
		const second = sim.world.startExecution(PROFILE, REGION, 'train');
		await sim.until(() => executions('train').find(run => run.pipelineExecutionId === second)?.status === 'Succeeded', 'second run done');

		await expect(pipetop('rollback', ['train'], {stage: 'Deploy', yes: false})).rejects.toThrow('not asking without a terminal: pass --yes to act');
		const unknown = await pipetop('rollback', ['train'], {stage: 'Deploy', targetExecutionId: 'not-a-run'});
		expect(unknown.code).toBe(2);
		expect(unknown.json?.message).toContain(`Roll back to: choose one of ${first}`);
		expect(sim.calls('RollbackStage')).toBe(0);

		const done = await pipetop('rollback', ['train'], {stage: 'Deploy'});
		expect(done.code).toBe(0);
		expect(done.json).toMatchObject({ok: true, command: 'rollback', outcome: 'done', pipeline: 'train', stage: 'Deploy', parameters: {targetPipelineExecutionId: first}});
		const rollbackId = done.json?.resultExecutionId as string;
		expect(executions('train').find(run => run.pipelineExecutionId === rollbackId)?.trigger?.triggerType).toBe('ManualRollback');
		expect((await sim.audit()).map(entry => [entry.via, entry.action, entry.outcome])).toEqual([
			['cli', 'rollback', 'blocked'],
			['cli', 'rollback', 'done'],
		]);
	});

	it('override: only the condition being evaluated, once; a second run finds nothing to override', async () => {
		harness = await startOperatorSim();
		const sim = harness;
		sim.world.startExecution(PROFILE, REGION, 'window');
		const held = () => (serviceStage('window', 'Deploy') as {beforeEntryConditionState?: {latestExecution?: {status?: string}}} | undefined)?.beforeEntryConditionState?.latestExecution?.status;
		await sim.until(() => held() === 'InProgress', 'held at the door');

		const wrong = await pipetop('override', ['window'], {stage: 'Deploy', conditionType: 'ON_SUCCESS', json: false});
		expect(wrong).toMatchObject({code: 2, stdout: ''});
		expect(wrong.stderr).toContain('Condition: choose one of BEFORE_ENTRY');

		const done = await pipetop('override', ['window'], {stage: 'Deploy', conditionType: 'BEFORE_ENTRY', json: false});
		expect(done.code).toBe(0);
		expect(done.stdout).toMatch(/^Done: Override the entry condition of Deploy for execution \w+/);
		const again = await pipetop('override', ['window'], {stage: 'Deploy', conditionType: 'BEFORE_ENTRY'});
		expect(again).toMatchObject({code: 2, json: {outcome: 'blocked', message: 'Not sent: no condition of Deploy is being evaluated now.'}});
		expect(sim.calls('OverrideStageCondition')).toBe(1);
		expect((await sim.audit()).map(entry => [entry.via, entry.action, entry.outcome])).toEqual([
			['cli', 'override', 'blocked'],
			['cli', 'override', 'done'],
			['cli', 'override', 'blocked'],
		]);
	});

	it('bad usage is exit 2 before any AWS call', async () => {
		harness = await startOperatorSim();
		await expect(pipetop('rollback', ['train'], {})).rejects.toThrow(new UsageError('rollback: --stage is required'));
		await expect(pipetop('override', ['window'], {stage: 'Deploy'})).rejects.toThrow(new UsageError('override: --condition-type is required'));
		await expect(pipetop('override', ['window'], {stage: 'Deploy', conditionType: 'ON_FAILURE'})).rejects.toThrow('--condition-type is one of BEFORE_ENTRY, ON_SUCCESS (got "ON_FAILURE")');
		expect(harness.sim.stats().requests).toBe(0);
	});
});
