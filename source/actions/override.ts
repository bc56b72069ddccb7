import type {FleetState, PipelineEntry} from '../store/types.js';
import type {ConditionType} from './api.js';
import {checkedStage, isV2, requireStage, shortId, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest} from './types.js';

export const conditionStepId = 'condition';

const labels: Record<ConditionType, string> = {
	BEFORE_ENTRY: 'Entry condition (let the execution into the stage)',
	ON_SUCCESS: 'Success condition (let the stage succeed)',
};

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	if (!isV2(entry)) return 'stage conditions need a V2 pipeline';
	const stage = requireStage(entry, request);
	if (typeof stage === 'string') return stage;
	if (!stage.executionId) return `${stage.name} has not run yet`;
	return undefined;
}

type StageDeclaration = {name?: unknown; beforeEntry?: unknown; onSuccess?: unknown};

/** The stages of a GetPipeline answer, whether stored whole ({pipeline}) or as the declaration. */
function declaredStages(definition: unknown): StageDeclaration[] | undefined {
	if (!definition || typeof definition !== 'object') return undefined;
	const root = 'pipeline' in definition ? (definition as {pipeline: unknown}).pipeline : definition;
	const stages = root && typeof root === 'object' ? (root as {stages?: unknown}).stages : undefined;
	return Array.isArray(stages) ? (stages as StageDeclaration[]) : undefined;
}

/** The condition types the stage declares, when the definition is loaded (else both). */
function declaredConditions(state: FleetState, entry: PipelineEntry, stageName: string): ConditionType[] {
	const declared = declaredStages(state.definitions[entry.key])?.find(stage => stage.name === stageName);
	if (!declared) return ['BEFORE_ENTRY', 'ON_SUCCESS'];
	const types: ConditionType[] = [];
	if (declared.beforeEntry) types.push('BEFORE_ENTRY');
	if (declared.onSuccess) types.push('ON_SUCCESS');
	return types;
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const selected = checkedStage(state, request, check);
	if ('problem' in selected) return refuse(selected.problem);
	const {entry, stage} = selected;
	const executionId = stage.executionId as string;
	const types = declaredConditions(state, entry, stage.name);
	if (types.length === 0) return refuse(`${stage.name} declares no entry or success condition`);

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
