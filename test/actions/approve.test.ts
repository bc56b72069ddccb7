import {afterEach, describe, expect, it} from 'vitest';
import {createActionLayer} from '../../source/actions/create.js';
import {ACCOUNT, PROFILE, REGION, key, loaded, stageOf, startOperatorSim, type OperatorSim} from './helpers/operator-sim.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

describe('approve through the action layer, against the embedded service', () => {
	it('shows what is being approved, approves once, and the pipeline moves on', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'gate');
		harness.world.startExecution(PROFILE, REGION, 'gate');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'gate', 'Approve')?.actions[0].token !== undefined, 'approval waiting');

		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await layer.prepare({command: 'approve', pipelineKey: key('gate')});
		if (!prepared.ok) throw new Error(prepared.reason);
		const {plan} = prepared;
		expect(plan.target).toMatchObject({accountId: ACCOUNT, region: REGION, profile: PROFILE, pipelineName: 'gate', stageName: 'Approve', actionName: 'Manual'});
		expect(plan.details.join('\n')).toMatch(/Waiting for \d+/);
		expect(plan.details).toContain('Note: Check the canary dashboard');
		expect(plan.details).toContain('Review: https://dash.example/shop');
		expect(plan.details.some(line => line.startsWith('Source Checkout: '))).toBe(true);

		const token = stageOf(store.getState(), 'gate', 'Approve')?.actions[0].token as string;
		const intent = plan.build({decision: 'approve', summary: 'canary is green'});
		const [first, second] = await Promise.all([layer.run(intent), layer.run(intent)]);
		expect(first).toBe(second);
		expect(first.outcome).toBe('done');
		expect(first.requestId).toBeTruthy();
		expect(harness.calls('PutApprovalResult')).toBe(1);

		await harness.until(() => stageOf(store.getState(), 'gate', 'Deploy')?.status === 'InProgress', 'Deploy running after the approval', {maxMs: 60_000});
		const audit = await harness.audit();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			via: 'console',
			profile: PROFILE,
			account: ACCOUNT,
			region: REGION,
			pipeline: 'gate',
			stage: 'Approve',
			actionName: 'Manual',
			action: 'approve',
			parameters: {status: 'Approved', summary: 'canary is green'},
			outcome: 'done',
			requestId: first.requestId,
		});
		// The token is a one-time credential: never in the audit log.
		expect(JSON.stringify(audit[0])).not.toContain(token);
	});

	it('a token answered elsewhere is explained, the state re-read, and nothing is re-sent', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'gate');
		harness.world.startExecution(PROFILE, REGION, 'gate');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'gate', 'Approve')?.actions[0].token !== undefined, 'approval waiting');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await layer.prepare({command: 'approve', pipelineKey: key('gate'), stageName: 'Approve', actionName: 'Manual'});
		if (!prepared.ok) throw new Error(prepared.reason);
		const token = stageOf(store.getState(), 'gate', 'Approve')?.actions[0].token as string;
		await harness.settle();

		// Someone approves in the AWS console while this operator is still typing.
		harness.world.call(PROFILE, REGION, 'PutApprovalResult', {pipelineName: 'gate', stageName: 'Approve', actionName: 'Manual', token, result: {status: 'Approved', summary: 'by someone else'}});
		const intent = prepared.plan.build({decision: 'reject', summary: 'too risky'});
		const result = await layer.run(intent);
		expect(result.outcome).toBe('refused');
		expect(result.code).toBe('ApprovalAlreadyCompletedException');
		expect(result.message).toBe('Someone already answered this approval (or it timed out).');
		expect(result.next).toContain('refreshed');

		// The re-read shows the approval gone, and the same confirm again sends nothing.
		await harness.until(() => stageOf(store.getState(), 'gate', 'Approve')?.actions[0].status !== 'InProgress', 're-read after the refusal', {maxMs: 5000});
		expect(await layer.run(intent)).toBe(result);
		expect(harness.calls('PutApprovalResult')).toBe(1);
		// A new dialog now refuses before sending: nothing waits.
		expect(layer.disabledReason({command: 'approve', pipelineKey: key('gate')})).toBe('no pending approval');
		expect((await harness.audit()).map(entry => [entry.outcome, entry.errorCode])).toEqual([['refused', 'ApprovalAlreadyCompletedException']]);
	});

	it('in PARALLEL mode takes the token from ListActionExecutions; a rejection fails the execution', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'fanout');
		const executionId = harness.world.startExecution(PROFILE, REGION, 'fanout');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'fanout', 'Approve')?.actions[0].status === 'InProgress', 'PARALLEL approval waiting');
		expect(stageOf(store.getState(), 'fanout', 'Approve')?.actions[0].token).toBeUndefined();

		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const listed = harness.calls('ListActionExecutions');
		const prepared = await harness.drive(layer.prepare({command: 'approve', pipelineKey: key('fanout'), executionId}));
		if (!prepared.ok) throw new Error(prepared.reason);
		expect(harness.calls('ListActionExecutions')).toBeGreaterThan(listed);
		expect(prepared.plan.target.executionId).toBe(executionId);
		const result = await layer.run(prepared.plan.build({decision: 'reject', summary: 'not today'}));
		expect(result).toMatchObject({outcome: 'done'});
		await harness.until(() => store.getState().pipelines[key('fanout')]?.latestExecution?.status === 'Failed', 'rejected execution failed', {maxMs: 60_000});
		expect((await harness.audit())[0]).toMatchObject({executionId, parameters: {status: 'Rejected', summary: 'not today'}, outcome: 'done'});
	});
});
