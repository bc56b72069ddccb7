/**
 * CodePipeline's EventBridge events as "Monitoring CodePipeline events" documents them: the
 * envelope (version "0", id, detail-type, source "aws.codepipeline", account, time, region,
 * resources) and the detail of each kind. They carry what the state change says and no more: no
 * approval token, no condition or rule state; transition changes and definition edits send none.
 */

import {artifactLocations} from '../artifacts.js';
import type {ActionEventState, PipelineEventState, StageEventState} from '../execution/observer.js';
import type {ActionRun, Execution, Pipeline, StageRun} from '../model.js';
import {actionRegion, externalUrl} from '../providers.js';
import {compact, externalIdOf, summaryOf} from '../views.js';

export type CodePipelineEvent = {
	version: '0';
	id: string;
	'detail-type': string;
	source: 'aws.codepipeline';
	account: string;
	time: string;
	region: string;
	resources: string[];
	detail: Record<string, unknown>;
};

/** `time` has whole seconds, as EventBridge writes it. */
function eventTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function envelope(id: string, now: number, pipeline: Pipeline, detailType: string, detail: Record<string, unknown>): CodePipelineEvent {
	return {
		version: '0',
		id,
		'detail-type': detailType,
		source: 'aws.codepipeline',
		account: pipeline.accountId,
		time: eventTime(now),
		region: pipeline.region,
		resources: [`arn:aws:codepipeline:${pipeline.region}:${pipeline.accountId}:${pipeline.name}`],
		detail,
	};
}

export type EventIds = {id: string; now: number; attempt: number};

export function pipelineEvent(ids: EventIds, execution: Execution, state: PipelineEventState): CodePipelineEvent {
	return envelope(ids.id, ids.now, execution.pipeline, 'CodePipeline Pipeline Execution State Change', {
		pipeline: execution.pipeline.name,
		'execution-id': execution.id,
		'start-time': new Date(execution.startTime).toISOString(),
		'execution-trigger': {'trigger-type': execution.trigger.triggerType, 'trigger-detail': execution.trigger.triggerDetail},
		state,
		version: execution.version,
		'pipeline-execution-attempt': ids.attempt,
		...(state === 'STOPPING' ? {'stop-execution-comments': execution.stopTrigger?.reason ?? ''} : {}),
	});
}

export function stageEvent(ids: EventIds, execution: Execution, run: StageRun, state: StageEventState, retriedAt: number | undefined): CodePipelineEvent {
	return envelope(ids.id, ids.now, execution.pipeline, 'CodePipeline Stage Execution State Change', {
		pipeline: execution.pipeline.name,
		'execution-id': execution.id,
		'start-time': new Date(execution.startTime).toISOString(),
		stage: run.name,
		state,
		version: execution.version,
		'pipeline-execution-attempt': ids.attempt,
		...(retriedAt === undefined ? {} : {'stage-last-retry-attempt-time': new Date(retriedAt).toISOString()}),
	});
}

function executionResult(run: ActionRun, state: ActionEventState): Record<string, unknown> | undefined {
	if (state === 'STARTED') return undefined;
	return compact({
		'external-execution-url': externalUrl(run.execution.pipeline, run),
		'external-execution-summary': summaryOf(run),
		'external-execution-id': externalIdOf(run),
		'error-code': state === 'FAILED' ? (run.error?.code ?? 'JobFailed') : undefined,
	});
}

export function actionEvent(ids: EventIds, run: ActionRun, state: ActionEventState): CodePipelineEvent {
	const execution = run.execution;
	const action = run.action;
	const region = actionRegion(execution.pipeline, action);
	const type = action.actionTypeId;
	const result = executionResult(run, state);
	return envelope(ids.id, ids.now, execution.pipeline, 'CodePipeline Action Execution State Change', {
		pipeline: execution.pipeline.name,
		'execution-id': execution.id,
		'start-time': new Date(execution.startTime).toISOString(),
		stage: run.stageName,
		action: action.name,
		'action-execution-id': run.id,
		state,
		region,
		type: {owner: type.owner, category: type.category, provider: type.provider, version: type.version},
		version: execution.version,
		'pipeline-execution-attempt': ids.attempt,
		'input-artifacts': artifactLocations(execution, region, action.inputArtifacts),
		...(state === 'SUCCEEDED' ? {'output-artifacts': artifactLocations(execution, region, action.outputArtifacts)} : {}),
		...(result ? {'execution-result': result} : {}),
	});
}
