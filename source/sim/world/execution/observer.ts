/**
 * Who is told about state changes: the world's EventBridge feed (world/events/) listens here, so
 * the execution code says what changed in CodePipeline's event words and knows nothing of queues.
 * States are those of CodePipeline's "... Execution State Change" events.
 */

import type {ActionRun, ActionStatus, Execution, ExecutionStatus, StageRun, StageStatus} from '../model.js';

export type PipelineEventState = 'STARTED' | 'STOPPING' | 'STOPPED' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'SUPERSEDED' | 'RESUMED';
export type StageEventState = 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'RESUMED' | 'CANCELED' | 'STOPPING' | 'STOPPED';
export type ActionEventState = 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'ABANDONED' | 'CANCELED';

export interface ExecutionObserver {
	executionChanged(execution: Execution, state: PipelineEventState): void;
	stageChanged(execution: Execution, run: StageRun, state: StageEventState): void;
	actionChanged(actionRun: ActionRun, state: ActionEventState): void;
}

/** The event state of an execution that has ended (or is stopping). */
export const EXECUTION_EVENT: Record<ExecutionStatus, PipelineEventState> = {
	Cancelled: 'CANCELED',
	InProgress: 'STARTED',
	Stopped: 'STOPPED',
	Stopping: 'STOPPING',
	Succeeded: 'SUCCEEDED',
	Superseded: 'SUPERSEDED',
	Failed: 'FAILED',
};

export const STAGE_EVENT: Record<StageStatus, StageEventState> = {
	Cancelled: 'CANCELED',
	InProgress: 'STARTED',
	Failed: 'FAILED',
	Stopped: 'STOPPED',
	Stopping: 'STOPPING',
	Succeeded: 'SUCCEEDED',
	// A skipped stage never ran: the closest event word (a documented choice; the sim skips none).
	Skipped: 'CANCELED',
};

export const ACTION_EVENT: Record<ActionStatus, ActionEventState> = {
	InProgress: 'STARTED',
	Abandoned: 'ABANDONED',
	Succeeded: 'SUCCEEDED',
	Failed: 'FAILED',
};
