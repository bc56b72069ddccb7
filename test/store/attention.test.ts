import {describe, expect, test} from 'vitest';
import {attentionOf} from '../../source/store/attention.js';
import {initialFleetState, reduceFleet} from '../../source/store/reducers.js';
import {action, entry, execution, stage} from './entries.js';

describe('attention', () => {
	test('unknown until the state was read once', () => {
		expect(attentionOf(entry('a', {fetchedAt: undefined}))).toBe('unknown');
	});

	test('failed when the latest execution failed', () => {
		expect(attentionOf(entry('a', {latestExecution: execution('e2', 'Failed')}))).toBe('failed');
	});

	test('failed when a stage of the latest execution failed, before the summary says so', () => {
		const stages = [stage('Source', {executionId: 'e2', status: 'Succeeded'}), stage('Build', {executionId: 'e2', status: 'Failed'})];
		expect(attentionOf(entry('a', {stages, latestExecution: execution('e2', 'InProgress')}))).toBe('failed');
	});

	test('an old failure behind a newer running execution is not a failure', () => {
		const stages = [stage('Source', {executionId: 'e3', status: 'InProgress'}), stage('Build', {executionId: 'e2', status: 'Failed'})];
		expect(attentionOf(entry('a', {stages, latestExecution: execution('e3', 'InProgress')}))).toBe('running');
	});

	test('approval when an approval action waits with a token', () => {
		const stages = [stage('Approve', {executionId: 'e1', status: 'InProgress', actions: [action('Manual', {category: 'Approval', status: 'InProgress', token: 't-1'})]})];
		expect(attentionOf(entry('a', {stages, latestExecution: execution('e1', 'InProgress')}))).toBe('approval');
	});

	test('approval in PARALLEL mode, where the state carries no token', () => {
		const stages = [stage('Approve', {executionId: 'e1', status: 'InProgress', actions: [action('Manual', {category: 'Approval', status: 'InProgress'})]})];
		expect(attentionOf(entry('a', {stages, executionMode: 'PARALLEL'}))).toBe('approval');
	});

	test('running while in progress or stopping, idle otherwise', () => {
		expect(attentionOf(entry('a', {latestExecution: execution('e1', 'Stopping')}))).toBe('running');
		expect(attentionOf(entry('a', {latestExecution: execution('e1', 'Succeeded')}))).toBe('idle');
		expect(attentionOf(entry('a', {latestExecution: execution('e1', 'Superseded')}))).toBe('idle');
		expect(attentionOf(entry('a'))).toBe('idle');
	});
});

test('approvals sort by how long they have waited, longest first: the one to answer next on top', () => {
	const waiting = (name: string, since: number, started: number) =>
		entry(name, {
			latestExecution: execution(name, 'InProgress', started),
			stages: [stage('Approve', {status: 'InProgress', actions: [action('Review', {category: 'Approval', status: 'InProgress', token: 't', lastStatusChange: since})]})],
		});
	// Most recent first would put the long wait last: it started first.
	const state = reduceFleet(initialFleetState(), [
		{type: 'pipeline', entry: waiting('short', 9_000, 8_000)},
		{type: 'pipeline', entry: waiting('long', 1_000, 500)},
	]);
	expect(state.order).toEqual(['p/r/long', 'p/r/short']);
});
