/**
 * When the latest execution's summary (ListPipelineExecutions) must be read again. GetPipelineState
 * is read every poll; the summary only when the state says it may have changed, so a quiet
 * pipeline costs one call per poll. "May have changed" is decided from what the state shows, not
 * from the summary's own status alone: a Failed execution comes back to life when a stage is
 * retried, and AWS may answer a summary read with the status from just before a change, so a
 * summary the state contradicts is read again at every poll until the two agree.
 */

import type {ExecutionSummaryView} from '../store/types.js';
import {isFinalExecutionStatus} from './map-execution.js';
import type {StateSnapshot} from './map-pipeline.js';
import type {Tracked} from './tracked.js';

/** The newest execution the state shows: every execution enters the first stage first. */
export function newestExecutionId(state: StateSnapshot): string | undefined {
	for (const stage of state.stages) if (stage.executionId) return stage.executionId;
	return undefined;
}

/** Every execution id the state shows: in a stage, or waiting in front of one. */
export function executionIdsIn(state: StateSnapshot): Set<string> {
	const ids = new Set<string>();
	for (const stage of state.stages) {
		if (stage.executionId) ids.add(stage.executionId);
		for (const waiting of stage.inboundExecutions) ids.add(waiting.executionId);
	}
	return ids;
}

const moving = (status: string | undefined) => status === 'InProgress' || status === 'Stopping';

/** Whether the state shows `summary`'s execution in a state its status cannot have. */
function stateContradicts(summary: ExecutionSummaryView, state: StateSnapshot): boolean {
	const own = state.stages.filter(stage => stage.executionId === summary.executionId);
	const waiting = state.stages.some(stage => stage.inboundExecutions.some(entry => entry.executionId === summary.executionId));
	const anyMoving = own.some(stage => moving(stage.status));
	// Retried (or resumed): a stage of a finished execution runs again.
	if (isFinalExecutionStatus(summary.status)) return anyMoving;
	if (summary.status === 'InProgress') {
		// Stopped, stopping or failed in a stage; or no trace of it running or waiting anywhere (it ended).
		if (own.some(stage => stage.status === 'Stopping' || stage.status === 'Stopped' || stage.status === 'Failed')) return true;
		return !anyMoving && !waiting;
	}
	if (summary.status === 'Stopping') return !anyMoving && !waiting;
	return false;
}

/** Whether the last stage that changed still runs or waits: the latest one may have ended. */
function looksSettled(state: StateSnapshot, executionId: string): boolean {
	const stages = state.stages.filter(stage => stage.executionId === executionId);
	if (stages.some(stage => stage.status === 'Stopping')) return true;
	return !stages.some(stage => stage.status === 'InProgress');
}

export function needsSummary(t: Tracked, state: StateSnapshot, fingerprint: string): boolean {
	const newest = newestExecutionId(state);
	if (!newest) return false;
	// Asked for (an operator action, R on the pipeline), or a new execution entered the pipeline.
	if (t.summaryWanted || newest !== t.summaryFor) return true;
	if (!t.summary) return false;
	if (stateContradicts(t.summary, state)) return true;
	// An execution the state did not show at the last read (a rollback enters a later stage only).
	if (t.summaryIds) for (const id of executionIdsIn(state)) if (!t.summaryIds.has(id)) return true;
	if (isFinalExecutionStatus(t.summary.status)) return false;
	return fingerprint !== t.summaryFingerprint && looksSettled(state, t.summary.executionId);
}
