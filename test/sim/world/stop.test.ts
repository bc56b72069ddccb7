import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];

function running() {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 100, 'Deploy/Ship': 30})}]);
	const id = t.start('app');
	t.advance(20);
	return {...t, id, stop: (input: Record<string, unknown> = {}) => t.call('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: id, ...input})};
}

test('stop and wait: Stopping until the action in progress finishes, then Stopped', () => {
	const t = running();
	expect(t.stop({reason: 'Wrong branch'})).toEqual({pipelineExecutionId: t.id});
	expect(t.execution('app', t.id).status).toBe('Stopping');
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Stopping');
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('InProgress');
	const again = t.error('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: t.id});
	expect(again.code).toBe('DuplicatedStopRequestException');
	t.advance(100);
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('Succeeded');
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Stopped');
	expect(t.execution('app', t.id).status).toBe('Stopped');
	expect(t.stage('app', 'Deploy').latestExecution).toBeUndefined();
	const summary = t.call<any>('ListPipelineExecutions', {pipelineName: 'app'}).pipelineExecutionSummaries[0];
	expect(summary.stopTrigger).toEqual({reason: 'Wrong branch'});
});

test('stop and abandon: in-progress actions are Abandoned (the build STOPPED) and the execution Stopped', () => {
	const t = running();
	t.stop({abandon: true});
	const compile = t.action('app', 'Build', 'Compile').latestExecution;
	expect(compile.status).toBe('Abandoned');
	expect(t.execution('app', t.id).status).toBe('Stopped');
	expect(t.stage('app', 'Build').latestExecution.status).toBe('Stopped');
	const build = t.world.call('test', 'us-east-1', 'BatchGetBuilds', {ids: [compile.externalExecutionId]}) as any;
	expect(build.builds[0].buildStatus).toBe('STOPPED');
	expect(build.builds[0].phases.some((phase: any) => phase.phaseStatus === 'STOPPED')).toBe(true);
});

test('abandon is still allowed on a Stopping execution', () => {
	const t = running();
	t.stop();
	t.stop({abandon: true});
	expect(t.execution('app', t.id).status).toBe('Stopped');
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('Abandoned');
});

test('stopping a finished execution is PipelineExecutionNotStoppableException', () => {
	const t = running();
	t.advance(200);
	expect(t.execution('app', t.id).status).toBe('Succeeded');
	expect(t.error('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: t.id}).code).toBe('PipelineExecutionNotStoppableException');
});

test('an execution waiting in front of a stage stops at once', () => {
	const t = running();
	const second = t.start('app');
	t.advance(10);
	expect(t.stage('app', 'Build').inboundExecution.pipelineExecutionId).toBe(second);
	t.call('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: second});
	expect(t.execution('app', second).status).toBe('Stopped');
	expect(t.stage('app', 'Build').inboundExecution).toBeUndefined();
});

test('stop input checks: reason length, execution id format, unknown execution', () => {
	const t = running();
	const long = t.error('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: t.id, reason: 'x'.repeat(201)});
	expect(long.code).toBe('ValidationException');
	expect(long.message).toContain("'reason'");
	expect(t.error('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: 'nope'}).message).toContain("'pipelineExecutionId'");
	expect(t.error('StopPipelineExecution', {pipelineName: 'app', pipelineExecutionId: '00000000-0000-4000-8000-000000000000'}).code).toBe('ValidationException');
	expect(t.error('StopPipelineExecution', {pipelineName: 'nope', pipelineExecutionId: t.id}).code).toBe('PipelineNotFoundException');
});
