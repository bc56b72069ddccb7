/**
 * The fleet's other orders (`>` cycles them): the store keeps the attention order (failed,
 * waiting, running, idle); these re-sort the rows, with that order breaking ties.
 */
import type {FleetState, PipelineEntry, PipelineKey} from '../../store/types.js';
import {recencyOf} from '../../store/attention.js';

/** Fleet orders `>` cycles through; attention (failed, waiting, running, idle) is the default. */
export const fleetSorts = ['attention', 'age', 'name', 'account', 'region'] as const;
export type FleetSort = (typeof fleetSorts)[number];

export function nextSort(sort: FleetSort): FleetSort {
	return fleetSorts[(fleetSorts.indexOf(sort) + 1) % fleetSorts.length];
}

const byText = (pick: (entry: PipelineEntry) => string) => (a: PipelineEntry, b: PipelineEntry) => pick(a).localeCompare(pick(b));

const comparators: Record<Exclude<FleetSort, 'attention'>, (a: PipelineEntry, b: PipelineEntry) => number> = {
	// Age: what changed most recently first.
	age: (a, b) => recencyOf(b) - recencyOf(a),
	name: byText(entry => entry.name.toLowerCase()),
	account: (a, b) => byText(entry => entry.accountId ?? '')(a, b) || byText(entry => entry.name.toLowerCase())(a, b),
	region: (a, b) => byText(entry => entry.region)(a, b) || byText(entry => entry.name.toLowerCase())(a, b),
};

/** The keys in the sort's order (the same array for attention: the store's own order). */
export function sortedKeys(keys: PipelineKey[], pipelines: FleetState['pipelines'], sort: FleetSort | undefined): PipelineKey[] {
	if (!sort || sort === 'attention') return keys;
	const compare = comparators[sort];
	const rank = new Map(keys.map((key, index) => [key, index]));
	return [...keys].sort((a, b) => {
		const left = pipelines[a];
		const right = pipelines[b];
		return (left && right ? compare(left, right) : 0) || rank.get(a)! - rank.get(b)!;
	});
}
