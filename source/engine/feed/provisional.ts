/**
 * What a pipeline-level event says, shown on the row at once while the re-read it triggered is
 * on its way: a new execution running, or the latest one's new status. Never more than the
 * event carries, and never backwards: a late event does not undo a newer execution or a final
 * status the row shows (events come in any order). The re-read's answer replaces it all.
 */

import type {ExecutionSummaryView, PipelineEntry, PipelineExecutionStatus} from '../../store/types.js';
import {isFinalExecutionStatus} from '../map-execution.js';
import type {FeedEvent} from './event.js';

const STATUS: Record<string, PipelineExecutionStatus> = {
	STARTED: 'InProgress',
	RESUMED: 'InProgress',
	STOPPING: 'Stopping',
	STOPPED: 'Stopped',
	SUCCEEDED: 'Succeeded',
	FAILED: 'Failed',
	CANCELED: 'Cancelled',
	SUPERSEDED: 'Superseded',
};

export function provisionalPatch(entry: PipelineEntry | undefined, event: FeedEvent): Partial<PipelineEntry> | undefined {
	const status = STATUS[event.state];
	if (!entry || event.kind !== 'pipeline' || !event.executionId || !status) return undefined;
	const latest = entry.latestExecution;
	if (latest?.executionId === event.executionId) {
		if (latest.status === status || isFinalExecutionStatus(latest.status)) return undefined;
		return {latestExecution: {...latest, status, lastUpdateTime: event.time}};
	}
	if (event.state !== 'STARTED') return undefined;
	const startTime = event.startTime ?? event.time;
	if (latest?.startTime !== undefined && startTime <= latest.startTime) return undefined;
	const started: ExecutionSummaryView = {executionId: event.executionId, status, startTime, lastUpdateTime: event.time, sourceRevisions: [], ...(event.triggerType && {triggerType: event.triggerType})};
	return {latestExecution: started};
}
