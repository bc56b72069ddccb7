/**
 * What a pipeline needs from an operator, and where it sorts: pure functions of one entry, used
 * by the reducer (so the engine cannot get them out of step with the data) and by tests.
 */

import type {ActionView, Attention, PipelineEntry, StageView} from './types.js';

/** Sort rank: lower comes first. */
export const ATTENTION_RANK: Record<Attention, number> = {failed: 0, approval: 1, running: 2, idle: 3, unknown: 4};

/** The execution the row is about: the summary's, else the newest one the state shows (every execution enters the first stage first). */
export function latestExecutionId(entry: Pick<PipelineEntry, 'latestExecution' | 'stages'>): string | undefined {
	return entry.latestExecution?.executionId ?? newestStageExecutionId(entry.stages);
}

export function newestStageExecutionId(stages: StageView[]): string | undefined {
	for (const stage of stages) if (stage.executionId) return stage.executionId;
	return undefined;
}

/**
 * An approval waits when an Approval action is InProgress: with a token (SUPERSEDED/QUEUED), or
 * known as an Approval from the definition (PARALLEL mode shows no token in the state).
 */
export function isWaitingApproval(action: ActionView): boolean {
	return action.status === 'InProgress' && (action.token !== undefined || action.category === 'Approval');
}

/** An approval action of this stage that waits for a decision. */
export function waitingApproval(stage: StageView): ActionView | undefined {
	return stage.actions.find(isWaitingApproval);
}

export function hasPendingApproval(stages: StageView[]): boolean {
	return stages.some(stage => waitingApproval(stage) !== undefined);
}

export function attentionOf(entry: Pick<PipelineEntry, 'latestExecution' | 'stages' | 'fetchedAt'>): Attention {
	const latest = entry.latestExecution;
	if (entry.fetchedAt === undefined && !latest) return 'unknown';
	const latestId = latestExecutionId(entry);
	if (latest?.status === 'Failed') return 'failed';
	if (latestId && entry.stages.some(stage => stage.executionId === latestId && stage.status === 'Failed')) return 'failed';
	if (hasPendingApproval(entry.stages)) return 'approval';
	if (latest?.status === 'InProgress' || latest?.status === 'Stopping') return 'running';
	if (entry.stages.some(stage => stage.status === 'InProgress' || stage.status === 'Stopping')) return 'running';
	return 'idle';
}

/** Most recent activity, for ordering: the latest execution's start (stable during a run). */
export function recencyOf(entry: Pick<PipelineEntry, 'latestExecution' | 'stages'>): number {
	const latest = entry.latestExecution;
	if (latest?.startTime !== undefined) return latest.startTime;
	if (latest?.lastUpdateTime !== undefined) return latest.lastUpdateTime;
	let newest = 0;
	for (const stage of entry.stages) {
		for (const action of stage.actions) if (action.lastStatusChange !== undefined && action.lastStatusChange > newest) newest = action.lastStatusChange;
	}
	return newest;
}

/**
 * What a row's age counts from: the run that waits for an approval (when it is not the latest),
 * else the latest execution's start. Approvals sort by it, so the order is the one on screen.
 */
export function rowSince(entry: Pick<PipelineEntry, 'waitingApproval' | 'latestExecution'>): number | undefined {
	return entry.waitingApproval ? entry.waitingApproval.since : entry.latestExecution?.startTime;
}

/**
 * Attention first; approvals by how long they have waited, longest first (the one to answer
 * next); the rest most recent first; then key: a total order, so sorting is deterministic.
 */
export function comparePipelines(a: PipelineEntry, b: PipelineEntry): number {
	const rank = ATTENTION_RANK[a.attention] - ATTENTION_RANK[b.attention];
	if (rank !== 0) return rank;
	if (a.attention === 'approval') {
		const since = (rowSince(a) ?? Number.POSITIVE_INFINITY) - (rowSince(b) ?? Number.POSITIVE_INFINITY);
		if (since !== 0 && !Number.isNaN(since)) return since;
	}
	const recency = recencyOf(b) - recencyOf(a);
	if (recency !== 0) return recency;
	return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
