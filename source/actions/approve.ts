import type {ActionView, FleetState, PipelineEntry, StageView} from '../store/types.js';
import {findAction, findExecution, findStage, formatAge, revisionLine, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';
import {approvalSummary} from './validate.js';
import {executionKeyOf} from '../format/keys.js';
import {formatTimestamp} from '../format/time.js';

/** CodePipeline fails a manual approval nobody answered 7 days after it started waiting. */
const approvalTimeoutMs = 7 * 24 * 60 * 60 * 1000;

type Waiting = {stage: StageView; action: ActionView};

/** A token marks an approval even before the definition (and so the category) has been read. */
function isApproval(action: ActionView): boolean {
	return action.category === 'Approval' || action.token !== undefined;
}

function isWaitingApproval(action: ActionView): boolean {
	return isApproval(action) && action.status === 'InProgress';
}

/**
 * The approval the request points at: the selected action, else the one waiting in the selected
 * stage, else the first one waiting anywhere in the pipeline (pressing `a` on a pipeline row).
 */
function findApproval(entry: PipelineEntry, request: ActionRequest): Waiting | string {
	const stages = request.stageName ? [findStage(entry, request.stageName)].filter(stage => stage !== undefined) : entry.stages;
	if (request.stageName && stages.length === 0) return `no stage "${request.stageName}" in ${entry.name}`;
	for (const stage of stages) {
		if (request.actionName) {
			const action = findAction(stage, request.actionName);
			if (!action) return `no action "${request.actionName}" in stage ${stage.name}`;
			// A fleet row points at its failed or running action when nothing waits: say what matters.
			if (!isApproval(action)) return 'no pending approval';
			if (action.status !== 'InProgress') return `${action.name} is not waiting for approval`;
			return {stage, action};
		}
		const action = stage.actions.find(isWaitingApproval);
		if (action) return {stage, action};
	}
	return 'no pending approval';
}

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	const found = findApproval(entry, request);
	return typeof found === 'string' ? found : undefined;
}

/**
 * The approval's token. In SUPERSEDED and QUEUED mode GetPipelineState carries it; in PARALLEL
 * mode it does not, and the token is the approval's externalExecutionId in ListActionExecutions
 * for the execution that waits.
 */
async function tokenFor(context: PlanContext, entry: PipelineEntry, waiting: Waiting, executionId: string | undefined): Promise<string | undefined> {
	if (entry.executionMode !== 'PARALLEL' && waiting.action.token) return waiting.action.token;
	if (!executionId) return undefined;
	const id = executionKeyOf(entry.key, executionId);
	const before = context.getState().actionExecutions[id]?.fetchedAt;
	await context.engine.loadActionExecutions(entry.key, executionId, {force: true});
	const state = await context.waitFor(latest => {
		const page = latest.actionExecutions[id];
		return page !== undefined && !page.loading && (page.fetchedAt !== before || page.error !== undefined);
	});
	const page = state.actionExecutions[id];
	const match = page?.items.find(
		item => item.stageName === waiting.stage.name && item.actionName === waiting.action.name && item.status === 'InProgress',
	);
	return match?.externalExecutionId;
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return refuse('pipeline not loaded yet');
	const waiting = findApproval(entry, request);
	if (typeof waiting === 'string') return refuse(waiting);
	const {stage, action} = waiting;
	const parallel = entry.executionMode === 'PARALLEL';
	// Outside PARALLEL mode one execution waits at an approval. A named execution that is neither
	// it nor the pipeline's newest (what a fleet row carries by default) is a different one: refuse.
	const named = request.executionId;
	if (!parallel && named && stage.executionId && named !== stage.executionId && named !== entry.latestExecution?.executionId) {
		return refuse(`execution ${shortId(named)} is not the one waiting at ${stage.name}/${action.name} (that is ${shortId(stage.executionId)})`);
	}
	const executionId = (parallel ? named : undefined) ?? stage.executionId;
	const token = await tokenFor(context, entry, waiting, executionId);
	if (!token) return refuse(`could not read the token of ${stage.name}/${action.name}: refresh and try again`);

	let execution = findExecution(context.getState(), entry, executionId);
	if (!execution && executionId) {
		// Source revisions live on the execution summary; history may not be loaded yet.
		await context.engine.loadHistory(entry.key).catch(() => undefined);
		const state = await context.waitFor(latest => findExecution(latest, entry, executionId) !== undefined || latest.histories[entry.key]?.loading === false);
		execution = findExecution(state, entry, executionId);
	}

	const details: string[] = [];
	if (action.lastStatusChange !== undefined) {
		details.push(`Waiting for ${formatAge(context.now() - action.lastStatusChange)}`);
		// Unanswered, the approval fails 7 days after it started waiting.
		const expires = action.lastStatusChange + approvalTimeoutMs;
		details.push(`Expires: ${formatTimestamp(expires)} UTC (in ${formatAge(Math.max(0, expires - context.now()))}) unless answered`);
	}
	const customData = action.configuration.CustomData;
	if (customData) details.push(`Note: ${customData}`);
	const reviewUrl = action.configuration.ExternalEntityLink;
	if (reviewUrl) details.push(`Review: ${reviewUrl}`);
	for (const revision of execution?.sourceRevisions ?? []) {
		const summary = revisionLine(revision.revisionSummary);
		details.push(`Source ${revision.actionName}: ${shortId(revision.revisionId)}${summary ? ` ${summary}` : ''}`);
	}
	if (!execution) details.push('Source revisions: not known yet');
	const trigger = [execution?.triggerType, execution?.triggerDetail].filter(Boolean).join(': ');
	details.push(`Started by: ${trigger || 'not known yet'}`);

	const planId = context.newId();
	// Checks after this point are about this approval, however the request pointed at it.
	const resolved: ActionRequest = {...request, stageName: stage.name, actionName: action.name};
	const target = targetOf(state, entry, {stageName: stage.name, actionName: action.name, executionId});
	return {
		ok: true,
		plan: {
			command: 'approve',
			target,
			title: `Review approval ${stage.name}/${action.name}`,
			details,
			steps: () => [
				{
					kind: 'choice',
					id: 'decision',
					label: 'Decision',
					options: [
						{value: 'approve', label: 'Approve', hint: 'the pipeline moves on'},
						{value: 'reject', label: 'Reject', hint: 'the action fails, and the execution with it'},
					],
				},
				{kind: 'text', id: 'summary', label: 'Summary', validate: approvalSummary},
			],
			build: answers => {
				const status = answers.decision === 'reject' ? 'Rejected' : 'Approved';
				const summary = answers.summary ?? '';
				return {
					id: intentId(planId, answers),
					command: 'approve',
					target,
					summary: `${status === 'Approved' ? 'Approve' : 'Reject'} ${stage.name}/${action.name} of execution ${shortId(executionId)}`,
					// The token is a one-time credential for this approval: never in the audit log.
					parameters: {status, summary},
					invoke: api =>
						api.putApprovalResult({pipelineName: entry.name, stageName: stage.name, actionName: action.name, result: {summary, status}, token}),
					precheck: latest => stillWaiting(latest, resolved, token, entry.executionMode === 'PARALLEL'),
					observe: latest =>
						stillWaiting(latest, resolved, token, entry.executionMode === 'PARALLEL') === undefined
							? 'The approval still waits: the answer did not get through. You may answer again.'
							: 'The approval no longer waits: the answer was most likely recorded.',
				};
			},
		},
	};
}

/** Refuses when the latest state shows the approval that was reviewed is not the one waiting now. */
function stillWaiting(state: FleetState, request: ActionRequest, token: string, parallel: boolean): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'the pipeline is gone from the screen';
	const found = findApproval(entry, request);
	if (typeof found === 'string') return `the approval is no longer waiting (${found}): it was answered elsewhere or timed out`;
	// A different token means the stage ran again: the operator reviewed another execution.
	if (!parallel && found.action.token && found.action.token !== token) {
		return 'a newer approval replaced the one you reviewed: review it again';
	}
	return undefined;
}

export const approveAction: ActionModule = {check, prepare};
