import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];
const windowRule = {
	name: 'BusinessHours',
	ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'},
	configuration: {Cron: '* 9-17 ? * MON-FRI *', TimeZone: 'UTC'},
};

/** A V2 pipeline whose Deploy stage waits for an entry condition; `gate` is its behaviour. */
function gated(gate: number | [number, Array<'Succeeded' | 'Failed'>]) {
	const doc = pipelineDoc('app', STAGES, {pipelineType: 'V2'});
	const stages = doc.pipeline.stages as Array<Record<string, unknown>>;
	stages[1].beforeEntry = {conditions: [{result: 'FAIL', rules: [windowRule]}]};
	const t = makeWorld([{doc, behaviour: timings({'Source/Checkout': 5, 'Deploy/Ship': 20, 'Deploy/beforeEntry': gate})}]);
	const id = t.start('app');
	t.advance(10);
	return {...t, id};
}

test('an entry condition holds the execution at the door while its rules run, then lets it in', () => {
	const t = gated(60);
	const deploy = t.stage('app', 'Deploy');
	expect(deploy.latestExecution).toMatchObject({pipelineExecutionId: t.id, status: 'InProgress'});
	expect(deploy.actionStates[0].latestExecution).toBeUndefined();
	expect(deploy.beforeEntryConditionState.latestExecution).toEqual({status: 'InProgress'});
	const rule = deploy.beforeEntryConditionState.conditionStates[0].ruleStates[0];
	expect(rule.ruleName).toBe('BusinessHours');
	expect(rule.latestExecution.status).toBe('InProgress');
	t.advance(60);
	const after = t.stage('app', 'Deploy');
	expect(after.beforeEntryConditionState.latestExecution.status).toBe('Succeeded');
	expect(after.actionStates[0].latestExecution.status).toBe('InProgress');
	t.advance(30);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
});

test('a failed rule fails the stage before any action runs', () => {
	const t = gated([20, ['Failed']]);
	t.advance(30);
	const deploy = t.stage('app', 'Deploy');
	expect(deploy.latestExecution.status).toBe('Failed');
	expect(deploy.beforeEntryConditionState.latestExecution.status).toBe('Failed');
	expect(deploy.beforeEntryConditionState.conditionStates[0].ruleStates[0].latestExecution).toMatchObject({status: 'Failed', summary: 'Rule BusinessHours failed'});
	expect(deploy.actionStates[0].latestExecution).toBeUndefined();
	expect(t.execution('app', t.id).status).toBe('Failed');
});

test('OverrideStageCondition lets a held execution in at once; refused when nothing is held', () => {
	const t = gated(3600);
	const input = {pipelineName: 'app', stageName: 'Deploy', pipelineExecutionId: t.id, conditionType: 'BEFORE_ENTRY'};
	expect(t.error('OverrideStageCondition', {...input, conditionType: 'ON_SUCCESS'}).code).toBe('ConditionNotOverridableException');
	t.call('OverrideStageCondition', input);
	const deploy = t.stage('app', 'Deploy');
	expect(deploy.beforeEntryConditionState.latestExecution.status).toBe('Overridden');
	expect(deploy.beforeEntryConditionState.conditionStates[0].ruleStates[0].latestExecution.status).toBe('Abandoned');
	expect(deploy.actionStates[0].latestExecution.status).toBe('InProgress');
	expect(t.error('OverrideStageCondition', input).code).toBe('ConditionNotOverridableException');
	t.advance(30);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
});

test('stopping an execution held at the door stops it there, either way', () => {
	for (const abandon of [false, true]) {
		const t = gated(3600);
		t.call('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: t.id, abandon});
		expect(t.execution('app', t.id).status).toBe('Stopped');
		const deploy = t.stage('app', 'Deploy');
		expect(deploy.latestExecution.status).toBe('Stopped');
		expect(deploy.beforeEntryConditionState.latestExecution.status).toBe('Cancelled');
	}
});
