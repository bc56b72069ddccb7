/**
 * Pure state transitions of the fleet store. The engine collects updates and applies a batch
 * with one `setState(reduceFleet(state, batch))`; tests call these directly.
 *
 * Guarantees the console relies on:
 * - an entry deep-equal to the one before keeps its reference (structural sharing);
 * - `order` and `sourceOrder` are new arrays only when their content changed;
 * - a batch that changes nothing returns the very same state (Zustand then notifies no one);
 * - a poll that changes nothing but `fetchedAt` (what a quiet fleet does ~40 times a second)
 *   puts a new entry into the *same* `pipelines` record instead of copying all 2,000 keys, and
 *   still returns a new state (so waiters on a fresh read are told). Nothing derived from the
 *   record (order, counts, filters, layout) depends on `fetchedAt`, so memos keyed on the record
 *   stay right; the one cost is that an older state's record shows the newer ages too.
 */

import {attentionOf, comparePipelines, recencyOf, rowSince} from './attention.js';
import {share} from './share.js';
import {executionKeyPrefix} from '../format/keys.js';
import type {FeedState} from './feed-types.js';
import type {CauseState} from './cause-types.js';
import type {RuleResults} from './rule-types.js';
import type {ActionExecutionView, Attention, BuildLog, EngineCounters, ExecutionSummaryView, FleetState, Paged, PipelineEntry, PipelineKey, ResolvedVariableView, SourceKey, SourceState, StatusCounts} from './types.js';

export type FleetUpdate =
	/** Adds or replaces sources (the engine announces them all at start). */
	| {type: 'source'; source: SourceState}
	| {type: 'sourcePatch'; key: SourceKey; patch: Partial<SourceState>}
	/** Adds a pipeline or replaces it whole; attention is derived here, whatever the entry says. */
	| {type: 'pipeline'; entry: PipelineEntry}
	/** Changes some fields of a pipeline; ignored when the pipeline is gone. */
	| {type: 'pipelinePatch'; key: PipelineKey; patch: Partial<PipelineEntry>}
	| {type: 'pipelineRemove'; key: PipelineKey}
	| {type: 'history'; key: PipelineKey; value: Paged<ExecutionSummaryView>}
	| {type: 'actionExecutions'; id: string; value: Paged<ActionExecutionView>}
	| {type: 'executionVariables'; id: string; value: ResolvedVariableView[]}
	| {type: 'log'; buildId: string; value: BuildLog | undefined}
	| {type: 'cause'; id: string; value: CauseState | undefined}
	| {type: 'definition'; key: PipelineKey; value: unknown}
	| {type: 'ruleResults'; key: PipelineKey; value: RuleResults}
	| {type: 'counters'; counters: EngineCounters}
	| {type: 'initialLoad'; value: boolean}
	| {type: 'feed'; value: FeedState};

export function emptyCounts(): StatusCounts {
	return {failed: 0, approval: 0, running: 0, idle: 0, unknown: 0, total: 0};
}

export function initialFleetState(now = 0): FleetState {
	return {
		sources: {},
		sourceOrder: [],
		pipelines: {},
		order: [],
		maxStages: 0,
		counts: emptyCounts(),
		histories: {},
		actionExecutions: {},
		executionVariables: {},
		logs: {},
		causes: {},
		definitions: {},
		ruleResults: {},
		counters: {callsByOperation: {}, throttled: 0, errors: 0, latencyTotalMs: 0, latencyCount: 0, startedAt: now},
		initialLoad: true,
	};
}

/** Applies one batch. Copies each touched collection once, however many updates touch it. */
export function reduceFleet(state: FleetState, updates: readonly FleetUpdate[]): FleetState {
	if (updates.length === 0) return state;
	const draft = new Draft(state);
	for (const update of updates) draft.apply(update);
	return draft.finish();
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
	return true;
}

/** Collects one batch's changes with copy-on-first-write per collection. */
class Draft {
	private next: FleetState;
	private readonly copied = new Set<keyof FleetState>();
	private membershipChanged = false;
	/** Pipelines whose place in `order` may have changed (attention or recency). */
	private readonly moved = new Set<PipelineKey>();
	private sourcesChanged = false;
	private changed = false;
	/** The most stages any pipeline has, kept up as entries come and go; undefined: count again. */
	private maxStages: number | undefined;
	private counts: StatusCounts | undefined;

	constructor(private readonly base: FleetState) {
		this.next = {...base};
		this.maxStages = base.maxStages;
	}

	private writable<K extends 'sources' | 'pipelines' | 'histories' | 'actionExecutions' | 'executionVariables' | 'logs' | 'causes' | 'definitions' | 'ruleResults'>(name: K): FleetState[K] {
		this.changed = true;
		if (!this.copied.has(name)) {
			this.next[name] = {...this.base[name]} as FleetState[K];
			this.copied.add(name);
		}
		return this.next[name];
	}

	apply(update: FleetUpdate): void {
		switch (update.type) {
			case 'source': {
				const previous = this.next.sources[update.source.key];
				const value = previous ? share(previous, update.source) : update.source;
				if (value === previous) return;
				if (!previous) this.sourcesChanged = true;
				this.writable('sources')[update.source.key] = value;
				return;
			}
			case 'sourcePatch': {
				const previous = this.next.sources[update.key];
				if (!previous) return;
				const value = share(previous, {...previous, ...update.patch});
				if (value !== previous) this.writable('sources')[update.key] = value;
				return;
			}
			case 'pipeline':
				this.putPipeline(update.entry);
				return;
			case 'pipelinePatch': {
				const previous = this.next.pipelines[update.key];
				if (previous) this.putPipeline({...previous, ...update.patch});
				return;
			}
			case 'pipelineRemove': {
				const previous = this.next.pipelines[update.key];
				if (!previous) return;
				this.bumpCount(previous.attention, -1);
				this.stagesGone(previous.stages.length);
				delete this.writable('pipelines')[update.key];
				this.membershipChanged = true;
				// Nothing of it stays behind: a pipeline re-created under the name starts clean.
				this.putKeyed('histories', update.key, undefined);
				this.putKeyed('definitions', update.key, undefined);
				this.putKeyed('ruleResults', update.key, undefined);
				for (const id of Object.keys(this.next.actionExecutions)) if (id.startsWith(executionKeyPrefix(update.key))) this.putKeyed('actionExecutions', id, undefined);
				for (const id of Object.keys(this.next.executionVariables)) if (id.startsWith(executionKeyPrefix(update.key))) this.putKeyed('executionVariables', id, undefined);
				return;
			}
			case 'history':
				this.putKeyed('histories', update.key, update.value);
				return;
			case 'actionExecutions':
				this.putKeyed('actionExecutions', update.id, update.value);
				return;
			case 'executionVariables':
				this.putKeyed('executionVariables', update.id, update.value);
				return;
			case 'log':
				this.putKeyed('logs', update.buildId, update.value);
				return;
			case 'cause':
				this.putKeyed('causes', update.id, update.value);
				return;
			case 'ruleResults':
				this.putKeyed('ruleResults', update.key, update.value);
				return;
			case 'definition':
				this.putKeyed('definitions', update.key, update.value);
				return;
			case 'counters': {
				const counters = share(this.next.counters, update.counters);
				if (counters !== this.next.counters) this.changed = true;
				this.next.counters = counters;
				return;
			}
			case 'initialLoad':
				if (this.next.initialLoad !== update.value) this.changed = true;
				this.next.initialLoad = update.value;
				return;
			case 'feed': {
				const feed = this.next.feed ? share(this.next.feed, update.value) : update.value;
				if (feed !== this.next.feed) this.changed = true;
				this.next.feed = feed;
				return;
			}
		}
	}

	private putKeyed<K extends 'histories' | 'actionExecutions' | 'executionVariables' | 'logs' | 'causes' | 'definitions' | 'ruleResults'>(name: K, key: string, value: FleetState[K][string] | undefined): void {
		const collection = this.next[name] as Record<string, unknown>;
		const previous = collection[key];
		if (value === undefined) {
			if (previous !== undefined) delete (this.writable(name) as Record<string, unknown>)[key];
			return;
		}
		const kept = previous === undefined ? value : share(previous, value);
		if (kept !== previous) (this.writable(name) as Record<string, unknown>)[key] = kept;
	}

	private putPipeline(candidate: PipelineEntry): void {
		const previous = this.next.pipelines[candidate.key];
		const withAttention = {...candidate, attention: attentionOf(candidate)};
		const value = previous ? share(previous, withAttention) : withAttention;
		if (value === previous) return;
		if (previous && onlyAgeDiffers(previous, value)) {
			// See the header: no copy of the record for a newer poll time alone.
			this.changed = true;
			this.next.pipelines[candidate.key] = value;
			return;
		}
		this.writable('pipelines')[candidate.key] = value;
		if (previous && value.stages.length < previous.stages.length) this.stagesGone(previous.stages.length);
		if (this.maxStages !== undefined) this.maxStages = Math.max(this.maxStages, value.stages.length);
		if (!previous) {
			this.membershipChanged = true;
			this.bumpCount(value.attention, 1);
			return;
		}
		if (previous.attention !== value.attention) {
			this.bumpCount(previous.attention, -1);
			this.bumpCount(value.attention, 1);
			this.moved.add(value.key);
		} else if (recencyOf(previous) !== recencyOf(value) || (value.attention === 'approval' && rowSince(previous) !== rowSince(value))) {
			// Either sort key of its group changed (comparePipelines).
			this.moved.add(value.key);
		}
	}

	/** An entry with this many stages left: when it held the maximum, the maximum is counted again. */
	private stagesGone(count: number): void {
		if (this.maxStages !== undefined && count >= this.maxStages) this.maxStages = undefined;
	}

	private bumpCount(attention: Attention, by: number): void {
		this.counts ??= {...this.next.counts};
		this.counts[attention] += by;
		this.counts.total += by;
	}

	finish(): FleetState {
		if (!this.changed) return this.base;
		const next = this.next;
		if (this.counts) next.counts = share(this.base.counts, this.counts);
		next.maxStages = this.maxStages ?? countMaxStages(next.pipelines);
		if (this.membershipChanged) {
			const order = Object.values(next.pipelines)
				.sort(comparePipelines)
				.map(entry => entry.key);
			next.order = sameArray(order, this.base.order) ? this.base.order : order;
		} else if (this.moved.size > 0) {
			next.order = reposition(this.base.order, this.moved, next.pipelines);
		}
		if (this.sourcesChanged) {
			const sourceOrder = Object.values(next.sources)
				.sort((a, b) => (a.profile === b.profile ? (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) : a.profile < b.profile ? -1 : 1))
				.map(source => source.key);
			next.sourceOrder = sameArray(sourceOrder, this.base.sourceOrder) ? this.base.sourceOrder : sourceOrder;
		}
		return next;
	}
}

/**
 * Whether `value` (already shared with `previous`, so equal parts are the same references)
 * differs from `previous` in `fetchedAt` only, both being set (a first read changes attention).
 */
function onlyAgeDiffers(previous: PipelineEntry, value: PipelineEntry): boolean {
	if (previous.fetchedAt === undefined || value.fetchedAt === undefined) return false;
	const before = previous as Record<string, unknown>;
	const after = value as Record<string, unknown>;
	for (const key in after) if (key !== 'fetchedAt' && after[key] !== before[key]) return false;
	for (const key in before) if (key !== 'fetchedAt' && after[key] !== before[key]) return false;
	return true;
}

function countMaxStages(pipelines: FleetState['pipelines']): number {
	let most = 0;
	for (const key in pipelines) most = Math.max(most, pipelines[key].stages.length);
	return most;
}

/**
 * The order after a few pipelines changed place: take them out and put each back where it
 * belongs (binary search), O(n + k log n) instead of a full sort. The old array when nothing moved.
 */
function reposition(order: PipelineKey[], moved: Set<PipelineKey>, pipelines: FleetState['pipelines']): PipelineKey[] {
	const next = order.filter(key => !moved.has(key));
	for (const key of moved) {
		const entry = pipelines[key];
		let low = 0;
		let high = next.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (comparePipelines(pipelines[next[middle]], entry) < 0) low = middle + 1;
			else high = middle;
		}
		next.splice(low, 0, key);
	}
	return sameArray(next, order) ? order : next;
}
