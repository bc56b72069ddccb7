/**
 * How far one execution got: the furthest stage it reached, that stage's status in it, and when.
 * GetPipelineState shows each stage's latest execution: while the execution is still what a stage
 * shows, that answers it. Once newer executions have passed over it, a Succeeded execution went
 * through every stage; any other needs its own action executions (ListActionExecutions, read on
 * demand) to say where it stopped.
 */

import {isFinalExecutionStatus} from '../execution-status.js';
import type {ActionExecutionView, ExecutionSummaryView, Paged, PipelineEntry, StageView} from '../types.js';

export type Reach = {
	/** Index in the pipeline's stages; -1 when not known (yet). */
	stageIndex: number;
	stage?: string;
	/** The stage's status in this execution (InProgress, Failed, Succeeded...). */
	stageStatus?: string;
	/** Held in front of this stage (a disabled transition, a locked stage). */
	waitingFor?: string;
	/** When the stage last changed for this execution (else the execution's last update). */
	at?: number;
	/** False until the reads that would say it were made. */
	known: boolean;
};

function latestChange(stage: StageView): number | undefined {
	const times = stage.actions.map(action => action.lastStatusChange).filter((time): time is number => time !== undefined);
	return times.length > 0 ? Math.max(...times) : undefined;
}

/** From the state alone: the furthest stage that still shows the execution, or holds it at its door. */
function fromState(entry: PipelineEntry, execution: ExecutionSummaryView): Reach | undefined {
	for (let index = entry.stages.length - 1; index >= 0; index--) {
		const stage = entry.stages[index];
		if (stage.executionId === execution.executionId) {
			return {stageIndex: index, stage: stage.name, stageStatus: stage.status, at: latestChange(stage) ?? execution.lastUpdateTime, known: true};
		}
		if (stage.inboundExecutions.some(waiting => waiting.executionId === execution.executionId) && index > 0) {
			const before = entry.stages[index - 1];
			return {stageIndex: index - 1, stage: before.name, stageStatus: 'Succeeded', waitingFor: stage.name, at: execution.lastUpdateTime, known: true};
		}
	}
	return undefined;
}

function fromActions(entry: PipelineEntry, execution: ExecutionSummaryView, runs: ActionExecutionView[]): Reach {
	let stageIndex = -1;
	for (const run of runs) stageIndex = Math.max(stageIndex, entry.stages.findIndex(stage => stage.name === run.stageName));
	if (stageIndex < 0) return {stageIndex: -1, at: execution.lastUpdateTime, known: true};
	const name = entry.stages[stageIndex].name;
	const inStage = runs.filter(run => run.stageName === name);
	const statuses = new Set(inStage.map(run => run.status));
	const stageStatus = statuses.has('Failed') ? 'Failed' : statuses.has('InProgress') ? 'InProgress' : statuses.has('Abandoned') ? 'Stopped' : 'Succeeded';
	const at = Math.max(...inStage.map(run => run.lastUpdateTime ?? run.startTime ?? 0));
	return {stageIndex, stage: name, stageStatus, at: at > 0 ? at : execution.lastUpdateTime, known: true};
}

/**
 * The execution's reach, and whether its action executions are needed to know it. `runs` is the
 * store's cache of its action executions (absent: not read).
 */
export function reachOf(entry: PipelineEntry, execution: ExecutionSummaryView, runs: Paged<ActionExecutionView> | undefined): {reach: Reach; needsActions: boolean} {
	const last = entry.stages.length - 1;
	const seen = fromState(entry, execution);
	if (execution.status === 'Succeeded') {
		if (seen?.stageIndex === last) return {reach: seen, needsActions: false};
		return {reach: {stageIndex: last, stage: entry.stages[last]?.name, stageStatus: 'Succeeded', at: execution.lastUpdateTime, known: true}, needsActions: false};
	}
	// Still shown where it runs or stopped: the state is the truth. Shown only as having passed a stage, it went on (or was stopped) after it.
	const settled = seen && (seen.waitingFor !== undefined || seen.stageStatus !== 'Succeeded' || (!isFinalExecutionStatus(execution.status) && seen.stageIndex === last));
	if (seen && settled) return {reach: seen, needsActions: false};
	if (runs?.fetchedAt !== undefined && !runs.loading) return {reach: fromActions(entry, execution, runs.items), needsActions: false};
	return {reach: seen ? {...seen, known: false} : {stageIndex: -1, at: execution.lastUpdateTime, known: false}, needsActions: runs?.error === undefined};
}
