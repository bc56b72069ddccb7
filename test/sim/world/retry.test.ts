import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', [{name: 'Compile', runOrder: 1}, {name: 'Tests', runOrder: 1}, {name: 'Package', runOrder: 2}]],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];

/** Tests fails on its first run and succeeds afterwards; Compile takes longer than Tests. */
function failed(testsSeconds = 20) {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 40, 'Build/Tests': [testsSeconds, ['Failed', 'Succeeded']], 'Build/Package': 10, 'Deploy/Ship': 10})}]);
	const id = t.start('app');
	return {...t, id, retry: (mode: string, extra: Record<string, unknown> = {}) => t.call('RetryStageExecution', {pipelineName: 'app', stageName: 'Build', pipelineExecutionId: id, retryMode: mode, ...extra})};
}

test('FAILED_ACTIONS re-runs only what did not succeed, then the stage carries on', () => {
	const t = failed();
	t.advance(60);
	expect(t.execution('app', t.id).status).toBe('Failed');
	const compileBefore = t.action('app', 'Build', 'Compile').latestExecution.actionExecutionId;
	const testsBefore = t.action('app', 'Build', 'Tests').latestExecution.actionExecutionId;
	expect(t.retry('FAILED_ACTIONS')).toEqual({pipelineExecutionId: t.id});
	expect(t.execution('app', t.id).status).toBe('InProgress');
	expect(t.action('app', 'Build', 'Compile').latestExecution.actionExecutionId).toBe(compileBefore);
	expect(t.action('app', 'Build', 'Tests').latestExecution.actionExecutionId).not.toBe(testsBefore);
	t.advance(60);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
	expect(t.action('app', 'Build', 'Compile').latestExecution.actionExecutionId).toBe(compileBefore);
});

test('ALL_ACTIONS re-runs the whole stage', () => {
	const t = failed();
	t.advance(60);
	const compileBefore = t.action('app', 'Build', 'Compile').latestExecution.actionExecutionId;
	t.retry('ALL_ACTIONS');
	expect(t.action('app', 'Build', 'Compile').latestExecution.actionExecutionId).not.toBe(compileBefore);
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('InProgress');
	t.advance(80);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
});

test('ALL_ACTIONS is refused while an action of the failed stage still runs; FAILED_ACTIONS is not', () => {
	const t = failed();
	t.advance(30); // Tests failed at 25 s; Compile runs until 45 s
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Failed');
	expect(t.error('RetryStageExecution', {pipelineName: 'app', stageName: 'Build', pipelineExecutionId: t.id, retryMode: 'ALL_ACTIONS'}).code).toBe('StageNotRetryableException');
	t.retry('FAILED_ACTIONS');
	t.advance(60);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
});

test('refusals: nothing failed, not the latest execution, unknown stage, bad mode', () => {
	const t = failed();
	t.advance(60);
	expect(t.error('RetryStageExecution', {pipelineName: 'app', stageName: 'Source', pipelineExecutionId: t.id, retryMode: 'FAILED_ACTIONS'}).code).toBe('StageNotRetryableException');
	expect(t.error('RetryStageExecution', {pipelineName: 'app', stageName: 'Nope', pipelineExecutionId: t.id, retryMode: 'FAILED_ACTIONS'}).code).toBe('StageNotFoundException');
	const mode = t.error('RetryStageExecution', {pipelineName: 'app', stageName: 'Build', pipelineExecutionId: t.id, retryMode: 'SOME'});
	expect(mode.code).toBe('ValidationException');
	expect(mode.message).toContain("'retryMode'");
	const later = t.start('app');
	t.advance(10);
	expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(later);
	expect(t.error('RetryStageExecution', {pipelineName: 'app', stageName: 'Build', pipelineExecutionId: t.id, retryMode: 'FAILED_ACTIONS'}).code).toBe('NotLatestPipelineExecutionException');
});

test('a stopped stage can be retried', () => {
	const t = failed(100);
	t.advance(20);
	t.call('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: t.id, abandon: true});
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Stopped');
	t.retry('FAILED_ACTIONS');
	expect(t.execution('app', t.id).status).toBe('InProgress');
	t.advance(200);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
});
