/**
 * The pre-flight plan of a bulk action: for each chosen pipeline, the single action it stands for
 * (the same ActionRequest a key press on its row makes), exactly what would be sent, or why the
 * target is left out (read-only, nothing to act on). Pure: built from the store alone, so the
 * console's dialog and the headless commands show the same table and tests need no UI.
 */
import {waitingApproval} from '../store/attention.js';
import type {FleetState, PipelineEntry, PipelineKey, StageView} from '../store/types.js';
import {shortId, targetOf} from './lookup.js';
import {directionStepId, reasonStepId} from './transition.js';
import type {ActionRequest, ActionTarget, Answers, OperatorCommand} from './types.js';

/** The actions that can be taken on many pipelines at once. */
export type BulkCommand = Extract<OperatorCommand, 'approve' | 'retry' | 'stop' | 'start' | 'transition'>;
export const bulkCommands: readonly BulkCommand[] = ['approve', 'retry', 'stop', 'start', 'transition'];

export type BulkSpec = {
	command: BulkCommand;
	/** The answers each target's dialog would get: decision and summary, retry mode, reason... */
	answers: Answers;
	/** transition: the stages (a glob, `*` and `?`, any case) whose inbound transition changes. */
	stagePattern?: string;
	/** transition: exactly these stages of these pipelines instead (unfreeze: what freeze disabled). */
	stages?: Record<PipelineKey, string[]>;
	/** Recorded with each target's audit parameters (unfreeze --reason: AWS's enable takes none). */
	note?: string;
};

export type BulkRow = {
	request: ActionRequest;
	target: ActionTarget;
	/** Exactly what will be sent, e.g. `PutApprovalResult Approve/Manual Approved "ok"`. */
	sends: string;
	/** Why this target is left out; undefined when it will be sent. */
	excluded?: string;
	/** A transition someone else disabled already (freeze leaves it and remembers it). */
	alreadyDisabled?: {by?: string; reason?: string};
};

export type BulkPlan = {id: string; spec: BulkSpec; rows: BulkRow[]};

export type BulkPlanOptions = {
	/** A fresh id: one plan, one run (a second confirm gets the first run's results). */
	id: string;
	/** Why the layer would refuse this request now (read-only, state): the layer's disabledReason. */
	refusal(request: ActionRequest): string | undefined;
};

/** `Prod*` as a whole-name, any-case match. */
export function stageMatcher(pattern: string): (name: string) => boolean {
	const source = [...pattern].map(char => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.+()[\]{}|]/g, '\\$&'))).join('');
	const expression = new RegExp(`^${source}$`, 'i');
	return name => expression.test(name);
}

function quoted(text: string | undefined): string {
	return text ? ` "${text}"` : '';
}

type Draft = Omit<BulkRow, 'target'> & {stageName?: string; actionName?: string; executionId?: string};

function approveDraft(entry: PipelineEntry, answers: Answers): Draft {
	const status = answers.decision === 'reject' ? 'Rejected' : 'Approved';
	for (const stage of entry.stages) {
		const approval = waitingApproval(stage);
		if (!approval) continue;
		const request: ActionRequest = {command: 'approve', pipelineKey: entry.key, stageName: stage.name, actionName: approval.name, executionId: stage.executionId};
		return {request, stageName: stage.name, actionName: approval.name, executionId: stage.executionId, sends: `PutApprovalResult ${stage.name}/${approval.name} ${status}${quoted(answers.summary)}`};
	}
	return {request: {command: 'approve', pipelineKey: entry.key}, sends: 'PutApprovalResult', excluded: 'no pending approval'};
}

function retryDraft(entry: PipelineEntry, answers: Answers): Draft {
	const mode = answers.mode === 'all' ? 'ALL_ACTIONS' : 'FAILED_ACTIONS';
	const stage = entry.stages.find(candidate => candidate.status === 'Failed' || candidate.status === 'Stopped');
	if (!stage) return {request: {command: 'retry', pipelineKey: entry.key}, sends: 'RetryStageExecution', excluded: 'nothing failed'};
	const request: ActionRequest = {command: 'retry', pipelineKey: entry.key, stageName: stage.name, executionId: stage.executionId};
	return {request, stageName: stage.name, executionId: stage.executionId, sends: `RetryStageExecution ${stage.name} ${mode} of ${shortId(stage.executionId)}`};
}

function stopDraft(entry: PipelineEntry, answers: Answers): Draft {
	const executionId = entry.latestExecution?.executionId;
	const how = answers.mode === 'abandon' ? 'abandon' : 'stop and wait';
	const request: ActionRequest = {command: 'stop', pipelineKey: entry.key, executionId};
	return {request, executionId, sends: `StopPipelineExecution ${shortId(executionId)} ${how}${quoted(answers.reason)}`};
}

function transitionDrafts(entry: PipelineEntry, spec: BulkSpec): Draft[] {
	const disable = spec.answers[directionStepId] !== 'enable';
	const pattern = spec.stages ? 'the recorded stages' : (spec.stagePattern ?? '*');
	const matches = stageMatcher(pattern);
	// The first stage is entered from its trigger: it has no inbound transition to change.
	const named = spec.stages?.[entry.key];
	const stages = entry.stages.slice(1).filter(stage => (named ? named.includes(stage.name) : matches(stage.name)));
	if (stages.length === 0) return [{request: {command: 'transition', pipelineKey: entry.key}, sends: '-', excluded: `no stage matches ${pattern}`}];
	return stages.map(stage => transitionDraft(entry, stage, disable, spec.answers[reasonStepId]));
}

function transitionDraft(entry: PipelineEntry, stage: StageView, disable: boolean, reason: string | undefined): Draft {
	const request: ActionRequest = {command: 'transition', pipelineKey: entry.key, stageName: stage.name};
	const transition = stage.inboundTransition;
	const sends = disable ? `DisableStageTransition ${stage.name} Inbound${quoted(reason)}` : `EnableStageTransition ${stage.name} Inbound`;
	const draft: Draft = {request, stageName: stage.name, sends};
	if (disable && !transition.enabled) {
		// The reason first: it is what the operator needs, and the ARN of who did it is long.
		const why = transition.disabledReason ? `: ${transition.disabledReason}` : '';
		return {
			...draft,
			excluded: `already disabled${why}${transition.lastChangedBy ? ` (by ${transition.lastChangedBy})` : ''}`,
			alreadyDisabled: {by: transition.lastChangedBy, reason: transition.disabledReason},
		};
	}
	if (!disable && transition.enabled) return {...draft, excluded: 'already enabled'};
	return draft;
}

function draftsFor(entry: PipelineEntry, spec: BulkSpec): Draft[] {
	switch (spec.command) {
		case 'approve':
			return [approveDraft(entry, spec.answers)];
		case 'retry':
			return [retryDraft(entry, spec.answers)];
		case 'stop':
			return [stopDraft(entry, spec.answers)];
		case 'start':
			return [{request: {command: 'start', pipelineKey: entry.key}, sends: 'StartPipelineExecution (variables: their defaults)'}];
		case 'transition':
			return transitionDrafts(entry, spec);
	}
}

/** The pre-flight plan over these pipelines, in the order given (pipelines not in the store are skipped). */
export function planBulk(state: FleetState, keys: readonly PipelineKey[], spec: BulkSpec, options: BulkPlanOptions): BulkPlan {
	const rows: BulkRow[] = [];
	for (const key of keys) {
		const entry = state.pipelines[key];
		if (!entry) continue;
		for (const {stageName, actionName, executionId, ...draft} of draftsFor(entry, spec)) {
			const target = targetOf(state, entry, {stageName, actionName, executionId});
			// Read-only comes first, as for a single action; then the action's own check.
			const excluded = options.refusal(draft.request) ?? draft.excluded;
			rows.push({...draft, target, ...(excluded ? {excluded} : {})});
		}
	}
	return {id: options.id, spec, rows};
}

/** The rows that will be sent. */
export function sendable(plan: BulkPlan): BulkRow[] {
	return plan.rows.filter(row => row.excluded === undefined);
}
