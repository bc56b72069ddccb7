import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createActionLayer} from '../../source/actions/create.js';
import type {OperatorCommand} from '../../source/actions/types.js';
import {ACCOUNT, PROFILE, REGION, key, loaded, stageOf, startOperatorSim, type OperatorSim} from './helpers/operator-sim.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

const writes = ['StartPipelineExecution', 'StopPipelineExecution', 'RetryStageExecution', 'PutApprovalResult', 'EnableStageTransition', 'DisableStageTransition', 'RollbackStage', 'OverrideStageCondition'];
const allCommands: OperatorCommand[] = ['approve', 'retry', 'stop', 'start', 'transition', 'rollback', 'override'];

async function waitingApproval(sim: OperatorSim, overrides = {}) {
	const app = await sim.boot(overrides);
	await loaded(sim, app, 'gate');
	sim.world.startExecution(PROFILE, REGION, 'gate');
	await sim.until(() => stageOf(app.engine.store.getState(), 'gate', 'Approve')?.actions[0].token !== undefined, 'approval waiting');
	return app;
}

describe('read-only mode', () => {
	it('--read-only: every key says why, no dialog opens, an intent made elsewhere is refused; zero writes reach the service', async () => {
		harness = await startOperatorSim();
		const app = await waitingApproval(harness, {readOnly: true});
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env, readOnlyFlag: true});
		for (const command of allCommands) {
			const request = {command, pipelineKey: key('gate'), stageName: 'Approve'};
			expect(layer.disabledReason(request)).toBe('read-only mode');
			expect(await harness.drive(layer.prepare(request))).toEqual({ok: false, reason: 'read-only mode: nothing can be changed'});
		}
		// Even a request built by a writable console is refused by this one.
		const writableApp = await harness.boot();
		await loaded(harness, writableApp, 'gate');
		await harness.until(() => stageOf(writableApp.engine.store.getState(), 'gate', 'Approve')?.actions[0].token !== undefined, 'approval seen');
		const writable = createActionLayer(writableApp, {via: 'console', clock: harness.clock, env: harness.env, audit: {append: async () => undefined}});
		const prepared = await harness.drive(writable.prepare({command: 'approve', pipelineKey: key('gate')}));
		if (!prepared.ok) throw new Error(prepared.reason);
		const result = await harness.drive(layer.run(prepared.plan.build({decision: 'approve', summary: 'sneaky'})));
		expect(result).toMatchObject({outcome: 'blocked', message: 'Refused: read-only mode. Nothing was sent to AWS.'});
		for (const operation of writes) expect(harness.calls(operation)).toBe(0);
		expect((await harness.audit()).map(entry => entry.outcome)).toEqual(['blocked']);
	});

	it('readOnlyProfiles in the config file makes that profile read-only', async () => {
		harness = await startOperatorSim();
		await mkdir(join(harness.dir, 'config', 'pipetop'), {recursive: true});
		await writeFile(join(harness.dir, 'config', 'pipetop', 'config.json'), JSON.stringify({readOnlyProfiles: [PROFILE]}));
		const app = await waitingApproval(harness);
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		expect(layer.disabledReason({command: 'approve', pipelineKey: key('gate')})).toBe('read-only mode');
		expect(await harness.drive(layer.prepare({command: 'start', pipelineKey: key('gate')}))).toMatchObject({ok: false});
		for (const operation of writes) expect(harness.calls(operation)).toBe(0);
	});
});

describe('writes are sent once, and AWS errors are explained', () => {
	it('a 500 is reported as an unknown outcome, sent exactly once (no SDK retry), and the state re-read', async () => {
		harness = await startOperatorSim();
		const app = await waitingApproval(harness);
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'approve', pipelineKey: key('gate')}));
		if (!prepared.ok) throw new Error(prepared.reason);
		harness.sim.setFaults({serverErrorRate: 1});
		const reads = harness.calls('GetPipelineState');
		const result = await harness.drive(layer.run(prepared.plan.build({decision: 'approve', summary: 'ok'})));
		harness.sim.setFaults({});
		expect(result.outcome).toBe('unknown');
		expect(result.message).toContain('may or may not have been carried out. It was not sent again.');
		expect(harness.calls('PutApprovalResult')).toBe(1);
		// The re-read is asked for before the answer; on a loaded machine its HTTP round trip can
		// land after virtual time ran past the layer's wait, so wait for it to reach the service.
		await harness.until(() => (harness?.calls('GetPipelineState') ?? 0) > reads, 'the state to be re-read');
		expect(harness.calls('PutApprovalResult')).toBe(1);
	});

	it('a write with no answer times out as unknown, says what the re-read shows, and can be answered again', async () => {
		harness = await startOperatorSim();
		const app = await waitingApproval(harness);
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env, writeTimeoutMs: 20_000});
		const prepared = await harness.drive(layer.prepare({command: 'approve', pipelineKey: key('gate')}));
		if (!prepared.ok) throw new Error(prepared.reason);
		harness.sim.setFaults({deadRegions: [REGION]});
		const pending = layer.run(prepared.plan.build({decision: 'approve', summary: 'ok'}));
		await harness.until(() => harness!.sim.stats().held > 0, 'the write is held');
		// The region answers again once the write was given up on.
		harness.clock.advance(20_000);
		harness.sim.setFaults({});
		const result = await harness.drive(pending);
		expect(result).toMatchObject({outcome: 'unknown', code: 'TimeoutError'});
		expect(result.message).toContain('The approval still waits: the answer did not get through. You may answer again.');
		expect(harness.calls('PutApprovalResult')).toBe(1);
	});

	it('access denied and throttling are refusals in plain words; the layer keeps working', async () => {
		harness = await startOperatorSim();
		const app = await waitingApproval(harness);
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const request = {command: 'transition' as const, pipelineKey: key('gate'), stageName: 'Deploy'};

		harness.sim.setFaults({deniedAccounts: [ACCOUNT]});
		const denied = await harness.drive(layer.prepare(request));
		if (!denied.ok) throw new Error(denied.reason);
		const refused = await harness.drive(layer.run(denied.plan.build({reason: 'freeze'})));
		expect(refused).toMatchObject({outcome: 'refused', message: 'AWS refused: this profile is not allowed to do this.'});
		expect(refused.code).toMatch(/^AccessDenied/);

		harness.sim.setFaults({});
		const throttledPlan = await harness.drive(layer.prepare(request));
		if (!throttledPlan.ok) throw new Error(throttledPlan.reason);
		// One call left in the bucket, taken by a read: the write meets an empty bucket.
		harness.sim.setFaults({rateLimit: {perSecond: 0.001, burst: 1}});
		await harness.drive(app.apiFor(`${PROFILE}/${REGION}`)!.listPipelines({}).catch(() => undefined));
		const throttled = await harness.drive(layer.run(throttledPlan.plan.build({reason: 'freeze'})));
		if (throttled.outcome === 'done') throw new Error('the bucket let the write through');
		expect(throttled).toMatchObject({outcome: 'refused', code: 'ThrottlingException'});
		expect(throttled.next).toBe('Wait a few seconds and try again.');

		harness.sim.setFaults({});
		const retried = await harness.drive(layer.prepare(request));
		if (!retried.ok) throw new Error(retried.reason);
		expect((await harness.drive(layer.run(retried.plan.build({reason: 'freeze'})))).outcome).toBe('done');
		expect((await harness.audit()).map(entry => [entry.outcome, entry.errorCode ?? ''])).toEqual([
			['refused', refused.code],
			['refused', 'ThrottlingException'],
			['done', ''],
		]);
	});
});
