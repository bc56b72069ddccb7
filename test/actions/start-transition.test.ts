import {afterEach, describe, expect, it} from 'vitest';
import {createActionLayer} from '../../source/actions/create.js';
import {checkAnswers} from '../../source/actions/plan.js';
import {PROFILE, REGION, key, loaded, stageOf, startOperatorSim, type OperatorSim} from './helpers/operator-sim.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

type Execution = {pipelineExecution: {variables?: Array<{name: string; resolvedValue: string}>; artifactRevisions?: Array<{revisionId?: string}>}};

describe('start a new execution', () => {
	it('edits V2 variables from their defaults, pins a revision, and a resend never starts two runs', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'gate');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'start', pipelineKey: key('gate')}));
		if (!prepared.ok) throw new Error(prepared.reason);
		const {plan} = prepared;
		const [variable, pin] = plan.steps({});
		expect(variable).toMatchObject({kind: 'text', id: 'var:DeployEnv', initial: 'staging', hint: 'where to deploy'});
		expect(pin.kind === 'choice' && pin.options.map(option => option.value)).toEqual(['-', 'Checkout']);
		expect(plan.steps({pin: 'Checkout'}).at(-1)).toMatchObject({id: 'revision'});

		const answers = {'var:DeployEnv': 'prod', pin: 'Checkout', revision: 'abc123def'};
		expect(checkAnswers(plan, answers)).toBeUndefined();
		const intent = plan.build(answers);
		// The first attempt's connection drops before AWS sees it: the outcome is unknown.
		harness.sim.setFaults({dropRate: 1});
		const first = await harness.drive(layer.run(intent));
		expect(first.outcome).toBe('unknown');
		expect(first.message).toContain('was not sent again');
		harness.sim.setFaults({});
		// The operator sends it again (the dialog's `r`), then a second console sends the same request.
		const second = await harness.drive(layer.run(intent));
		expect(second.outcome).toBe('done');
		const otherConsole = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const third = await harness.drive(otherConsole.run(intent));
		expect(third.executionId).toBe(second.executionId);
		expect(harness.calls('StartPipelineExecution')).toBe(3);

		const started = harness.world.call(PROFILE, REGION, 'ListPipelineExecutions', {pipelineName: 'gate'}) as {pipelineExecutionSummaries: unknown[]};
		expect(started.pipelineExecutionSummaries).toHaveLength(1);
		const execution = harness.world.call(PROFILE, REGION, 'GetPipelineExecution', {pipelineName: 'gate', pipelineExecutionId: second.executionId}) as Execution;
		expect(execution.pipelineExecution.variables).toEqual([{name: 'DeployEnv', resolvedValue: 'prod'}]);
		const audit = await harness.audit();
		expect(audit.map(entry => entry.outcome)).toEqual(['unknown', 'done', 'done']);
		expect(audit[1].parameters).toMatchObject({variables: {DeployEnv: 'prod'}, sourceRevisions: [{actionName: 'Checkout', revisionType: 'COMMIT_ID', revisionValue: 'abc123def'}]});
	});
});

describe('stage transitions', () => {
	it('disables with a reason, shows who and why, then enables', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'gate');
		const store = app.engine.store;
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const request = {command: 'transition' as const, pipelineKey: key('gate'), stageName: 'Deploy'};
		expect(layer.disabledReason({...request, stageName: 'Source'})).toBe('the first stage has no inbound transition');

		const disable = await harness.drive(layer.prepare(request));
		if (!disable.ok) throw new Error(disable.reason);
		expect(disable.plan.title).toBe('Disable transition into Deploy');
		expect(checkAnswers(disable.plan, {reason: 'freeze; see #ops'})).toBe('Reason: only letters, digits, spaces and ! @ ( ) . * ? - are allowed');
		expect((await harness.drive(layer.run(disable.plan.build({reason: 'Release freeze (INC-42)'})))).outcome).toBe('done');
		await harness.until(() => stageOf(store.getState(), 'gate', 'Deploy')?.inboundTransition.enabled === false, 'disabled', {maxMs: 5000});
		expect(stageOf(store.getState(), 'gate', 'Deploy')?.inboundTransition.disabledReason).toBe('Release freeze (INC-42)');

		const enable = await harness.drive(layer.prepare(request));
		if (!enable.ok) throw new Error(enable.reason);
		expect(enable.plan.title).toBe('Enable transition into Deploy');
		expect(enable.plan.details[0]).toContain('Release freeze (INC-42)');
		expect(enable.plan.steps({})).toEqual([]);
		expect((await harness.drive(layer.run(enable.plan.build({})))).outcome).toBe('done');
		await harness.until(() => stageOf(store.getState(), 'gate', 'Deploy')?.inboundTransition.enabled === true, 'enabled', {maxMs: 5000});
		expect((await harness.audit()).map(entry => entry.parameters)).toEqual([
			{direction: 'disable', transitionType: 'Inbound', reason: 'Release freeze (INC-42)'},
			{direction: 'enable', transitionType: 'Inbound'},
		]);
	});
});

describe('rollback and condition override (pipeline view)', () => {
	it('rolls a stage back to a chosen earlier successful execution', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'train');
		const store = app.engine.store;
		const first = harness.world.startExecution(PROFILE, REGION, 'train');
		await harness.until(() => store.getState().pipelines[key('train')]?.latestExecution?.status === 'Succeeded', 'first run done');
		const second = harness.world.startExecution(PROFILE, REGION, 'train');
		await harness.until(
			() => store.getState().pipelines[key('train')]?.latestExecution?.executionId === second && store.getState().pipelines[key('train')]?.latestExecution?.status === 'Succeeded',
			'second run done',
		);
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'rollback', pipelineKey: key('train'), stageName: 'Deploy'}));
		if (!prepared.ok) throw new Error(prepared.reason);
		const choice = prepared.plan.steps({})[0];
		expect(choice.kind === 'choice' && choice.options.map(option => option.value)).toEqual([first]);
		const result = await harness.drive(layer.run(prepared.plan.build({target: first})));
		expect(result.outcome).toBe('done');
		const rollbackId = result.executionId as string;
		const summaries = (harness.world.call(PROFILE, REGION, 'ListPipelineExecutions', {pipelineName: 'train'}) as {pipelineExecutionSummaries: Array<{pipelineExecutionId: string; trigger?: {triggerType?: string}}>}).pipelineExecutionSummaries;
		expect(summaries.find(summary => summary.pipelineExecutionId === rollbackId)?.trigger?.triggerType).toBe('ManualRollback');
		await harness.until(() => stageOf(store.getState(), 'train', 'Deploy')?.executionId === rollbackId, 'Deploy runs the rollback', {maxMs: 30_000});
		expect((await harness.audit())[0]).toMatchObject({action: 'rollback', stage: 'Deploy', parameters: {targetPipelineExecutionId: first}, resultExecutionId: rollbackId});
	});

	it('override: refused with the reason when no condition of the stage is being evaluated', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'gate');
		harness.world.startExecution(PROFILE, REGION, 'gate');
		await harness.until(() => stageOf(app.engine.store.getState(), 'gate', 'Approve')?.status === 'InProgress', 'approval waiting');
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'override', pipelineKey: key('gate'), stageName: 'Approve'}));
		expect(prepared).toEqual({ok: false, reason: 'no condition of Approve is being evaluated now'});
		expect(harness.calls('OverrideStageCondition')).toBe(0);
	});

	it('override: an entry condition holding an execution at the door lets it in', async () => {
		harness = await startOperatorSim();
		const app = await harness.boot();
		await loaded(harness, app, 'window');
		const execution = harness.world.startExecution(PROFILE, REGION, 'window');
		const store = app.engine.store;
		await harness.until(() => stageOf(store.getState(), 'window', 'Deploy')?.conditions[0]?.status === 'InProgress', 'held at the door');
		const held = stageOf(store.getState(), 'window', 'Deploy')!;
		expect(held.conditions[0]).toMatchObject({type: 'BEFORE_ENTRY', rules: [{name: 'BusinessHours', status: 'InProgress'}]});
		expect(held.actions[0].status).toBeUndefined();
		const layer = createActionLayer(app, {via: 'console', clock: harness.clock, env: harness.env});
		const prepared = await harness.drive(layer.prepare({command: 'override', pipelineKey: key('window'), stageName: 'Deploy'}));
		if (!prepared.ok) throw new Error(prepared.reason);
		const choice = prepared.plan.steps({})[0];
		expect(choice.kind === 'choice' && choice.options.map(option => option.value)).toEqual(['BEFORE_ENTRY']);
		expect(prepared.plan.details.join(' ')).toContain('Rules being evaluated: BusinessHours InProgress.');
		const result = await harness.drive(layer.run(prepared.plan.build({})));
		expect(result.outcome).toBe('done');
		expect(harness.calls('OverrideStageCondition')).toBe(1);
		await harness.until(() => stageOf(store.getState(), 'window', 'Deploy')?.actions[0].status === 'InProgress', 'Deploy runs', {maxMs: 10_000});
		expect(stageOf(store.getState(), 'window', 'Deploy')?.conditions[0].status).toBe('Overridden');
		expect((await harness.audit())[0]).toMatchObject({action: 'override', stage: 'Deploy', parameters: {conditionType: 'BEFORE_ENTRY'}, outcome: 'done'});
		await harness.until(() => store.getState().pipelines[key('window')]?.latestExecution?.executionId === execution && store.getState().pipelines[key('window')]?.latestExecution?.status === 'Succeeded', 'run done', {maxMs: 120_000});
	});
});
