/**
 * One poll of one pipeline: GetPipelineState every time; GetPipeline only when the definition
 * is unknown or the state shows a newer version; ListPipelineExecutions (maxResults 1) only when
 * the state shows a new execution, or shows the latest one may have ended. So a quiet pipeline
 * costs one call per poll, and a row still gets trigger, revision, start time and final status.
 */

import type {SourceApi} from '../aws/index.js';
import {Priority} from './defaults.js';
import {isFinalExecutionStatus, mapExecutionSummary} from './map-execution.js';
import {mapDefinition, mapState, stateFingerprint, type StateSnapshot} from './map-pipeline.js';
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

/** The newest execution the state shows: every execution enters the first stage first. */
export function newestExecutionId(state: StateSnapshot): string | undefined {
	for (const stage of state.stages) if (stage.executionId) return stage.executionId;
	return undefined;
}

/** Whether the state suggests the latest execution stopped moving (ended, or is stopping). */
function latestLooksSettled(state: StateSnapshot, executionId: string): boolean {
	const stages = state.stages.filter(stage => stage.executionId === executionId);
	if (stages.some(stage => stage.status === 'Stopping')) return true;
	return !stages.some(stage => stage.status === 'InProgress');
}

export function needsSummary(t: Tracked, state: StateSnapshot, fingerprint: string): boolean {
	const newest = newestExecutionId(state);
	if (!newest) return false;
	if (newest !== t.summaryFor) return true;
	if (!t.summary || isFinalExecutionStatus(t.summary.status)) return false;
	return fingerprint !== t.summaryFingerprint && latestLooksSettled(state, newest);
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

	if (needsSummary(t, state, fingerprint)) {
		const newest = newestExecutionId(state);
		const output = await host.call(enrichPriority, 'ListPipelineExecutions', signal => host.api.listPipelineExecutions({pipelineName: t.name, maxResults: 1}, {signal}));
		const summary = mapExecutionSummary(output.pipelineExecutionSummaries?.[0]);
		t.summary = summary ?? t.summary;
		t.summaryFor = newest;
		t.summaryFingerprint = fingerprint;
	}
	// Tags with the first poll after the first load (which they must not slow), then on the discovery cadence (tags.ts).
	if (t.tags === undefined && !firstLoad) void refreshTags(host, [t]);
}
