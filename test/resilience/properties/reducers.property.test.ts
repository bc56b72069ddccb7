/**
 * The store's reducers under random interleavings of what the engine writes: pipelines read,
 * patched, failing, removed and re-added, sources changing health, histories and logs, in any
 * order and any batching. Whatever the sequence, the derived fields agree with the data the
 * console reads (counts, order, sourceOrder), batching does not change the outcome, and a batch
 * that changes nothing returns the very same state.
 */

import fc from 'fast-check';
import {expect, test} from 'vitest';
import {attentionOf, comparePipelines} from '../../../source/store/attention.js';
import {initialFleetState, reduceFleet, type FleetUpdate} from '../../../source/store/reducers.js';
import type {FleetState, PipelineEntry, SourceState} from '../../../source/store/types.js';
import {entry, execution, stage} from '../../store/entries.js';

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const SOURCES = ['p/r', 'q/r', 'p/s'];
const STATUSES = ['Succeeded', 'Failed', 'InProgress', 'Stopped', 'Superseded', 'Stopping', 'Cancelled'] as const;
const STAGE_STATUSES = [undefined, 'Succeeded', 'Failed', 'InProgress', 'Stopped'] as const;

const arbitraryEntry: fc.Arbitrary<PipelineEntry> = fc
	.record({
		name: fc.constantFrom(...NAMES),
		source: fc.constantFrom(...SOURCES),
		status: fc.option(fc.constantFrom(...STATUSES), {nil: undefined}),
		stageStatus: fc.constantFrom(...STAGE_STATUSES),
		approval: fc.boolean(),
		start: fc.integer({min: 0, max: 10}),
		fetched: fc.option(fc.integer({min: 1, max: 100}), {nil: undefined}),
		error: fc.boolean(),
		claimed: fc.constantFrom('failed', 'approval', 'running', 'idle', 'unknown' as const),
	})
	.map(({name, source, status, stageStatus, approval, start, fetched, error, claimed}) => {
		const [profile, region] = source.split('/');
		return entry(name, {
			key: `${source}/${name}`,
			sourceKey: source,
			profile,
			region,
			// The engine may claim anything: the reducer derives attention itself.
			attention: claimed,
			latestExecution: status ? execution(`x${start}`, status, start * 1000) : undefined,
			stages: [
				stage('Source', {status: 'Succeeded', executionId: `x${start}`}),
				stage('Build', {status: stageStatus, executionId: `x${start}`, actions: approval ? [{...stage('A').actions[0], category: 'Approval', status: 'InProgress', token: 't'}] : stage('Build').actions}),
			],
			fetchedAt: fetched,
			error: error ? {code: 'ThrottlingException', message: 'Rate exceeded'} : undefined,
		});
	});

const arbitrarySource: fc.Arbitrary<SourceState> = fc.record({
	key: fc.constantFrom(...SOURCES),
	health: fc.constantFrom('loading', 'ok', 'stale', 'failed' as const),
	pipelineCount: fc.integer({min: 0, max: 5}),
	readOnly: fc.boolean(),
}).map(value => {
	const [profile, region] = value.key.split('/');
	return {...value, profile, region};
});

const key = fc.tuple(fc.constantFrom(...SOURCES), fc.constantFrom(...NAMES)).map(([source, name]) => `${source}/${name}`);

const arbitraryUpdate: fc.Arbitrary<FleetUpdate> = fc.oneof(
	{weight: 5, arbitrary: arbitraryEntry.map(value => ({type: 'pipeline', entry: value}) as const)},
	{weight: 2, arbitrary: fc.record({key, stale: fc.boolean(), fetched: fc.integer({min: 1, max: 100})}).map(({key: k, stale, fetched}) => ({type: 'pipelinePatch', key: k, patch: {stale, fetchedAt: fetched}}) as const)},
	{weight: 2, arbitrary: key.map(k => ({type: 'pipelineRemove', key: k}) as const)},
	{weight: 1, arbitrary: arbitrarySource.map(source => ({type: 'source', source}) as const)},
	{weight: 1, arbitrary: fc.record({key: fc.constantFrom(...SOURCES), health: fc.constantFrom('ok', 'stale', 'failed' as const)}).map(({key: k, health}) => ({type: 'sourcePatch', key: k, patch: {health}}) as const)},
	{weight: 1, arbitrary: key.map((k): FleetUpdate => ({type: 'history', key: k, value: {items: [execution('h1', 'Succeeded')], loading: false}}))},
	{weight: 1, arbitrary: fc.record({build: fc.constantFrom('b1', 'b2'), gone: fc.boolean()}).map(({build, gone}): FleetUpdate => ({type: 'log', buildId: build, value: gone ? undefined : {buildId: build, lines: [], live: false, loading: false}}))},
	{weight: 1, arbitrary: fc.boolean().map(value => ({type: 'initialLoad', value}) as const)},
);

/** Splits a sequence into batches at the given cut points. */
function batches<T>(items: T[], cuts: number[]): T[][] {
	const points = [...new Set(cuts.map(cut => cut % (items.length + 1)))].sort((a, b) => a - b);
	const out: T[][] = [];
	let from = 0;
	for (const point of [...points, items.length]) {
		if (point > from) out.push(items.slice(from, point));
		from = Math.max(from, point);
	}
	return out;
}

function checkInvariants(state: FleetState): void {
	const entries = Object.values(state.pipelines);
	// Counts agree with the entries, attention is derived, never what the writer claimed.
	const counts = {failed: 0, approval: 0, running: 0, idle: 0, unknown: 0, total: entries.length};
	for (const value of entries) {
		expect(value.attention).toBe(attentionOf(value));
		counts[value.attention]++;
	}
	expect(state.counts).toEqual(counts);
	// Order: exactly the pipelines (no ghost, none missing), sorted as the console shows them.
	expect([...state.order].sort()).toEqual(Object.keys(state.pipelines).sort());
	const sorted = [...entries].sort(comparePipelines).map(value => value.key);
	expect(state.order).toEqual(sorted);
	expect([...state.sourceOrder].sort()).toEqual(Object.keys(state.sources).sort());
}

test('any interleaving, any batching: derived fields agree with the data', () => {
	fc.assert(
		fc.property(fc.array(arbitraryUpdate, {maxLength: 60}), fc.array(fc.nat(), {maxLength: 8}), (updates, cuts) => {
			let batched = initialFleetState(0);
			for (const batch of batches(updates, cuts)) {
				batched = reduceFleet(batched, batch);
				checkInvariants(batched);
			}
			const whole = reduceFleet(initialFleetState(0), updates);
			checkInvariants(whole);
			// How updates are batched changes nothing the console sees.
			expect(batched.pipelines).toEqual(whole.pipelines);
			expect(batched.order).toEqual(whole.order);
			expect(batched.counts).toEqual(whole.counts);
			expect(batched.sources).toEqual(whole.sources);
			expect(batched.logs).toEqual(whole.logs);
		}),
		{numRuns: 300, seed: 20261122},
	);
});

test('replaying what is already there returns the very same state (no render), and keeps references', () => {
	fc.assert(
		fc.property(fc.array(arbitraryUpdate, {minLength: 1, maxLength: 40}), updates => {
			const state = reduceFleet(initialFleetState(0), updates);
			const replay: FleetUpdate[] = [
				...Object.values(state.pipelines).map(value => ({type: 'pipeline', entry: structuredClone(value)}) as const),
				...Object.values(state.sources).map(source => ({type: 'source', source: structuredClone(source)}) as const),
			];
			const again = reduceFleet(state, replay);
			expect(again).toBe(state);
			expect(reduceFleet(state, [])).toBe(state);
		}),
		{numRuns: 200, seed: 7},
	);
});

test('a removed pipeline is gone from every list the console reads, whatever came before', () => {
	fc.assert(
		fc.property(fc.array(arbitraryUpdate, {maxLength: 40}), key, (updates, removed) => {
			const state = reduceFleet(initialFleetState(0), [...updates, {type: 'pipelineRemove', key: removed}]);
			expect(state.pipelines[removed]).toBeUndefined();
			expect(state.order).not.toContain(removed);
			checkInvariants(state);
		}),
		{numRuns: 200, seed: 11},
	);
});
