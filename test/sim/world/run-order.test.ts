import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', [{name: 'Compile', runOrder: 1}, {name: 'Lint', runOrder: 1}, {name: 'Package', runOrder: 2}]],
];

test('actions with the same runOrder run together; the next runOrder waits for all of them', () => {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 60, 'Build/Lint': 20, 'Build/Package': 30})}]);
	const id = t.start('app');
	t.advance(10);
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('InProgress');
	expect(t.action('app', 'Build', 'Lint').latestExecution.status).toBe('InProgress');
	expect(t.action('app', 'Build', 'Package').latestExecution).toBeUndefined();
	t.advance(20); // Lint done at 25 s, Compile still running
	expect(t.action('app', 'Build', 'Lint').latestExecution.status).toBe('Succeeded');
	expect(t.action('app', 'Build', 'Package').latestExecution).toBeUndefined();
	t.advance(40); // Compile done at 65 s: Package starts
	expect(t.action('app', 'Build', 'Package').latestExecution.status).toBe('InProgress');
	t.advance(30);
	expect(t.execution('app', id).status).toBe('Succeeded');
	const details = t.call<any>('ListActionExecutions', {pipelineName: 'app', filter: {pipelineExecutionId: id}}).actionExecutionDetails;
	const start = (name: string) => details.find((detail: any) => detail.actionName === name).startTime;
	expect(start('Compile')).toBe(start('Lint'));
	expect(start('Package')).toBeGreaterThanOrEqual(start('Compile') + 60);
});

test('a failure in one runOrder fails the stage and later runOrders never start', () => {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 60, 'Build/Lint': [20, ['Failed']], 'Build/Package': 30})}]);
	const id = t.start('app');
	t.advance(30); // Lint failed at 25 s; Compile still running
	const build = t.stage('app', 'Build');
	expect(build.latestExecution.status).toBe('Failed');
	expect(t.execution('app', id).status).toBe('Failed');
	expect(t.action('app', 'Build', 'Lint').latestExecution.errorDetails.code).toBe('JobFailed');
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('InProgress');
	t.advance(100);
	expect(t.action('app', 'Build', 'Compile').latestExecution.status).toBe('Succeeded');
	expect(t.action('app', 'Build', 'Package').latestExecution).toBeUndefined();
	expect(t.execution('app', id).status).toBe('Failed');
});
