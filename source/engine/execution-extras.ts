/**
 * What a poll reads besides the state and the latest summary, each only when it changed:
 * - the latest execution's resolved variables (GetPipelineExecution, once per execution, and only
 *   for a pipeline that declares variables): the header shows what the run got, not the defaults;
 * - the execution a manual approval waits for, when it is not the latest one (QUEUED and PARALLEL
 *   modes, or newer runs behind it): its revision, how long it has waited, how many are behind it.
 */

import type {ExecutionSummaryView, WaitingApprovalView} from '../store/types.js';
import {mapExecutionDetail, type ExecutionDetail} from './map-execution.js';
import type {Definition, StateSnapshot} from './map-pipeline.js';
import type {PollHost} from './pipeline-poll.js';
import type {Tracked} from './tracked.js';

/** The summaries read when an approval waits behind newer runs: enough to find it in most fleets. */
export const WAITING_PAGE = 25;

type WaitingAt = {executionId: string; stageName: string; actionName: string; since?: number};

/** The approval that has waited longest (the state shows each stage's latest run). */
export function waitingApprovalIn(definition: Definition | undefined, state: StateSnapshot): WaitingAt | undefined {
	let found: WaitingAt | undefined;
	for (const stage of state.stages) {
		const defined = definition?.stages.find(each => each.name === stage.name);
		for (const action of stage.actions) {
			if (action.status !== 'InProgress' || !stage.executionId) continue;
			if (defined?.actions.find(each => each.name === action.name)?.category !== 'Approval') continue;
			if (found && (found.since ?? 0) <= (action.lastStatusChange ?? 0)) continue;
			found = {executionId: stage.executionId, stageName: stage.name, actionName: action.name, since: action.lastStatusChange};
		}
	}
	return found;
}

const running = (summary: ExecutionSummaryView) => summary.status === 'InProgress' || summary.status === 'Stopping';

/** Reads one execution; undefined when AWS no longer has it (it must not take the pipeline away). */
async function readDetail(host: PollHost, t: Tracked, executionId: string, priority: number): Promise<ExecutionDetail | undefined> {
	try {
		return mapExecutionDetail(await host.call(priority, 'GetPipelineExecution', signal => host.api.getPipelineExecution(t.name, executionId, {signal})));
	} catch (error) {
		if (host.api.classify(error).code === 'PipelineExecutionNotFoundException') return undefined;
		throw error;
	}
}

/**
 * From a page of summaries (newest first) that may hold the waiting execution: what the row shows.
 * Not on the page: GetPipelineExecution gives its revisions, and everything on the page is behind it.
 */
export async function describeWaiting(host: PollHost, t: Tracked, waiting: WaitingAt, page: ExecutionSummaryView[], priority: number): Promise<WaitingApprovalView> {
	const index = page.findIndex(summary => summary.executionId === waiting.executionId);
	const newer = index === -1 ? page : page.slice(0, index);
	const behind = newer.filter(running).length;
	const sourceRevisions = index === -1 ? ((await readDetail(host, t, waiting.executionId, priority))?.sourceRevisions ?? []) : page[index].sourceRevisions;
	return {...waiting, sourceRevisions, behind, startTime: page[index]?.startTime, ...(index === -1 && page.length >= WAITING_PAGE ? {behindAtLeast: true} : {})};
}

/** Reads the latest execution's variables once, for a pipeline that declares any. */
export async function readLatestVariables(host: PollHost, t: Tracked, priority: number): Promise<void> {
	const latest = t.summary;
	if (!latest || !t.definition?.variables.length || t.variables?.executionId === latest.executionId) return;
	const detail = await readDetail(host, t, latest.executionId, priority);
	t.variables = {executionId: latest.executionId, values: detail?.variables ?? []};
}
