/**
 * GetPipelineState. Answered from the stage slots (latest stage run, latest run per action, the
 * queue in front, the transition) and cached until the pipeline next changes, so a fleet polled
 * every few seconds costs one object walk per change, not per poll. The cached answer is shared
 * and frozen (the HTTP front only serializes it).
 */

import type {ActionDeclaration, ActionRun, Gate, Pipeline, StageDeclaration} from '../model.js';
import {entityUrl, externalUrl, revisionUrl} from '../providers.js';
import {seconds} from '../time.js';
import {check} from '../validate.js';
import {compact, externalIdOf, sourceOf, stageExecution, summaryOf} from '../views.js';
import {findPipeline, type Handler} from './call.js';

function actionLatest(pipeline: Pipeline, run: ActionRun): Record<string, unknown> {
	// In PARALLEL mode the token is not shown; the approval's externalExecutionId stands in for it.
	const showToken = run.status === 'InProgress' && run.token !== undefined && run.execution.mode !== 'PARALLEL';
	return compact({
		actionExecutionId: run.id,
		status: run.status,
		summary: summaryOf(run),
		lastStatusChange: seconds(run.lastUpdateTime),
		token: showToken ? run.token : undefined,
		lastUpdatedBy: run.updatedBy,
		externalExecutionId: externalIdOf(run),
		externalExecutionUrl: externalUrl(pipeline, run),
		errorDetails: run.status === 'Failed' && run.error ? {...run.error} : undefined,
	});
}

function actionState(pipeline: Pipeline, action: ActionDeclaration, run: ActionRun | undefined): Record<string, unknown> {
	const source = run ? sourceOf(run) : undefined;
	return compact({
		actionName: action.name,
		currentRevision: source ? {revisionId: source.revisionId, revisionChangeId: source.revisionId, created: seconds(source.created)} : undefined,
		latestExecution: run ? actionLatest(pipeline, run) : undefined,
		entityUrl: entityUrl(pipeline, action),
		revisionUrl: source ? revisionUrl(pipeline, action, source.revisionId) : undefined,
	});
}

function stageState(pipeline: Pipeline, stage: StageDeclaration): Record<string, unknown> {
	const slot = pipeline.slots.get(stage.name);
	const waiting = slot?.waiting ?? [];
	const inbound = slot?.inbound ?? {enabled: true};
	const queued = waiting.length > 0 && (pipeline.declaration.executionMode !== 'SUPERSEDED' || waiting.length > 1);
	return compact({
		stageName: stage.name,
		inboundExecution: waiting.length > 0 ? stageExecution(waiting[0], 'InProgress') : undefined,
		inboundExecutions: queued ? waiting.map(execution => stageExecution(execution, 'InProgress')) : undefined,
		inboundTransitionState: compact({
			enabled: inbound.enabled,
			lastChangedBy: inbound.lastChangedBy,
			lastChangedAt: inbound.lastChangedAt === undefined ? undefined : seconds(inbound.lastChangedAt),
			disabledReason: inbound.enabled ? undefined : inbound.disabledReason,
		}),
		actionStates: stage.actions.map(action => actionState(pipeline, action, slot?.actionLatest.get(action.name))),
		latestExecution: slot?.latest && slot.latestExecution ? stageExecution(slot.latestExecution, slot.latest.status) : undefined,
		beforeEntryConditionState: slot?.latest?.gate ? conditionState(slot.latest.gate) : undefined,
	});
}

function conditionState(gate: Gate): Record<string, unknown> {
	return {
		latestExecution: compact({status: gate.status, summary: gate.summary}),
		conditionStates: gate.conditions.map(rules => ({
			latestExecution: compact({status: gate.status, summary: gate.summary, lastStatusChange: seconds(gate.changed)}),
			ruleStates: rules.map(rule => ({
				ruleName: rule.name,
				latestExecution: compact({ruleExecutionId: rule.id, status: rule.status, summary: rule.summary, lastStatusChange: seconds(rule.changed)}),
			})),
		})),
	};
}

/** Shared answers are frozen, so an in-process caller that changes one fails loudly instead of changing the next answer. */
function deepFreeze(value: unknown): void {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const member of Object.values(value)) deepFreeze(member);
}

export function pipelineState(pipeline: Pipeline): unknown {
	const cached = pipeline.stateCache;
	if (cached && cached.revision === pipeline.revision) return cached.value;
	const value = {
		pipelineName: pipeline.name,
		pipelineVersion: pipeline.declaration.version,
		stageStates: pipeline.declaration.stages.map(stage => stageState(pipeline, stage)),
		created: seconds(pipeline.created),
		updated: seconds(pipeline.updated),
	};
	deepFreeze(value);
	pipeline.stateCache = {revision: pipeline.revision, value};
	return value;
}

export const getPipelineState: Handler = (call, input) => {
	const name = check(checker => checker.name(input, 'name', 'name')) as string;
	return pipelineState(findPipeline(call, name));
};
