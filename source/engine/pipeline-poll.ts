/**
 * One poll of one pipeline: GetPipelineState every time; GetPipeline only when the definition
 * is unknown or the state shows a newer version; ListPipelineExecutions (maxResults 1) only when
 * the state shows a new execution, shows the latest one may have changed (summary-check.ts), or an
 * operator action asked. So a quiet pipeline costs one call per poll, and a row still gets
 * trigger, revision, start time and its true status.
 */

import type {SourceApi} from '../aws/index.js';
import {noteProgress} from './cadence.js';
import {Priority} from './defaults.js';
import type {ExecutionSummaryView} from '../store/types.js';
import {describeWaiting, readLatestVariables, waitingApprovalIn, WAITING_PAGE} from './execution-extras.js';
import {mapExecutionSummary} from './map-execution.js';
import {mapDefinition, mapState, stateFingerprint} from './map-pipeline.js';
import {executionIdsIn, needsSummary, newestExecutionId} from './summary-check.js';
import {refreshTags} from './tags.js';
import type {Tracked} from './tracked.js';

export interface PollHost {
	readonly api: SourceApi;
	now(): number;
	call<R>(priority: number, operation: string, send: (signal: AbortSignal) => Promise<R>, onGrant?: (at: number) => void): Promise<R>;
	/** Writes the pipeline's entry to the store from what `t` holds. */
	writeEntry(t: Tracked): void;
	/** A definition was read: store it for the definition view, learn the account id. */
	definitionRead(t: Tracked): void;
}

/** Runs the calls of one poll and updates `t`; throws what a call threw. */
export async function pollPipeline(host: PollHost, t: Tracked, priority: number): Promise<void> {
	const firstLoad = !t.settled;
	// During the first load every state comes before any definition or summary: the fleet fills in fast.
	const enrichPriority = firstLoad ? Priority.background : priority;

	const stateOutput = await host.call(priority, 'GetPipelineState', signal => host.api.getPipelineState(t.name, {signal}), at => {
		t.lastStartAt = at;
	});
	const state = mapState(stateOutput);
	t.state = state;
	noteProgress(t);
	t.fetchedAt = host.now();
	const fingerprint = stateFingerprint(state);
	t.fingerprint = fingerprint;
	if (firstLoad) host.writeEntry(t);

	const wantedVersion = state.version ?? t.listed.version;
	if (!t.definition || (wantedVersion !== undefined && t.definition.version !== undefined && wantedVersion > t.definition.version)) {
		const output = await host.call(enrichPriority, 'GetPipeline', signal => host.api.getPipeline(t.name, {signal}));
		t.definition = mapDefinition(output);
		host.definitionRead(t);
	}

	const waiting = waitingApprovalIn(t.definition, state);
	const newest = newestExecutionId(state);
	if (needsSummary(t, state, fingerprint) || (waiting !== undefined && waiting.executionId !== t.waiting?.executionId && waiting.executionId !== t.summary?.executionId)) {
		// An approval waits behind newer runs: read enough of the newest to find it and count them.
		const deep = waiting !== undefined && waiting.executionId !== newest;
		const output = await host.call(enrichPriority, 'ListPipelineExecutions', signal => host.api.listPipelineExecutions({pipelineName: t.name, maxResults: deep ? WAITING_PAGE : 1}, {signal}));
		const page = (output.pipelineExecutionSummaries ?? []).map(mapExecutionSummary).filter((summary): summary is ExecutionSummaryView => summary !== undefined);
		t.summary = page[0] ?? t.summary;
		noteProgress(t);
		t.summaryFor = newest;
		t.summaryFingerprint = fingerprint;
		t.summaryIds = executionIdsIn(state);
		t.summaryWanted = false;
		t.waiting = waiting && page[0] && page[0].executionId !== waiting.executionId ? await describeWaiting(host, t, waiting, page, enrichPriority) : undefined;
	}
	if (!waiting || waiting.executionId !== t.waiting?.executionId) t.waiting = undefined;
	else t.waiting = {...t.waiting, since: waiting.since};
	await readLatestVariables(host, t, enrichPriority);
	// Tags the first load did not ask for (a pipeline found since, a read that failed): with this poll (tags.ts).
	if (t.tagsAt === undefined && !firstLoad) void refreshTags(host, [t]);
}
