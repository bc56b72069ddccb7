import {describe, expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];
const BEHAVIOUR = timings({'Source/Checkout': 5, 'Build/Compile': 100, 'Deploy/Ship': 30});

function setup(mode: string) {
	const extra = mode === 'SUPERSEDED' ? {} : {pipelineType: 'V2', executionMode: mode};
	const t = makeWorld([{doc: pipelineDoc('app', STAGES, extra), behaviour: BEHAVIOUR}]);
	const a = t.start('app');
	t.advance(10);
	const b = t.start('app');
	t.advance(10);
	const c = t.start('app');
	t.advance(10);
	return {...t, a, b, c};
}

describe('SUPERSEDED', () => {
	test('a newer execution waiting in front of a locked stage replaces the older one', () => {
		const t = setup('SUPERSEDED');
		expect(t.execution('app', t.a).status).toBe('InProgress');
		expect(t.execution('app', t.b).status).toBe('Superseded');
		expect(t.execution('app', t.c).status).toBe('InProgress');
		const build = t.stage('app', 'Build');
		expect(build.latestExecution).toEqual({pipelineExecutionId: t.a, status: 'InProgress', type: 'STANDARD'});
		expect(build.inboundExecution.pipelineExecutionId).toBe(t.c);
		expect(build.inboundExecutions).toBeUndefined();
		const summaries = t.call<any>('ListPipelineExecutions', {pipelineName: 'app'}).pipelineExecutionSummaries;
		expect(summaries.map((summary: any) => summary.status)).toEqual(['InProgress', 'Superseded', 'InProgress']);
		t.advance(400);
		expect(t.execution('app', t.a).status).toBe('Succeeded');
		expect(t.execution('app', t.c).status).toBe('Succeeded');
		expect(t.execution('app', t.b).status).toBe('Superseded');
	});

	test('superseding happens only between stages: an execution inside a stage is never replaced', () => {
		const t = setup('SUPERSEDED');
		t.advance(80); // A leaves Build at 105 s and C enters it
		expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(t.c);
		const d = t.start('app');
		t.advance(10);
		expect(t.execution('app', t.c).status).toBe('InProgress');
		expect(t.stage('app', 'Build').inboundExecution.pipelineExecutionId).toBe(d);
	});
});

describe('QUEUED', () => {
	test('executions wait in order, go through one at a time, and are never superseded', () => {
		const t = setup('QUEUED');
		const build = t.stage('app', 'Build');
		expect(build.latestExecution.pipelineExecutionId).toBe(t.a);
		expect(build.inboundExecutions.map((entry: any) => entry.pipelineExecutionId)).toEqual([t.b, t.c]);
		expect(build.inboundExecution.pipelineExecutionId).toBe(t.b);
		t.advance(80); // ~110 s: A left Build, B entered
		expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(t.b);
		expect(t.stage('app', 'Build').inboundExecutions.map((entry: any) => entry.pipelineExecutionId)).toEqual([t.c]);
		t.advance(100);
		expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(t.c);
		t.advance(200);
		for (const id of [t.a, t.b, t.c]) expect(t.execution('app', id).status).toBe('Succeeded');
		expect(t.execution('app', t.a).executionMode).toBe('QUEUED');
	});
});

describe('PARALLEL', () => {
	test('executions run side by side without stage locks', () => {
		const t = setup('PARALLEL');
		const actionRuns = t.call<any>('ListActionExecutions', {pipelineName: 'app'}).actionExecutionDetails.filter((detail: any) => detail.stageName === 'Build');
		expect(actionRuns.map((detail: any) => detail.status)).toEqual(['InProgress', 'InProgress', 'InProgress']);
		expect(t.stage('app', 'Build').inboundExecution).toBeUndefined();
		expect(t.stage('app', 'Build').latestExecution.pipelineExecutionId).toBe(t.c);
		t.advance(150);
		for (const id of [t.a, t.b, t.c]) expect(t.execution('app', id).status).toBe('Succeeded');
	});

	test('QUEUED and PARALLEL need a V2 pipeline', () => {
		const t = makeWorld();
		const error = t.error('CreatePipeline', pipelineDoc('v1-queued', STAGES, {executionMode: 'QUEUED'}));
		expect(error.code).toBe('ValidationException');
		expect(error.message).toContain('pipeline.executionMode');
	});
});
