import type {FleetEngine} from '../engine/types.js';
import type {FleetState} from '../store/types.js';
import type {ActionIntent, ActionRequest, ActionStep, ActionTarget, Answers, OperatorCommand} from './types.js';

/** What preparing an action may read and use. */
export type PlanContext = {
	getState(): FleetState;
	/** For reads an action needs before it can be shown (PARALLEL approval tokens, history). */
	engine: Pick<FleetEngine, 'loadActionExecutions' | 'loadHistory' | 'loadDefinition'>;
	now(): number;
	/** A fresh unique id (intent ids, StartPipelineExecution's clientRequestToken). */
	newId(): string;
	/**
	 * Resolves once the store satisfies the predicate, or after a few seconds regardless: the
	 * engine's load promises can resolve a moment before their answers are in the store.
	 */
	waitFor(predicate: (state: FleetState) => boolean): Promise<FleetState>;
};

/**
 * An action made ready for the operator: what it touches, what they should read before deciding,
 * the questions to answer, and how answers become the one request the confirm sends.
 */
export type Plan = {
	command: OperatorCommand;
	target: ActionTarget;
	/** E.g. "Review approval". */
	title: string;
	/** Lines to read before deciding: what failed and why, CustomData, source revisions... */
	details: string[];
	/** The questions, given the answers so far (a later question can depend on an earlier one). */
	steps(answers: Answers): ActionStep[];
	/** The request for these answers; call only with answers that passed checkAnswers. */
	build(answers: Answers): ActionIntent;
};

export type Prepared = {ok: true; plan: Plan} | {ok: false; reason: string};

/** One operator action: a quick test for the keymap, and the full preparation for a dialog. */
export type ActionModule = {
	/** Why the action cannot be taken on this selection now (undefined: it can). Pure and cheap. */
	check(state: FleetState, request: ActionRequest): string | undefined;
	prepare(context: PlanContext, request: ActionRequest): Promise<Prepared>;
};

export function refuse(reason: string): Prepared {
	return {ok: false, reason};
}

/** Why these answers cannot be sent (first problem found), or undefined when they can. */
export function checkAnswers(plan: Plan, answers: Answers): string | undefined {
	for (const step of plan.steps(answers)) {
		const value = answers[step.id];
		if (step.kind === 'choice') {
			const option = step.options.find(candidate => candidate.value === value);
			if (!option) return `${step.label}: choose one of ${step.options.map(candidate => candidate.value).join(', ')}`;
			if (option.disabledReason) return `${option.label}: ${option.disabledReason}`;
		} else {
			const problem = step.validate(value ?? '');
			if (problem) return `${step.label}: ${problem}`;
		}
	}
	return undefined;
}

/** Answers the flags (or a bulk action) left out take the plan's own defaults (pipeline variable defaults, rollback's newest target). */
export function answersWithDefaults(plan: Plan, given: Answers): Answers {
	const answers = {...given};
	// Steps can depend on answers, so fill until nothing changes (a handful of steps at most).
	for (let round = 0; round < 5; round++) {
		let changed = false;
		for (const step of plan.steps(answers)) {
			if (answers[step.id] === undefined && step.initial !== undefined) {
				answers[step.id] = step.initial;
				changed = true;
			}
		}
		if (!changed) break;
	}
	return answers;
}

/** Intent ids: the plan's own id plus the answers, so one dialog's one decision is one request. */
export function intentId(planId: string, answers: Answers): string {
	const keys = Object.keys(answers).sort();
	return `${planId}:${JSON.stringify(keys.map(key => [key, answers[key]]))}`;
}
