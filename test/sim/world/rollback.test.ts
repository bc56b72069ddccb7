import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];
const BEHAVIOUR = timings({'Source/Checkout': 5, 'Build/Compile': 30, 'Deploy/Ship': 30});

function twoReleases(extra: Record<string, unknown> = {pipelineType: 'V2'}) {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES, extra), behaviour: BEHAVIOUR}]);
	const first = t.start('app');
	t.advance(100);
	const second = t.start('app');
	t.advance(100);
	return {...t, first, second};
}

test('RollbackStage runs only that stage again with the target execution\'s revisions', () => {
	const t = twoReleases();
	const {pipelineExecutionId} = t.call<any>('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: t.first});
	const rollback = t.execution('app', pipelineExecutionId);
	expect(rollback.executionType).toBe('ROLLBACK');
	expect(rollback.trigger.triggerType).toBe('ManualRollback');
	expect(rollback.rollbackMetadata).toEqual({rollbackTargetPipelineExecutionId: t.first});
	expect(rollback.artifactRevisions[0].revisionId).toBe(t.execution('app', t.first).artifactRevisions[0].revisionId);
	expect(t.stage('app', 'Deploy').latestExecution).toEqual({pipelineExecutionId, status: 'InProgress', type: 'ROLLBACK'});
	expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(t.second);
	t.advance(60);
	expect(t.execution('app', pipelineExecutionId).status).toBe('Succeeded');
	const summary = t.call<any>('ListPipelineExecutions', {pipelineName: 'app'}).pipelineExecutionSummaries[0];
	expect(summary.executionType).toBe('ROLLBACK');
	expect(summary.rollbackMetadata.rollbackTargetPipelineExecutionId).toBe(t.first);
	const actions = t.call<any>('ListActionExecutions', {pipelineName: 'app', filter: {pipelineExecutionId}}).actionExecutionDetails;
	expect(actions.map((detail: any) => detail.stageName)).toEqual(['Deploy']);
});

test('refusals: V1, PARALLEL, unknown target, target that never succeeded there, nothing to roll back to', () => {
	expect(twoReleases({}).error('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: '00000000-0000-4000-8000-000000000000'}).code).toBe('UnableToRollbackStageException');
	const parallel = twoReleases({pipelineType: 'V2', executionMode: 'PARALLEL'});
	expect(parallel.error('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: parallel.first}).code).toBe('UnableToRollbackStageException');
	const t = twoReleases();
	expect(t.error('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: '00000000-0000-4000-8000-000000000000'}).code).toBe('PipelineExecutionNotFoundException');
	expect(t.error('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: t.second}).code).toBe('PipelineExecutionOutdatedException');
	expect(t.error('RollbackStage', {pipelineName: 'app', stageName: 'Nope', targetPipelineExecutionId: t.first}).code).toBe('StageNotFoundException');
	const failing = makeWorld([{doc: pipelineDoc('app', STAGES, {pipelineType: 'V2'}), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 30, 'Deploy/Ship': [30, ['Failed']]})}]);
	const bad = failing.start('app');
	failing.advance(100);
	expect(failing.error('RollbackStage', {pipelineName: 'app', stageName: 'Deploy', targetPipelineExecutionId: bad}).code).toBe('UnableToRollbackStageException');
});

test('OverrideStageCondition is refused where the stage declares no such condition', () => {
	const t = twoReleases();
	const error = t.error('OverrideStageCondition', {pipelineName: 'app', stageName: 'Deploy', pipelineExecutionId: t.second, conditionType: 'BEFORE_ENTRY'});
	expect(error.code).toBe('ConditionNotOverridableException');
});
