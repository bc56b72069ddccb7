import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {comparePipelines} from '../../source/store/attention.js';
import {initialFleetState, reduceFleet, type FleetUpdate} from '../../source/store/reducers.js';
import type {Attention, FleetState, PipelineEntry} from '../../source/store/types.js';
import {action, entry, execution, stage} from './entries.js';

const put = (e: PipelineEntry): FleetUpdate => ({type: 'pipeline', entry: e});

function fleet(...entries: PipelineEntry[]): FleetState {
	return reduceFleet(initialFleetState(), entries.map(put));
}

describe('reduceFleet', () => {
	test('orders failed, then approval, then running, then the rest by most recent', () => {
		const state = fleet(
			entry('idle-old', {latestExecution: execution('1', 'Succeeded', 100)}),
			entry('running', {latestExecution: execution('2', 'InProgress', 50)}),
			entry('idle-new', {latestExecution: execution('3', 'Succeeded', 900)}),
			entry('failed', {latestExecution: execution('4', 'Failed', 10)}),
			entry('approval', {stages: [stage('A', {executionId: '5', status: 'InProgress', actions: [action('Ok', {category: 'Approval', status: 'InProgress', token: 't'})]})]}),
		);
		expect(state.order.map(key => key.split('/')[2])).toEqual(['failed', 'approval', 'running', 'idle-new', 'idle-old']);
		expect(state.counts).toEqual({failed: 1, approval: 1, running: 1, idle: 2, unknown: 0, total: 5});
	});

	test('a batch that changes nothing returns the same state', () => {
		const state = fleet(entry('a'), entry('b'));
		expect(reduceFleet(state, [put(entry('a')), put(entry('b'))])).toBe(state);
		expect(reduceFleet(state, [])).toBe(state);
	});

	test('a new poll time alone replaces the entry without copying the fleet, and is still announced', () => {
		const state = fleet(entry('a'), entry('b'));
		const before = state.pipelines['p/r/a'];
		const next = reduceFleet(state, [put(entry('a', {fetchedAt: 99}))]);
		// A new state, so whoever waits for a fresh read hears of it...
		expect(next).not.toBe(state);
		expect(next.pipelines['p/r/a'].fetchedAt).toBe(99);
		expect(next.pipelines['p/r/a']).not.toBe(before);
		// ...but the same record (no 2,000-key copy per poll), and nothing derived from it changes.
		expect(next.pipelines).toBe(state.pipelines);
		expect(next.pipelines['p/r/a'].stages).toBe(before.stages);
		expect(next.pipelines['p/r/b']).toBe(state.pipelines['p/r/b']);
		expect(next.order).toBe(state.order);
		expect(next.counts).toBe(state.counts);
	});

	test('a newer poll time with a real change copies the record as before', () => {
		const state = fleet(entry('a'), entry('b'));
		const next = reduceFleet(state, [put(entry('a', {fetchedAt: 99, error: {code: 'X', message: 'broken'}}))]);
		expect(next.pipelines).not.toBe(state.pipelines);
		expect(state.pipelines['p/r/a'].error).toBeUndefined();
		expect(next.pipelines['p/r/a'].error?.code).toBe('X');
	});

	test('the first read of a pipeline is not a poll time alone (attention leaves unknown)', () => {
		const state = fleet(entry('a', {fetchedAt: undefined}));
		expect(state.counts.unknown).toBe(1);
		const next = reduceFleet(state, [put(entry('a', {fetchedAt: 5}))]);
		expect(next.counts.unknown).toBe(0);
		expect(next.pipelines['p/r/a'].attention).toBe('idle');
	});

	test('the most stages of any pipeline follows pipelines growing, shrinking and leaving', () => {
		const stages = (count: number) => Array.from({length: count}, (_, index) => stage(`S${index}`));
		let state = fleet(entry('a', {stages: stages(2)}), entry('b', {stages: stages(5)}));
		expect(state.maxStages).toBe(5);
		state = reduceFleet(state, [put(entry('a', {stages: stages(7)}))]);
		expect(state.maxStages).toBe(7);
		state = reduceFleet(state, [put(entry('a', {stages: stages(3)}))]);
		expect(state.maxStages).toBe(5);
		state = reduceFleet(state, [{type: 'pipelineRemove', key: 'p/r/b'}]);
		expect(state.maxStages).toBe(3);
	});

	test('one changed action keeps the other stages by reference', () => {
		const base = entry('a', {stages: [stage('Source', {status: 'Succeeded'}), stage('Build', {status: 'InProgress'})]});
		const state = fleet(base);
		const changed = entry('a', {stages: [stage('Source', {status: 'Succeeded'}), stage('Build', {status: 'Succeeded'})]});
		const next = reduceFleet(state, [put(changed)]);
		expect(next.pipelines['p/r/a'].stages[0]).toBe(state.pipelines['p/r/a'].stages[0]);
		expect(next.pipelines['p/r/a'].stages[1]).not.toBe(state.pipelines['p/r/a'].stages[1]);
	});

	test('a changed attention moves the pipeline and updates counts', () => {
		const state = fleet(entry('a', {latestExecution: execution('1', 'Succeeded', 500)}), entry('b', {latestExecution: execution('2', 'Succeeded', 100)}));
		expect(state.order).toEqual(['p/r/a', 'p/r/b']);
		const next = reduceFleet(state, [{type: 'pipelinePatch', key: 'p/r/b', patch: {latestExecution: execution('2', 'Failed', 100)}}]);
		expect(next.order).toEqual(['p/r/b', 'p/r/a']);
		expect(next.counts.failed).toBe(1);
		expect(next.counts.idle).toBe(1);
	});

	test('removing a pipeline updates order and counts; a patch of a removed one is ignored', () => {
		const state = fleet(entry('a'), entry('b'));
		const next = reduceFleet(state, [{type: 'pipelineRemove', key: 'p/r/a'}, {type: 'pipelinePatch', key: 'p/r/a', patch: {stale: true}}]);
		expect(next.order).toEqual(['p/r/b']);
		expect(next.counts.total).toBe(1);
		expect(next.pipelines['p/r/a']).toBeUndefined();
	});

	test('a removed pipeline takes its history, definition and action executions with it', () => {
		const state = reduceFleet(fleet(entry('a'), entry('ab')), [
			{type: 'history', key: 'p/r/a', value: {items: [execution('1', 'Succeeded')], loading: false}},
			{type: 'definition', key: 'p/r/a', value: {name: 'a'}},
			{type: 'actionExecutions', id: 'p/r/a#1', value: {items: [], loading: false}},
			{type: 'actionExecutions', id: 'p/r/ab#2', value: {items: [], loading: false}},
		]);
		const next = reduceFleet(state, [{type: 'pipelineRemove', key: 'p/r/a'}]);
		expect(next.histories['p/r/a']).toBeUndefined();
		expect(next.definitions['p/r/a']).toBeUndefined();
		expect(Object.keys(next.actionExecutions)).toEqual(['p/r/ab#2']);
	});

	test('sources are ordered by profile, then region', () => {
		const source = (profile: string, region: string): FleetUpdate => ({type: 'source', source: {key: `${profile}/${region}`, profile, region, health: 'loading', pipelineCount: 0, readOnly: false}});
		const state = reduceFleet(initialFleetState(), [source('prod', 'us-east-1'), source('dev', 'us-west-2'), source('dev', 'eu-west-1')]);
		expect(state.sourceOrder).toEqual(['dev/eu-west-1', 'dev/us-west-2', 'prod/us-east-1']);
		const again = reduceFleet(state, [{type: 'sourcePatch', key: 'dev/eu-west-1', patch: {health: 'ok'}}]);
		expect(again.sourceOrder).toBe(state.sourceOrder);
	});

	const statuses = ['Succeeded', 'Failed', 'InProgress', 'Stopped', 'Superseded'] as const;
	const arbitraryUpdate = fc.oneof(
		fc.record({kind: fc.constant('put' as const), name: fc.integer({min: 0, max: 7}), status: fc.constantFrom(...statuses), start: fc.integer({min: 0, max: 5}), approval: fc.boolean()}),
		fc.record({kind: fc.constant('remove' as const), name: fc.integer({min: 0, max: 7})}),
	);

	test('order and counts always equal a full recount (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.array(arbitraryUpdate, {maxLength: 6}), {maxLength: 12}), batches => {
				let state = initialFleetState();
				for (const batch of batches) {
					const updates: FleetUpdate[] = batch.map(item =>
						item.kind === 'remove'
							? {type: 'pipelineRemove', key: `p/r/n${item.name}`}
							: put(
									entry(`n${item.name}`, {
										latestExecution: execution(`e${item.start}`, item.status, item.start * 100),
										stages: item.approval ? [stage('A', {actions: [action('Ok', {category: 'Approval', status: 'InProgress'})]})] : [stage('S')],
									}),
								),
					);
					const before = state;
					state = reduceFleet(state, updates);
					const entries = Object.values(state.pipelines);
					expect(state.order).toEqual([...entries].sort(comparePipelines).map(item => item.key));
					expect(state.maxStages).toBe(Math.max(0, ...entries.map(item => item.stages.length)));
					const recount: Record<Attention | 'total', number> = {failed: 0, approval: 0, running: 0, idle: 0, unknown: 0, total: entries.length};
					for (const item of entries) recount[item.attention]++;
					expect(state.counts).toEqual(recount);
					// Same content: same array, never a copy.
					if (before.order.length === state.order.length && before.order.every((key, index) => key === state.order[index])) expect(state.order).toBe(before.order);
				}
			}),
			{numRuns: 200},
		);
	});
});
