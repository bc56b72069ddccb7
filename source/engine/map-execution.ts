/** Execution summaries and action executions into the store's views. */

import type {ActionExecutionDetail, GetPipelineExecutionCommandOutput, PipelineExecutionSummary} from '../aws/index.js';
import type {ActionExecutionView, ActionStatus, ArtifactView, ExecutionSummaryView, PipelineExecutionStatus, ResolvedVariableView, SourceRevisionView} from '../store/types.js';
import {list, ms, obj, str, stringMap} from './map-util.js';

// Statuses pass through as sent, known or not (see map-pipeline.ts).

export {isFinalExecutionStatus} from '../store/execution-status.js';

export function mapExecutionSummary(raw: PipelineExecutionSummary | undefined): ExecutionSummaryView | undefined {
	const summary = obj(raw);
	const executionId = str(summary.pipelineExecutionId);
	const status = str(summary.status);
	if (!executionId || !status) return undefined;
	const trigger = obj(summary.trigger);
	return {
		executionId,
		status: status as PipelineExecutionStatus,
		statusSummary: str(summary.statusSummary),
		startTime: ms(summary.startTime),
		lastUpdateTime: ms(summary.lastUpdateTime),
		triggerType: str(trigger.triggerType),
		triggerDetail: str(trigger.triggerDetail),
		stopReason: str(obj(summary.stopTrigger).reason),
		executionMode: str(summary.executionMode),
		executionType: str(summary.executionType),
		sourceRevisions: list(summary.sourceRevisions).map(rawRevision => {
			const revision = obj(rawRevision);
			return {
				actionName: str(revision.actionName) ?? '',
				revisionId: str(revision.revisionId),
				revisionSummary: str(revision.revisionSummary),
				revisionUrl: str(revision.revisionUrl),
			};
		}),
	};
}

function artifacts(value: unknown): ArtifactView[] {
	return list(value).map(rawArtifact => {
		const artifact = obj(rawArtifact);
		const location = obj(obj(artifact.s3location));
		return {name: str(artifact.name) ?? '', bucket: str(location.bucket), key: str(location.key)};
	});
}

export function mapActionExecution(raw: ActionExecutionDetail): ActionExecutionView | undefined {
	const detail = obj(raw);
	const actionExecutionId = str(detail.actionExecutionId);
	const status = str(detail.status);
	if (!actionExecutionId || !status) return undefined;
	const input = obj(detail.input);
	const output = obj(detail.output);
	const result = obj(output.executionResult);
	const errors = obj(result.errorDetails);
	const type = obj(input.actionTypeId);
	return {
		actionExecutionId,
		executionId: str(detail.pipelineExecutionId) ?? '',
		stageName: str(detail.stageName) ?? '',
		actionName: str(detail.actionName) ?? '',
		status: status as ActionStatus,
		startTime: ms(detail.startTime),
		lastUpdateTime: ms(detail.lastUpdateTime),
		updatedBy: str(detail.updatedBy),
		category: str(type.category),
		provider: str(type.provider),
		region: str(input.region),
		configuration: stringMap(input.configuration),
		resolvedConfiguration: stringMap(input.resolvedConfiguration),
		inputArtifacts: artifacts(input.inputArtifacts),
		outputArtifacts: artifacts(output.outputArtifacts),
		externalExecutionId: str(result.externalExecutionId),
		externalExecutionSummary: str(result.externalExecutionSummary),
		externalExecutionUrl: str(result.externalExecutionUrl),
		logStreamArn: str(result.logStreamARN),
		errorCode: str(errors.code),
		errorMessage: str(errors.message),
		outputVariables: stringMap(output.outputVariables),
	};
}

/** GetPipelineExecution: the values one execution ran with, and its revisions (by artifact name). */
export type ExecutionDetail = {variables: ResolvedVariableView[]; sourceRevisions: SourceRevisionView[]};

export function mapExecutionDetail(output: GetPipelineExecutionCommandOutput): ExecutionDetail {
	const execution = obj(output.pipelineExecution);
	const variables = list(execution.variables)
		.map(rawVariable => {
			const variable = obj(rawVariable);
			return {name: str(variable.name) ?? '', value: str(variable.resolvedValue) ?? ''};
		})
		.filter(variable => variable.name !== '');
	const sourceRevisions = list(execution.artifactRevisions).map(rawRevision => {
		const revision = obj(rawRevision);
		return {actionName: str(revision.name) ?? '', revisionId: str(revision.revisionId), revisionSummary: str(revision.revisionSummary), revisionUrl: str(revision.revisionUrl)};
	});
	return {variables, sourceRevisions};
}
