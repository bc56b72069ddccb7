/**
 * Memoised questions the views ask of the fleet state (the fleet's rows, a pipeline's actions, an
 * execution's runs, the sources in order): the same answer object while the state is the same, so
 * selectors stay stable (Zustand 5 loops otherwise). Views render from these, and their selection
 * and position use the same answers: what is drawn and what a key acts on never disagree.
 */
import type {ActionExecutionView, ExecutionSummaryView, FleetState, PipelineKey} from '../../store/types.js';
import {filterOrder} from './filter.js';
import {sortedKeys, type FleetSort} from './fleet-sort.js';
import {actionIds, actionId, runOrder} from './action-order.js';
import {sourcesInViewOrder} from './source-order.js';
import {resolveCursor} from './window.js';
import type {Selection} from './selection.js';
import type {UiState} from './ui-store.js';
import type {ViewEntry} from '../views/registry.js';
import {executionKeyOf} from '../../format/keys.js';

let lastOrder: {order: string[]; pipelines: FleetState['pipelines']; filter: string; scope: UiState['scope']; sort?: FleetSort; result: string[]} | undefined;

/** What decides the fleet's rows: the filter, the scope and the sort (attention when absent). */
export type FleetListing = Pick<UiState, 'filter' | 'scope'> & {sort?: FleetSort};

/** The fleet's rows: the store's order narrowed by filter and scope, in the sort's order (the same array while nothing changed). */
export function visibleOrder(state: FleetState, ui: FleetListing): PipelineKey[] {
	const cached = lastOrder;
	if (cached && cached.order === state.order && cached.filter === ui.filter && cached.scope === ui.scope && cached.sort === ui.sort) {
		// Without a filter the result is the order itself; with one, entries changing may change membership.
		if (cached.pipelines === state.pipelines || cached.result === state.order) return cached.result;
	}
	const result = sortedKeys(filterOrder(state.order, state.pipelines, ui.filter, ui.scope), state.pipelines, ui.sort);
	lastOrder = {order: state.order, pipelines: state.pipelines, filter: ui.filter, scope: ui.scope, sort: ui.sort, result};
	return result;
}

// Selectors must return the same value for the same state (Zustand 5 loops otherwise): one empty list for all.
const none: never[] = [];

const pipelineIds = new WeakMap<object, string[]>();

/** The pipeline view's selectable actions, computed once per pipeline entry. */
export function pipelineActionIds(state: FleetState, key: PipelineKey): string[] {
	const entry = state.pipelines[key];
	if (!entry) return none;
	let ids = pipelineIds.get(entry);
	if (!ids) {
		ids = actionIds(entry);
		pipelineIds.set(entry, ids);
	}
	return ids;
}

const orderedRuns = new WeakMap<object, ActionExecutionView[]>();

/** An execution's action executions in the order they ran. */
export function executionRuns(state: FleetState, key: PipelineKey, executionId: string): ActionExecutionView[] {
	const paged = state.actionExecutions[executionKeyOf(key, executionId)];
	if (!paged) return none;
	let runs = orderedRuns.get(paged.items);
	if (!runs) {
		runs = runOrder(paged.items);
		orderedRuns.set(paged.items, runs);
	}
	return runs;
}

const orderedSources = new WeakMap<object, string[]>();

/** The sources view's rows in order (troubled first), once per change of the sources. */
export function sourceIds(state: FleetState): string[] {
	let ids = orderedSources.get(state.sources);
	if (!ids) {
		ids = sourcesInViewOrder(state).map(source => source.key);
		orderedSources.set(state.sources, ids);
	}
	return ids;
}

/** The summary of one execution: from the history if loaded, else the latest execution. */
export function executionSummary(state: FleetState, key: PipelineKey, executionId: string): ExecutionSummaryView | undefined {
	const latest = state.pipelines[key]?.latestExecution;
	if (latest?.executionId === executionId) return latest;
	return state.histories[key]?.items.find(item => item.executionId === executionId);
}

/** The execution view's cursor, starting on the action it was opened from. */
export function executionCursorIndex(entry: Extract<ViewEntry, {kind: 'execution'}>, runs: readonly ActionExecutionView[]): number {
	if (entry.cursor.id === undefined && entry.focus) {
		let found = -1;
		runs.forEach((run, index) => {
			if (run.stageName === entry.focus!.stageName && run.actionName === entry.focus!.actionName) found = index;
		});
		if (found !== -1) return found;
	}
	return resolveCursor(
		runs.map(run => run.actionExecutionId),
		entry.cursor,
	);
}

/**
 * The logs view an `l` opens for a selection: a CodeBuild action's build (by its external
 * execution id) when there is one, else the action's summary and error.
 */
export function logsEntryFor(view: ViewEntry['kind'], selection: Selection, state: FleetState): ViewEntry | undefined {
	const {pipelineKey, stageName, actionName} = selection;
	if (!pipelineKey || !stageName || !actionName) return undefined;
	let buildId: string | undefined;
	let executionId: string | undefined;
	let actionExecutionId: string | undefined;
	if (view === 'execution' && selection.executionId) {
		const run = executionRuns(state, pipelineKey, selection.executionId).find(each => each.actionExecutionId === selection.actionExecutionId);
		executionId = selection.executionId;
		actionExecutionId = run?.actionExecutionId;
		if (run?.provider === 'CodeBuild') buildId = run.externalExecutionId;
	} else {
		const action = state.pipelines[pipelineKey]?.stages.find(stage => stage.name === stageName)?.actions.find(each => each.name === actionName);
		if (action?.provider === 'CodeBuild') buildId = action.externalExecutionId;
	}
	return {
		kind: 'logs',
		key: pipelineKey,
		stageName,
		actionName,
		executionId,
		actionExecutionId,
		buildId,
		follow: true,
		cursor: {index: 0},
		offset: Number.MAX_SAFE_INTEGER,
	};
}
