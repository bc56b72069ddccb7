import type {FleetState, StageConditionView, StageView} from '../store/types.js';
import type {ConditionType} from './api.js';
import {checkedStage, isV2, requireStage, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';

export const conditionStepId = 'condition';

const labels: Record<ConditionType, string> = {
	BEFORE_ENTRY: 'Entry condition (let the execution into the stage)',
	ON_SUCCESS: 'Success condition (let the stage succeed)',
};

type Overridable = StageConditionView & {type: ConditionType};

/** The stage's conditions being evaluated now: only those can be overridden (AWS refuses the rest). */
function overridable(stage: StageView): Overridable[] {
	return stage.conditions.filter((condition): condition is Overridable => condition.status === 'InProgress' && condition.type !== 'ON_FAILURE');
}

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	if (!isV2(entry)) return 'stage conditions need a V2 pipeline';
	const stage = requireStage(entry, request);
	if (typeof stage === 'string') return stage;
	if (!stage.executionId) return `${stage.name} has not run yet`;
	if (overridable(stage).length === 0) return `no condition of ${stage.name} is being evaluated now`;
	return undefined;
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const selected = checkedStage(state, request, check);
	if ('problem' in selected) return refuse(selected.problem);
	const {entry, stage} = selected;
	const executionId = stage.executionId as string;
	const conditions = overridable(stage);
	const types = conditions.map(condition => condition.type);

	const planId = context.newId();
	const target = targetOf(state, entry, {stageName: stage.name, executionId});
	return {
		ok: true,
		plan: {
			command: 'override',
			target,
			title: `Override a condition of ${stage.name}`,
			details: [
				`Execution ${shortId(executionId)} is ${stage.status ?? 'not running'} in ${stage.name}.`,
				...conditions.map(condition => `Rules being evaluated: ${condition.rules.map(rule => `${rule.name} ${rule.status ?? '?'}`).join(', ') || 'none reported'}.`),
				'Overriding skips the rules of the condition being evaluated now.',
			],
			steps: () => [
				{kind: 'choice', id: conditionStepId, label: 'Condition', options: types.map(type => ({value: type, label: labels[type]}))},
			],
			build: answers => {
				const conditionType = (answers[conditionStepId] ?? types[0]) as ConditionType;
				return {
					id: intentId(planId, answers),
					command: 'override',
					target,
					summary: `Override the ${conditionType === 'BEFORE_ENTRY' ? 'entry' : 'success'} condition of ${stage.name} for execution ${shortId(executionId)}`,
					parameters: {conditionType},
					invoke: api =>
						api.overrideStageCondition({pipelineName: entry.name, stageName: stage.name, pipelineExecutionId: executionId, conditionType}),
				};
			},
		},
	};
}

export const overrideAction: ActionModule = {check, prepare};
