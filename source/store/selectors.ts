/**
 * Selectors for `useStore(store, selector)`. Each returns something already in the state (or a
 * primitive), never a new array or object, so Zustand 5 never loops. Parameterised selectors are
 * factories: create them once per component (useMemo/useCallback) or at module level.
 */

import {executionKeyOf} from '../format/keys.js';
import type {Attention, FleetState, PipelineEntry, PipelineKey, SourceKey} from './types.js';

export const selectOrder = (state: FleetState): PipelineKey[] => state.order;
export const selectPipelines = (state: FleetState): FleetState['pipelines'] => state.pipelines;
export const selectSourceOrder = (state: FleetState): SourceKey[] => state.sourceOrder;
export const selectSources = (state: FleetState): FleetState['sources'] => state.sources;
export const selectCounts = (state: FleetState): FleetState['counts'] => state.counts;
export const selectCounters = (state: FleetState): FleetState['counters'] => state.counters;
export const selectInitialLoad = (state: FleetState): boolean => state.initialLoad;

export const selectPipeline = (key: PipelineKey) => (state: FleetState) => state.pipelines[key];
export const selectSource = (key: SourceKey) => (state: FleetState) => state.sources[key];
export const selectHistory = (key: PipelineKey) => (state: FleetState) => state.histories[key];
export const selectDefinition = (key: PipelineKey) => (state: FleetState) => state.definitions[key];
export const selectLog = (buildId: string) => (state: FleetState) => state.logs[buildId];
export const selectActionExecutions = (key: PipelineKey, executionId: string) => {
	const id = executionKeyOf(key, executionId);
	return (state: FleetState) => state.actionExecutions[id];
};

/**
 * A filtered view of `order` (search box, attention filter, one source): memoised on the
 * `order` and `pipelines` references, so it returns the same array until one of them changes
 * and the filtered result differs. Make one per filter value.
 */
export function createFilteredOrderSelector(keep: (entry: PipelineEntry) => boolean): (state: FleetState) => PipelineKey[] {
	let lastOrder: PipelineKey[] | undefined;
	let lastPipelines: FleetState['pipelines'] | undefined;
	let lastResult: PipelineKey[] = [];
	return state => {
		if (state.order === lastOrder && state.pipelines === lastPipelines) return lastResult;
		lastOrder = state.order;
		lastPipelines = state.pipelines;
		const result = state.order.filter(key => {
			const entry = state.pipelines[key];
			return entry !== undefined && keep(entry);
		});
		if (result.length !== lastResult.length || result.some((key, index) => key !== lastResult[index])) lastResult = result;
		return lastResult;
	};
}

/** Keys with one attention, e.g. every pipeline waiting for approval. */
export const createAttentionSelector = (attention: Attention) => createFilteredOrderSelector(entry => entry.attention === attention);

/** Case-insensitive match on name, profile, region or account. */
export function createSearchSelector(text: string): (state: FleetState) => PipelineKey[] {
	const needle = text.trim().toLowerCase();
	return createFilteredOrderSelector(entry => needle === '' || [entry.name, entry.profile, entry.region, entry.accountId ?? ''].some(field => field.toLowerCase().includes(needle)));
}
