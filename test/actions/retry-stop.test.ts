import {afterEach, describe, expect, it} from 'vitest';
import {createActionLayer} from '../../source/actions/create.js';
import type {ActionLayer} from '../../source/actions/layer.js';
import type {ActionRequest, Answers} from '../../source/actions/types.js';
import {PROFILE, REGION, key, loaded, stageOf, startOperatorSim, type OperatorSim} from './helpers/operator-sim.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

async function confirm(layer: ActionLayer, request: ActionRequest, answers: Answers) {
	const prepared = await harness!.drive(layer.prepare(request));
	if (!prepared.ok) throw new Error(prepared.reason);
	return harness!.drive(layer.run(prepared.plan.build(answers)));
}

describe('retry a failed stage', () => {
	it('shows what failed, retries failed actions only, and the stage runs again', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'broken');
		harness.world.startExecution(PROFILE, REGION, 'broken');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'broken', 'Build')?.status === 'Failed', 'Build failed');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});

		expect(layer.disabledReason({command: 'retry', pipelineKey: key('broken'), stageName: 'Deploy'})).toMatch(/nothing failed in Deploy/);
		const prepared = await harness.drive(layer.prepare({command: 'retry', pipelineKey: key('broken'), stageName: 'Build'}));
		if (!prepared.ok) throw new Error(prepared.reason);
		expect(prepared.plan.details.some(line => line.startsWith('Failed Compile'))).toBe(true);
		const result = await harness.drive(layer.run(prepared.plan.build({mode: 'failed'})));
		expect(result.outcome).toBe('done');
		await harness.until(() => stageOf(store.getState(), 'broken', 'Build')?.status === 'Succeeded', 'Build succeeded after the retry');
		expect(harness.calls('RetryStageExecution')).toBe(1);
		expect((await harness.audit())[0]).toMatchObject({action: 'retry', stage: 'Build', parameters: {retryMode: 'FAILED_ACTIONS'}, outcome: 'done'});
	});

	it('when the stage moved on before the confirm, AWS refuses and the words say why', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'broken');
		const executionId = harness.world.startExecution(PROFILE, REGION, 'broken');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'broken', 'Build')?.status === 'Failed', 'Build failed');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'retry', pipelineKey: key('broken'), stageName: 'Build'}));
		if (!prepared.ok) throw new Error(prepared.reason);
		// Another operator retries first; this screen has not seen it yet.
		harness.world.call(PROFILE, REGION, 'RetryStageExecution', {pipelineName: 'broken', stageName: 'Build', pipelineExecutionId: executionId, retryMode: 'FAILED_ACTIONS'});
		const result = await harness.drive(layer.run(prepared.plan.build({mode: 'all'})));
		expect(result).toMatchObject({outcome: 'refused', code: 'StageNotRetryableException'});
		expect(result.message).toContain('cannot be retried now');
	});
});

describe('stop a running execution', () => {
	it('stop and wait, then a second stop offers abandon only, which stops it', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'slow');
		harness.world.startExecution(PROFILE, REGION, 'slow');
		const store = app.engine.store;
		// Compile runs for 300 s: stop-and-wait leaves the execution Stopping meanwhile.
		await harness.until(() => stageOf(store.getState(), 'slow', 'Build')?.actions[0].status === 'InProgress', 'Compile running');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const stop: ActionRequest = {command: 'stop', pipelineKey: key('slow')};

		const first = await confirm(layer, stop, {mode: 'wait', reason: 'bad commit'});
		expect(first.outcome).toBe('done');
		await harness.until(() => store.getState().pipelines[key('slow')]?.latestExecution?.status === 'Stopping', 'Stopping', {maxMs: 10_000});

		const again = await harness.drive(layer.prepare(stop));
		if (!again.ok) throw new Error(again.reason);
		const how = again.plan.steps({})[0];
		expect(how.kind === 'choice' && how.options.map(option => [option.value, option.disabledReason])).toEqual([
			['wait', 'already stopping'],
			['abandon', undefined],
		]);
		const abandon = await harness.drive(layer.run(again.plan.build({mode: 'abandon', reason: ''})));
		expect(abandon.outcome).toBe('done');
		await harness.until(() => store.getState().pipelines[key('slow')]?.latestExecution?.status === 'Stopped', 'Stopped', {maxMs: 10_000});
		expect(layer.disabledReason(stop)).toMatch(/is Stopped: nothing to stop/);
		expect((await harness.audit()).map(entry => entry.parameters)).toEqual([{abandon: false, reason: 'bad commit'}, {abandon: true}]);
	});

	it('a duplicate stop-and-wait that reaches AWS is explained with what to do next', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'slow');
		const executionId = harness.world.startExecution(PROFILE, REGION, 'slow');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'slow', 'Build')?.actions[0].status === 'InProgress', 'Compile running');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'stop', pipelineKey: key('slow')}));
		if (!prepared.ok) throw new Error(prepared.reason);
		harness.world.call(PROFILE, REGION, 'StopPipelineExecution', {pipelineName: 'slow', pipelineExecutionId: executionId, abandon: false});
		const result = await harness.drive(layer.run(prepared.plan.build({mode: 'wait', reason: ''})));
		expect(result).toMatchObject({outcome: 'refused', code: 'DuplicatedStopRequestException'});
		expect(result.next).toContain('abandon');
	});
});
