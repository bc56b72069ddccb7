import type {ExecutionSummaryView, FleetState, PipelineEntry, StageView} from '../store/types.js';
import {findStage, isV2, requireStage, revisionLine, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';

export const rollbackTargetStepId = 'target';
/** How many earlier successful executions the dialog offers. */
const maxChoices = 10;

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	if (!isV2(entry)) return 'rollback needs a V2 pipeline';
	if (entry.executionMode === 'PARALLEL') return 'rollback is not available in PARALLEL mode';
	const stage = requireStage(entry, request);
	if (typeof stage === 'string') return stage;
	if (entry.stages[0]?.name === stage.name) return 'the source stage cannot be rolled back';
	if (stage.status === 'InProgress' || stage.status === 'Stopping') return `${stage.name} is running`;
	return undefined;
}

/** Earlier successful executions, newest first, other than the one the stage shows now. */
function rollbackCandidates(state: FleetState, entry: PipelineEntry, stage: StageView): ExecutionSummaryView[] {
	const items = state.histories[entry.key]?.items ?? [];
	return items.filter(item => item.status === 'Succeeded' && item.executionId !== stage.executionId).slice(0, maxChoices);
}

function describe(item: ExecutionSummaryView): string {
	const when = item.startTime === undefined ? '' : new Date(item.startTime).toISOString().replace('T', ' ').slice(0, 16);
	const revision = item.sourceRevisions[0];
	const what = revision ? ` ${shortId(revision.revisionId)} ${revisionLine(revision.revisionSummary)}` : '';
	return `${shortId(item.executionId)} ${when}${what}`.trim();
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const problem = check(context.getState(), request);
	if (problem) return refuse(problem);
	const entry = context.getState().pipelines[request.pipelineKey];
	// The candidates come from execution history, which is loaded on demand.
	if (!context.getState().histories[entry.key]?.items.length) {
		await context.engine.loadHistory(entry.key).catch(() => undefined);
		await context.waitFor(latest => (latest.histories[entry.key]?.items.length ?? 0) > 0 || latest.histories[entry.key]?.loading === false);
	}
	const state = context.getState();
	const stage = findStage(entry, request.stageName) as StageView;
	const candidates = rollbackCandidates(state, entry, stage);
	if (candidates.length === 0) return refuse(`no earlier successful execution to roll ${stage.name} back to`);

	const planId = context.newId();
	const target = targetOf(state, entry, {stageName: stage.name, executionId: stage.executionId});
	return {
		ok: true,
		plan: {
			command: 'rollback',
			target,
			title: `Roll back stage ${stage.name}`,
			details: [
				`${stage.name} now shows execution ${shortId(stage.executionId)} (${stage.status ?? 'no status'}).`,
				'Rollback runs the stage again with the artifacts of the execution you choose.',
			],
			steps: () => [
				{
					kind: 'choice',
					id: rollbackTargetStepId,
					label: 'Roll back to',
					options: candidates.map(item => ({value: item.executionId, label: describe(item)})),
					initial: candidates[0].executionId,
				},
			],
			build: answers => {
				const targetPipelineExecutionId = answers[rollbackTargetStepId] ?? '';
				return {
					id: intentId(planId, answers),
					command: 'rollback',
					target,
					summary: `Roll back ${stage.name} to execution ${shortId(targetPipelineExecutionId)}`,
					parameters: {targetPipelineExecutionId},
					invoke: api => api.rollbackStage({pipelineName: entry.name, stageName: stage.name, targetPipelineExecutionId}),
				};
			},
		},
	};
}

export const rollbackAction: ActionModule = {check, prepare};
