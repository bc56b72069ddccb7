import {expect, test} from 'vitest';
import {initialFleetState, reduceFleet} from '../../source/store/reducers.js';
import {createAttentionSelector, createSearchSelector, selectOrder} from '../../source/store/selectors.js';
import {entry, execution} from './entries.js';

test('selectors return the same reference until what they show changes', () => {
	let state = reduceFleet(initialFleetState(), [
		{type: 'pipeline', entry: entry('orders', {latestExecution: execution('1', 'Failed')})},
		{type: 'pipeline', entry: entry('billing', {latestExecution: execution('2', 'Succeeded')})},
	]);
	const failed = createAttentionSelector('failed');
	const search = createSearchSelector('ORD');
	const first = failed(state);
	expect(first).toEqual(['p/r/orders']);
	expect(search(state)).toEqual(['p/r/orders']);
	expect(selectOrder(state)).toBe(state.order);

	// A poll that changes only the data age: new pipelines record, same filtered arrays.
	state = reduceFleet(state, [{type: 'pipelinePatch', key: 'p/r/billing', patch: {fetchedAt: 50}}]);
	expect(failed(state)).toBe(first);

	state = reduceFleet(state, [{type: 'pipelinePatch', key: 'p/r/billing', patch: {latestExecution: execution('3', 'Failed', 5000)}}]);
	expect(failed(state)).toEqual(['p/r/billing', 'p/r/orders']);
});
