import type {ExecutionSummaryView, FleetState, PipelineEntry} from '../store/types.js';
import {findExecution, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';
import {stopReason} from './validate.js';

function executionOf(state: FleetState, entry: PipelineEntry, request: ActionRequest): ExecutionSummaryView | string {
	const executionId = request.executionId ?? entry.latestExecution?.executionId;
	if (!executionId) return 'no execution to stop';
	return findExecution(state, entry, executionId) ?? `execution ${shortId(executionId)} is not loaded yet`;
}

function statusProblem(execution: ExecutionSummaryView): string | undefined {
	if (execution.status === 'InProgress' || execution.status === 'Stopping') return undefined;
	return `execution ${shortId(execution.executionId)} is ${execution.status}: nothing to stop`;
}

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	const execution = executionOf(state, entry, request);
	return typeof execution === 'string' ? execution : statusProblem(execution);
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return refuse('pipeline not loaded yet');
	let execution = executionOf(state, entry, request);
	if (typeof execution === 'string' && request.executionId) {
		// An execution named by id (--execution-id, the history view) may be in history not yet read.
		await context.engine.loadHistory(entry.key).catch(() => undefined);
		const wanted = request.executionId;
		const latest = await context.waitFor(now => findExecution(now, entry, wanted) !== undefined || now.histories[entry.key]?.loading === false);
		execution = executionOf(latest, entry, request);
	}
	if (typeof execution === 'string') return refuse(execution);
	const problem = statusProblem(execution);
	if (problem) return refuse(problem);
	const {executionId} = execution;
	const stopping = execution.status === 'Stopping';

	const details = [`Execution ${shortId(executionId)} is ${execution.status}`];
	const runningActions = entry.stages.flatMap(stage =>
		stage.executionId === executionId
			? stage.actions.filter(action => action.status === 'InProgress').map(action => `${stage.name}/${action.name}`)
			: [],
	);
	if (runningActions.length > 0) details.push(`Running now: ${runningActions.join(', ')}`);
	if (stopping) details.push('A stop-and-wait was asked already: only abandon is left.');

	const planId = context.newId();
	const target = targetOf(state, entry, {executionId});
	return {
		ok: true,
		plan: {
			command: 'stop',
			target,
			title: `Stop execution ${shortId(executionId)}`,
			details,
			steps: () => [
				{
					kind: 'choice',
					id: 'mode',
					label: 'How',
					options: [
						{
							value: 'wait',
							label: 'Stop and wait',
							hint: 'running actions finish, nothing new starts',
							...(stopping ? {disabledReason: 'already stopping'} : {}),
						},
						{value: 'abandon', label: 'Stop and abandon', hint: 'running actions are abandoned now (their work may be left half done)'},
					],
				},
				{kind: 'text', id: 'reason', label: 'Reason (optional)', validate: stopReason},
			],
			build: answers => {
				const abandon = answers.mode === 'abandon';
				const reason = (answers.reason ?? '').trim();
				return {
					id: intentId(planId, answers),
					command: 'stop',
					target,
					summary: `${abandon ? 'Stop and abandon' : 'Stop and wait for'} execution ${shortId(executionId)}`,
					parameters: {abandon, ...(reason ? {reason} : {})},
					invoke: api =>
						api.stopPipelineExecution({pipelineName: entry.name, pipelineExecutionId: executionId, abandon, ...(reason ? {reason} : {})}),
					precheck: latest => {
						const now = latest.pipelines[entry.key];
						const current = now && findExecution(latest, now, executionId);
						if (!current) return undefined;
						if (!abandon && current.status === 'Stopping') return 'the execution is already stopping: choose abandon to stop it now';
						return statusProblem(current);
					},
					observe: latest => {
						const now = latest.pipelines[entry.key];
						const status = now && findExecution(latest, now, executionId)?.status;
						if (status === 'Stopping' || status === 'Stopped') return `The execution is ${status}: the stop was accepted.`;
						return `The execution shows ${status ?? 'no status'}: the stop may not have got through.`;
					},
				};
			},
		},
	};
}

export const stopAction: ActionModule = {check, prepare};
