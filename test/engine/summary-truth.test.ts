/**
 * The row and the header show the execution's real status right after an operator action and
 * whenever the state shows the execution moved: the execution summary is read again, not kept.
 * Real engine, real SDK, the embedded service, the real action layer; virtual time.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createActionLayer} from '../../source/actions/create.js';
import {PROFILE, REGION, confirmAction, key, loaded, stageOf, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';

/** The active cadence (DEFAULT_INTERVALS.active): "within one active poll". */
const ACTIVE_POLL_MS = 5_000;

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

describe('the latest execution after an operator action', () => {
	it('a retried stage turns the row from Failed to InProgress within one active poll', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'broken');
		harness.world.startExecution(PROFILE, REGION, 'broken');
		const store = app.engine.store;
		const latest = () => store.getState().pipelines[key('broken')]?.latestExecution;
		await harness.until(() => latest()?.status === 'Failed', 'the row says Failed');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});

		const result = await confirmAction(harness, layer, {command: 'retry', pipelineKey: key('broken'), stageName: 'Build'}, {mode: 'failed'});
		expect(result.outcome).toBe('done');
		await harness.until(() => stageOf(store.getState(), 'broken', 'Build')?.status === 'InProgress', 'the stage runs again', {maxMs: ACTIVE_POLL_MS});
		await harness.until(() => latest()?.status === 'InProgress', 'the row says InProgress', {maxMs: ACTIVE_POLL_MS});
	});

	it('a stage retried by someone else turns the row InProgress at the next poll', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'broken');
		const executionId = harness.world.startExecution(PROFILE, REGION, 'broken');
		const store = app.engine.store;
		const latest = () => store.getState().pipelines[key('broken')]?.latestExecution;
		await harness.until(() => latest()?.status === 'Failed', 'the row says Failed');
		app.engine.setFocus([key('broken')]);
		harness.world.call(PROFILE, REGION, 'RetryStageExecution', {pipelineName: 'broken', stageName: 'Build', pipelineExecutionId: executionId, retryMode: 'FAILED_ACTIONS'});
		await harness.until(() => latest()?.status === 'InProgress', 'the row says InProgress', {maxMs: 2 * ACTIVE_POLL_MS});
	});

	it('stop and abandon of an execution waiting in front of a stage turns the row Stopped', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'slow');
		const store = app.engine.store;
		// The first holds Build for 300 s; the second waits in front of it.
		harness.world.startExecution(PROFILE, REGION, 'slow');
		await harness.until(() => stageOf(store.getState(), 'slow', 'Build')?.status === 'InProgress', 'the first one builds');
		const second = harness.world.startExecution(PROFILE, REGION, 'slow');
		const latest = () => store.getState().pipelines[key('slow')]?.latestExecution;
		await harness.until(() => latest()?.executionId === second && (stageOf(store.getState(), 'slow', 'Build')?.inboundExecutions.length ?? 0) > 0, 'the second one waits');
		expect(latest()?.status).toBe('InProgress');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});

		const result = await confirmAction(harness, layer, {command: 'stop', pipelineKey: key('slow'), executionId: second}, {mode: 'abandon', reason: 'wrong commit'});
		expect(result.outcome).toBe('done');
		await harness.until(() => latest()?.status === 'Stopped', 'the row says Stopped', {maxMs: ACTIVE_POLL_MS});
		expect(latest()?.executionId).toBe(second);
	});

	it('R (refresh) reads the execution summary again even when the state looks the same', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'slow');
		const store = app.engine.store;
		harness.world.startExecution(PROFILE, REGION, 'slow');
		await harness.until(() => stageOf(store.getState(), 'slow', 'Build')?.status === 'InProgress', 'building');
		await harness.settle();
		const before = harness.calls('ListPipelineExecutions');
		app.engine.refresh(key('slow'));
		await harness.until(() => harness!.calls('ListPipelineExecutions') > before, 'the summary read again', {maxMs: 1000, step: 100});
	});
});
