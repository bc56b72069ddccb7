/**
 * The `pipetop status --json` document (schema in docs/status-json.md), built from the store.
 * Fields are always present (null when unknown) so scripts can rely on them; times are ISO 8601.
 */

import {shownSources, sweptCounts, type SweptCounts} from '../store/source-standing.js';
import {statusFeed, type StatusFeed} from './status-feed.js';
import type {ActionView, FleetState, PipelineEntry, SourceError, SourceState, StageView} from '../store/types.js';

const STATUS_SCHEMA_VERSION = 1;

export type StatusError = {code: string; message: string; hint: string | null};

export type StatusAction = {
	name: string;
	category: string | null;
	provider: string | null;
	runOrder: number;
	status: string | null;
	summary: string | null;
	lastStatusChange: string | null;
	externalExecutionId: string | null;
	externalExecutionUrl: string | null;
	error: {code: string | null; message: string | null} | null;
	approvalPending: boolean;
};

export type StatusStage = {
	name: string;
	status: string | null;
	executionId: string | null;
	inboundTransition: {enabled: boolean; disabledReason: string | null};
	actions: StatusAction[];
};

export type StatusPipeline = {
	key: string;
	source: string;
	profile: string;
	region: string;
	accountId: string | null;
	name: string;
	pipelineType: string | null;
	executionMode: string | null;
	version: number | null;
	attention: string;
	fetchedAt: string | null;
	ageSeconds: number | null;
	stale: boolean;
	/** Known only from the change feed: no profile reads its account (status only). */
	seenThroughEvents: boolean;
	error: StatusError | null;
	latestExecution: {
		id: string;
		status: string;
		statusSummary: string | null;
		startTime: string | null;
		lastUpdateTime: string | null;
		trigger: {type: string | null; detail: string | null};
		sourceRevisions: Array<{actionName: string; revisionId: string | null; revisionSummary: string | null; revisionUrl: string | null}>;
	} | null;
	stages: StatusStage[];
};

export type StatusSource = {
	key: string;
	profile: string;
	region: string;
	accountId: string | null;
	health: string;
	error: StatusError | null;
	pipelineCount: number;
	listedAt: string | null;
	retryAt: string | null;
	sameAs: string | null;
};

export type StatusDocument = {
	schemaVersion: number;
	generatedAt: string;
	/** False when the snapshot was cut short by the deadline. */
	complete: boolean;
	/** The sources listed one by one: with `--region all`, not the regions counted in `sweptRegions`. */
	sources: StatusSource[];
	/** `--region all`: per profile, the regions without pipelines, not enabled in the account, failing like its own region, or not listed yet. */
	sweptRegions: SweptCounts[];
	pipelines: StatusPipeline[];
	counts: FleetState['counts'];
	calls: {total: number; byOperation: Record<string, number>; throttled: number; errors: number; averageLatencyMs: number | null};
	/** The change feed; null when none is configured. */
	feed: StatusFeed | null;
};

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function error(value: SourceError | undefined): StatusError | null {
	return value ? {code: value.code, message: value.message, hint: value.hint ?? null} : null;
}

function action(view: ActionView): StatusAction {
	return {
		name: view.name,
		category: view.category || null,
		provider: view.provider || null,
		runOrder: view.runOrder,
		status: orNull(view.status),
		summary: orNull(view.summary),
		lastStatusChange: iso(view.lastStatusChange),
		externalExecutionId: orNull(view.externalExecutionId),
		externalExecutionUrl: orNull(view.externalExecutionUrl),
		error: view.errorCode || view.errorMessage ? {code: orNull(view.errorCode), message: orNull(view.errorMessage)} : null,
		approvalPending: view.status === 'InProgress' && (view.token !== undefined || view.category === 'Approval'),
	};
}

function stage(view: StageView): StatusStage {
	return {
		name: view.name,
		status: orNull(view.status),
		executionId: orNull(view.executionId),
		inboundTransition: {enabled: view.inboundTransition.enabled, disabledReason: orNull(view.inboundTransition.disabledReason)},
		actions: view.actions.map(action),
	};
}

function pipeline(entry: PipelineEntry, now: number): StatusPipeline {
	const latest = entry.latestExecution;
	return {
		key: entry.key,
		source: entry.sourceKey,
		profile: entry.profile,
		region: entry.region,
		accountId: orNull(entry.accountId),
		name: entry.name,
		pipelineType: orNull(entry.pipelineType),
		executionMode: orNull(entry.executionMode),
		version: orNull(entry.version),
		attention: entry.attention,
		fetchedAt: iso(entry.fetchedAt),
		ageSeconds: entry.fetchedAt === undefined ? null : Math.max(0, Math.round((now - entry.fetchedAt) / 1000)),
		stale: entry.stale,
		seenThroughEvents: entry.seenThroughEvents === true,
		error: error(entry.error),
		latestExecution: latest
			? {
					id: latest.executionId,
					status: latest.status,
					statusSummary: orNull(latest.statusSummary),
					startTime: iso(latest.startTime),
					lastUpdateTime: iso(latest.lastUpdateTime),
					trigger: {type: orNull(latest.triggerType), detail: orNull(latest.triggerDetail)},
					sourceRevisions: latest.sourceRevisions.map(revision => ({
						actionName: revision.actionName,
						revisionId: orNull(revision.revisionId),
						revisionSummary: orNull(revision.revisionSummary),
						revisionUrl: orNull(revision.revisionUrl),
					})),
				}
			: null,
		stages: entry.stages.map(stage),
	};
}

function source(state: SourceState): StatusSource {
	return {
		key: state.key,
		profile: state.profile,
		region: state.region,
		accountId: orNull(state.accountId),
		health: state.health,
		error: error(state.error),
		pipelineCount: state.pipelineCount,
		listedAt: iso(state.listedAt),
		retryAt: iso(state.retryAt),
		sameAs: orNull(state.sameAs),
	};
}

export function buildStatusDocument(state: FleetState, now: number, complete: boolean): StatusDocument {
	const counters = state.counters;
	const byOperation = Object.fromEntries(Object.entries(counters.callsByOperation).sort(([a], [b]) => (a < b ? -1 : 1)));
	return {
		schemaVersion: STATUS_SCHEMA_VERSION,
		generatedAt: new Date(now).toISOString(),
		complete,
		sources: shownSources(state).map(source),
		sweptRegions: sweptCounts(state),
		pipelines: Object.values(state.pipelines)
			.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
			.map(entry => pipeline(entry, now)),
		counts: state.counts,
		calls: {
			total: Object.values(counters.callsByOperation).reduce((sum, count) => sum + count, 0),
			byOperation,
			throttled: counters.throttled,
			errors: counters.errors,
			averageLatencyMs: counters.latencyCount > 0 ? Math.round(counters.latencyTotalMs / counters.latencyCount) : null,
		},
		feed: statusFeed(state.feed, now),
	};
}

/** A source that did not answer (failed now, or never listed); a swept region counted apart is none. */
export function failedSources(state: FleetState): SourceState[] {
	return shownSources(state).filter(source => source.health === 'failed' || source.listedAt === undefined);
}
