import type {FleetState, StageView} from '../store/types.js';
import {checkedStage, findStage, requireStage, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest, Answers} from './types.js';
import {transitionReason} from './validate.js';

/** Answer ids. `direction` is implied by the current state in the dialog; the CLI sets it. */
export const directionStepId = 'direction';
export const reasonStepId = 'reason';
export type Direction = 'enable' | 'disable';

function check(state: FleetState, request: ActionRequest): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return 'pipeline not loaded yet';
	const stage = requireStage(entry, request);
	if (typeof stage === 'string') return stage;
	// Executions enter the first stage from their trigger, not through a transition.
	if (entry.stages[0]?.name === stage.name) return 'the first stage has no inbound transition';
	return undefined;
}

function directionOf(stage: StageView, answers: Answers): Direction {
	const chosen = answers[directionStepId];
	if (chosen === 'enable' || chosen === 'disable') return chosen;
	return stage.inboundTransition.enabled ? 'disable' : 'enable';
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	const state = context.getState();
	const selected = checkedStage(state, request, check);
	if ('problem' in selected) return refuse(selected.problem);
	const {entry, stage} = selected;
	const transition = stage.inboundTransition;

	const details: string[] = [];
	if (transition.enabled) {
		details.push(`The transition into ${stage.name} is enabled: executions flow in.`);
		details.push('Disabling holds new executions in front of the stage until it is enabled again.');
	} else {
		const by = transition.lastChangedBy ? ` by ${transition.lastChangedBy}` : '';
		details.push(`The transition into ${stage.name} is disabled${by}${transition.disabledReason ? `: ${transition.disabledReason}` : ''}.`);
		const waiting = stage.inboundExecutions.map(execution => execution.executionId.slice(0, 8));
		if (waiting.length > 0) details.push(`Enabling lets in: ${waiting.join(', ')}`);
	}

	const planId = context.newId();
	const target = targetOf(state, entry, {stageName: stage.name});
	return {
		ok: true,
		plan: {
			command: 'transition',
			target,
			title: `${transition.enabled ? 'Disable' : 'Enable'} transition into ${stage.name}`,
			details,
			steps: answers =>
				directionOf(stage, answers) === 'disable' ? [{kind: 'text', id: reasonStepId, label: 'Reason', validate: transitionReason}] : [],
			build: answers => {
				const direction = directionOf(stage, answers);
				const reason = answers[reasonStepId] ?? '';
				const base = {pipelineName: entry.name, stageName: stage.name, transitionType: 'Inbound' as const};
				return {
					id: intentId(planId, {...answers, [directionStepId]: direction}),
					command: 'transition',
					target,
					summary: `${direction === 'disable' ? 'Disable' : 'Enable'} the transition into ${stage.name}`,
					parameters: {direction, transitionType: 'Inbound', ...(direction === 'disable' ? {reason} : {})},
					invoke: api => (direction === 'disable' ? api.disableStageTransition({...base, reason}) : api.enableStageTransition(base)),
					observe: latest => {
						const now = latest.pipelines[entry.key];
						const enabled = now && findStage(now, stage.name)?.inboundTransition.enabled;
						if (enabled === undefined) return undefined;
						return `The transition into ${stage.name} is now ${enabled ? 'enabled' : 'disabled'}.`;
					},
				};
			},
		},
	};
}

export const transitionAction: ActionModule = {check, prepare};
