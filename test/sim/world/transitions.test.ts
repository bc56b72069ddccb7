import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];

function setup(extra: Record<string, unknown> = {}) {
	return makeWorld([{doc: pipelineDoc('app', STAGES, extra), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 30, 'Deploy/Ship': 30})}]);
}

test('a disabled inbound transition holds executions in front of the stage until enabled', () => {
	const t = setup();
	t.call('DisableStageTransition', {pipelineName: 'app', stageName: 'Deploy', transitionType: 'Inbound', reason: 'Change freeze (INC-42)'});
	const transition = t.stage('app', 'Deploy').inboundTransitionState;
	expect(transition).toEqual({enabled: false, lastChangedBy: 'arn:aws:iam::111122223333:user/test', lastChangedAt: t.clock.now() / 1000, disabledReason: 'Change freeze (INC-42)'});
	const id = t.start('app');
	t.advance(60);
	const deploy = t.stage('app', 'Deploy');
	expect(deploy.inboundExecution).toEqual({pipelineExecutionId: id, status: 'InProgress', type: 'STANDARD'});
	expect(deploy.latestExecution).toBeUndefined();
	expect(t.execution('app', id).status).toBe('InProgress');
	t.advance(3600);
	expect(t.stage('app', 'Deploy').inboundExecution.pipelineExecutionId).toBe(id);
	t.call('EnableStageTransition', {pipelineName: 'app', stageName: 'Deploy', transitionType: 'Inbound'});
	const enabled = t.stage('app', 'Deploy');
	expect(enabled.inboundTransitionState.enabled).toBe(true);
	expect(enabled.inboundTransitionState.disabledReason).toBeUndefined();
	expect(enabled.inboundExecution).toBeUndefined();
	expect(enabled.latestExecution.pipelineExecutionId).toBe(id);
	t.advance(60);
	expect(t.execution('app', id).status).toBe('Succeeded');
});

test('QUEUED: every held execution is listed in inboundExecutions, in order', () => {
	const t = setup({pipelineType: 'V2', executionMode: 'QUEUED'});
	t.call('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Inbound', reason: 'Holding'});
	const ids = [t.start('app'), t.start('app'), t.start('app')];
	t.advance(20);
	expect(t.stage('app', 'Build').inboundExecutions.map((entry: any) => entry.pipelineExecutionId)).toEqual(ids);
});

test('an Outbound transition of a stage holds executions leaving it', () => {
	const t = setup();
	t.call('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Outbound', reason: 'Hold after build'});
	const id = t.start('app');
	t.advance(60);
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Succeeded');
	expect(t.stage('app', 'Deploy').inboundExecution.pipelineExecutionId).toBe(id);
});

test('the reason is required and must match the pattern; names and types are checked', () => {
	const t = setup();
	const missing = t.error('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Inbound'});
	expect(missing.code).toBe('ValidationException');
	expect(missing.message).toContain("'reason' failed to satisfy constraint: Member must not be null");
	const pattern = t.error('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Inbound', reason: 'freeze, because: reasons'});
	expect(pattern.message).toContain('regular expression pattern');
	const long = t.error('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Inbound', reason: 'x'.repeat(301)});
	expect(long.message).toContain('length less than or equal to 300');
	expect(t.error('DisableStageTransition', {pipelineName: 'app', stageName: 'Build', transitionType: 'Sideways', reason: 'x'}).message).toContain("'transitionType'");
	expect(t.error('EnableStageTransition', {pipelineName: 'app', stageName: 'Nope', transitionType: 'Inbound'}).code).toBe('StageNotFoundException');
});
