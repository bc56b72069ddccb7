import type {FleetState, PipelineEntry, StageView} from '../store/types.js';
import type {RetryMode} from './api.js';
import {checkedStage, findStage, requireStage, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';

const retryable = new Set(['Failed', 'Stopped']);

/** Why this stage cannot be retried (undefined: it can), from the state alone. */
function stageProblem(entry: PipelineEntry, stage: StageView, request: ActionRequest): string | undefined {
	if (stage.status === 'InProgress' || stage.status === 'Stopping') return `${stage.name} is still running`;
	if (!stage.status || !retryable.has(stage.status)) return `nothing failed in ${stage.name}`;
	if (!stage.executionId) return `${stage.name} has no execution to retry`;
	// Only the latest execution to reach a stage can be retried there. The pipeline's newest
	// execution is what a fleet or pipeline row carries by default: when it has not reached this
	// stage yet, the stage's own execution is still the latest there, and that is what is retried.
	const chosen = request.executionId;
	if (chosen && chosen !== stage.executionId && chosen !== entry.latestExecution?.executionId) {
		return `not the latest execution in ${stage.name} (that is ${shortId(stage.executionId)})`;
	}
	return undefined;
}

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	const stage = requireStage(entry, request);
	return typeof stage === 'string' ? stage : stageProblem(entry, stage, request);
}

function running(stage: StageView): string[] {
	return stage.actions.filter(action => action.status === 'InProgress').map(action => action.name);
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const selected = checkedStage(state, request, check);
	if ('problem' in selected) return refuse(selected.problem);
	const {entry, stage} = selected;
	const executionId = stage.executionId as string;

	const details: string[] = [`Stage ${stage.name} is ${stage.status} in execution ${shortId(executionId)}`];
	for (const action of stage.actions) {
		if (action.status !== 'Failed') continue;
		const why = [action.errorCode, action.errorMessage ?? action.summary].filter(Boolean).join(': ');
		details.push(`Failed ${action.name}${why ? `: ${why}` : ''}`);
	}
	const stillRunning = running(stage);
	const planId = context.newId();
	const target = targetOf(state, entry, {stageName: stage.name, executionId});

	return {
		ok: true,
		plan: {
			command: 'retry',
			target,
			title: `Retry stage ${stage.name}`,
			details,
			steps: () => [
				{
					kind: 'choice',
					id: 'mode',
					label: 'Retry',
					options: [
						{value: 'failed', label: 'Failed actions only', hint: 'actions that succeeded are kept'},
						{
							value: 'all',
							label: 'All actions',
							hint: 'runs the stage again from its first action',
							...(stillRunning.length > 0 ? {disabledReason: `still running: ${stillRunning.join(', ')}`} : {}),
						},
					],
				},
			],
			build: answers => {
				const retryMode: RetryMode = answers.mode === 'all' ? 'ALL_ACTIONS' : 'FAILED_ACTIONS';
				return {
					id: intentId(planId, answers),
					command: 'retry',
					target,
					summary: `Retry ${retryMode === 'ALL_ACTIONS' ? 'all actions' : 'failed actions'} of ${stage.name} in execution ${shortId(executionId)}`,
					parameters: {retryMode},
					invoke: api => api.retryStageExecution({pipelineName: entry.name, stageName: stage.name, pipelineExecutionId: executionId, retryMode}),
					precheck: latest => {
						const now = latest.pipelines[entry.key];
						const current = now && findStage(now, stage.name);
						if (!current) return `${stage.name} is gone from the pipeline`;
						return stageProblem(now, current, {...request, executionId});
					},
					observe: latest => {
						const current = latest.pipelines[entry.key] && findStage(latest.pipelines[entry.key], stage.name);
						if (current?.executionId === executionId && current.status === 'InProgress') {
							return `${stage.name} runs again: the retry was most likely accepted.`;
						}
						return `${stage.name} shows ${current?.status ?? 'no status'}: the retry may not have got through.`;
					},
				};
			},
		},
	};
}

export const retryAction: ActionModule = {check, prepare};
