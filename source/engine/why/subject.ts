/** The subject of a "why" question, from what the store holds: one action execution, or an action's latest run. */

import type {ActionExecutionView, ActionView, PipelineEntry, StageView} from '../../store/types.js';
import type {CauseSubject} from './types.js';

export function subjectOfRun(entry: PipelineEntry, run: ActionExecutionView, action?: ActionView): CauseSubject {
	return {
		key: entry.key,
		pipelineName: entry.name,
		stageName: run.stageName,
		actionName: run.actionName,
		provider: run.provider ?? action?.provider ?? 'unknown',
		category: run.category ?? action?.category,
		configuration: {...(action?.configuration ?? {}), ...run.configuration, ...run.resolvedConfiguration},
		status: run.status,
		executionId: run.executionId,
		actionExecutionId: run.actionExecutionId,
		externalExecutionId: run.externalExecutionId,
		externalExecutionUrl: run.externalExecutionUrl,
		logStreamArn: run.logStreamArn,
		summary: run.externalExecutionSummary,
		errorCode: run.errorCode,
		errorMessage: run.errorMessage,
		startTime: run.startTime,
		endTime: run.lastUpdateTime,
	};
}

export function subjectOfAction(entry: PipelineEntry, stage: StageView, action: ActionView): CauseSubject {
	return {
		key: entry.key,
		pipelineName: entry.name,
		stageName: stage.name,
		actionName: action.name,
		provider: action.provider,
		category: action.category,
		configuration: action.configuration,
		status: action.status,
		executionId: stage.executionId,
		actionExecutionId: action.actionExecutionId,
		externalExecutionId: action.externalExecutionId,
		externalExecutionUrl: action.externalExecutionUrl,
		summary: action.summary,
		errorCode: action.errorCode,
		errorMessage: action.errorMessage,
		endTime: action.lastStatusChange,
	};
}
