/** What the engine remembers about one pipeline between polls (the store holds what is shown). */

import type {ExecutionSummaryView, PipelineEntry, PipelineTag, ResolvedVariableView, SourceError, WaitingApprovalView} from '../store/types.js';
import type {Definition, StateSnapshot} from './map-pipeline.js';

export type Tracked = {
	name: string;
	key: string;
	/** From ListPipelines. */
	listed: {version?: number; pipelineType?: string; executionMode?: string};
	definition?: Definition;
	/** From ListTagsForResource, on the discovery cadence (tags.ts). */
	tags?: PipelineTag[];
	/** When its tags were last asked for (read or refused; unset after a read that merely failed): again one tag period later. */
	tagsAt?: number;
	/**
	 * Its safety-net reads have their own phase: the first one after the feed became trusted came
	 * a seeded share of the period early, so a fleet read in one first load is not read in one burst
	 * again every period (the jitter alone is a tenth of it).
	 */
	phased?: boolean;
	state?: StateSnapshot;
	fingerprint?: string;
	summary?: ExecutionSummaryView;
	/** The newest execution id (from the state) the summary was fetched for. */
	summaryFor?: string;
	/** The state fingerprint when the summary was fetched. */
	summaryFingerprint?: string;
	/** Every execution id the state showed when the summary was fetched. */
	summaryIds?: Set<string>;
	/**
	 * An operator action (or R on this pipeline) asked: the next poll reads the summary whatever the
	 * state, which may look the same while the execution's status changed.
	 */
	summaryWanted?: boolean;
	/** The resolved variables of one execution (the latest when read). */
	variables?: {executionId: string; values: ResolvedVariableView[]};
	/** An approval waiting for an execution other than the latest. */
	waiting?: WaitingApprovalView;
	fetchedAt?: number;
	error?: SourceError;
	stale: boolean;
	discoveredAt: number;
	/** When the last poll's first call went out: the next is due one interval later. */
	lastStartAt?: number;
	/** Scheduling: the heap entry with this generation is the live one. */
	dueAt: number;
	gen: number;
	/** A poll is running: no second one starts until it ends. */
	polling: boolean;
	/** Asked for again while polling: poll once more as soon as this one ends. */
	again: boolean;
	/** The operator asked (refresh key, an action): the next poll goes first. */
	urgent: boolean;
	/** An external feed said it changed. */
	dirty: boolean;
	/** Consecutive failed polls. */
	failures: number;
	/** Polls so far (varies the jitter from one poll to the next). */
	polls: number;
	/** A fixed number from the key, so jitter is spread but reproducible. */
	seed: number;
	/** The first poll completed (or gave up): counts toward the first load. */
	settled: boolean;
	/** Attention of the last entry written, for the cadence. */
	attention: PipelineEntry['attention'];
	/** A run, a stop, an approval or a condition in progress, as its inputs last said (cadence.ts, noteProgress). */
	inProgress: boolean;
	/**
	 * The stale sweep looks at this pipeline again from then on: when it turns stale at its present
	 * cadence. 0 (look every sweep) after anything that may shorten the cadence (cadence.ts, cadenceMayShorten).
	 */
	staleCheckAt: number;
};

export function newTracked(name: string, key: string, now: number): Tracked {
	let seed = 2166136261;
	for (let index = 0; index < key.length; index++) seed = Math.imul(seed ^ key.charCodeAt(index), 16777619) >>> 0;
	return {name, key, listed: {}, stale: false, discoveredAt: now, dueAt: now, gen: 0, polling: false, again: false, urgent: false, dirty: false, failures: 0, polls: 0, seed, settled: false, attention: 'unknown', inProgress: false, staleCheckAt: 0};
}

/** A fixed share of the period in (0, 1] from the key: where in the safety net's period this pipeline is read. */
export function phaseOf(t: Tracked): number {
	const mixed = Math.imul(t.seed ^ 0x9e3779b9, 2246822507) >>> 0;
	return ((mixed % 1000) + 1) / 1000;
}

/**
 * A share (0 to 0.1) to take off the next interval. Pipelines found together would otherwise
 * be polled together forever, in bursts; a little early, never late, spreads them out.
 */
export function jitter(t: Tracked): number {
	const mixed = Math.imul(t.seed ^ Math.imul(t.polls + 1, 2654435761), 2246822507) >>> 0;
	return (mixed % 1000) / 10_000;
}
