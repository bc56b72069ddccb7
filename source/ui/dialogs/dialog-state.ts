/**
 * The action dialog as a pure state machine, so its safety rules are tested without rendering:
 * nothing is sent before an explicit `y` on the confirm step, Enter never confirms (a double
 * Enter in the last field only reaches the confirm step), and once sending, only Esc acts: it
 * closes the dialog and leaves the request to finish in the background (never to be sent again).
 */
import type {Plan, Prepared} from '../../actions/plan.js';
import {checkAnswers} from '../../actions/plan.js';
import type {ActionIntent, ActionResult, ActionStep, Answers} from '../../actions/types.js';

export type DialogPhase =
	| {kind: 'loading'}
	| {kind: 'refused'; reason: string}
	| {kind: 'step'; index: number; cursor: number; text: string; error?: string}
	| {kind: 'confirm'; intent: ActionIntent; error?: string}
	| {kind: 'sending'; intent: ActionIntent}
	| {kind: 'result'; intent: ActionIntent; result: ActionResult};

export type DialogState = {phase: DialogPhase; plan?: Plan; answers: Answers};

/**
 * What the component must do after a key: send the intent, close the dialog, or close it while
 * the intent is still on its way (its outcome is then reported outside the dialog).
 */
export type DialogEffect = {kind: 'send'; intent: ActionIntent} | {kind: 'close'} | {kind: 'detach'; intent: ActionIntent} | undefined;

/** The dialog's bindings in the keymap (its `dialog` key scope). */
export type DialogCommand =
	| 'dialogNext'
	| 'dialogCancel'
	| 'dialogUp'
	| 'dialogDown'
	| 'dialogErase'
	| 'dialogConfirm'
	| 'dialogDecline'
	| 'dialogEdit'
	| 'dialogResend';

/** The key, reduced to what the dialog cares about: the binding it runs, and the text it types. */
export type DialogKey = {
	command?: DialogCommand;
	/** Printable text typed or pasted (empty for named keys). */
	text: string;
};

export const initialDialogState: DialogState = {phase: {kind: 'loading'}, answers: {}};

/** Where the dialog starts once the plan is ready: the first question, or straight to confirm. */
export function prepared(state: DialogState, result: Prepared): DialogState {
	if (!result.ok) return {...state, phase: {kind: 'refused', reason: result.reason}};
	return enterStep({plan: result.plan, answers: {}, phase: state.phase}, 0);
}

export function sent(state: DialogState, result: ActionResult): DialogState {
	if (state.phase.kind !== 'sending') return state;
	return {...state, phase: {kind: 'result', intent: state.phase.intent, result}};
}

export function currentStep(state: DialogState): ActionStep | undefined {
	if (state.phase.kind !== 'step' || !state.plan) return undefined;
	return state.plan.steps(state.answers)[state.phase.index];
}

function firstEnabled(step: ActionStep, chosen: string | undefined): number {
	if (step.kind !== 'choice') return 0;
	const previous = step.options.findIndex(option => option.value === chosen);
	if (previous >= 0) return previous;
	const enabled = step.options.findIndex(option => !option.disabledReason);
	return Math.max(0, enabled);
}

/** Shows question `index`, or the confirm step after the last one. */
function enterStep(state: DialogState, index: number): DialogState {
	const plan = state.plan as Plan;
	const steps = plan.steps(state.answers);
	const step = steps[index];
	if (!step) {
		const problem = checkAnswers(plan, state.answers);
		// Answers are checked step by step; this only trips when an earlier answer made a later one invalid.
		if (problem) return {...state, phase: {kind: 'step', index: 0, cursor: firstEnabled(steps[0], state.answers[steps[0].id]), text: '', error: problem}};
		return {...state, phase: {kind: 'confirm', intent: plan.build(state.answers)}};
	}
	const text = step.kind === 'text' ? (state.answers[step.id] ?? step.initial ?? '') : '';
	return {...state, phase: {kind: 'step', index, cursor: firstEnabled(step, state.answers[step.id]), text}};
}

function onStepKey(state: DialogState, key: DialogKey): DialogState {
	const phase = state.phase as Extract<DialogPhase, {kind: 'step'}>;
	const step = currentStep(state) as ActionStep;
	if (step.kind === 'choice') {
		const count = step.options.length;
		if (key.command === 'dialogUp') return {...state, phase: {...phase, cursor: (phase.cursor - 1 + count) % count, error: undefined}};
		if (key.command === 'dialogDown') return {...state, phase: {...phase, cursor: (phase.cursor + 1) % count, error: undefined}};
		if (key.command !== 'dialogNext') return state;
		const option = step.options[phase.cursor];
		if (option.disabledReason) return {...state, phase: {...phase, error: `${option.label}: ${option.disabledReason}`}};
		return enterStep({...state, answers: dropGone(state.plan as Plan, {...state.answers, [step.id]: option.value})}, phase.index + 1);
	}
	// In a text field every printable key types, whatever it is bound to elsewhere in the dialog.
	if (key.text) return {...state, phase: {...phase, text: phase.text + key.text.replaceAll(/[\r\n\t]/g, ' '), error: undefined}};
	if (key.command === 'dialogErase') return {...state, phase: {...phase, text: [...phase.text].slice(0, -1).join(''), error: undefined}};
	if (key.command === 'dialogNext') {
		const problem = step.validate(phase.text);
		if (problem) return {...state, phase: {...phase, error: problem}};
		return enterStep({...state, answers: {...state.answers, [step.id]: phase.text}}, phase.index + 1);
	}
	return state;
}

/** A changed choice can change the questions after it: forget answers to questions that went away. */
function dropGone(plan: Plan, answers: Answers): Answers {
	const kept = new Set(plan.steps(answers).map(step => step.id));
	return Object.fromEntries(Object.entries(answers).filter(([id]) => kept.has(id)));
}

export function onKey(state: DialogState, key: DialogKey): {state: DialogState; effect: DialogEffect} {
	const {phase} = state;
	switch (phase.kind) {
		case 'loading':
			return {state, effect: key.command === 'dialogCancel' ? {kind: 'close'} : undefined};
		case 'refused':
			return {state, effect: key.command === 'dialogCancel' || key.command === 'dialogNext' ? {kind: 'close'} : undefined};
		case 'step':
			if (key.command === 'dialogCancel') return {state, effect: {kind: 'close'}};
			return {state: onStepKey(state, key), effect: undefined};
		case 'confirm': {
			if (key.command === 'dialogCancel' || key.command === 'dialogDecline') return {state, effect: {kind: 'close'}};
			if (key.command === 'dialogEdit' && state.plan && state.plan.steps(state.answers).length > 0) return {state: enterStep(state, 0), effect: undefined};
			// Only `y` (dialogConfirm, which the keymap keeps off Enter) sends. Enter is refused on
			// purpose: it is the key that finished the last field.
			if (key.command === 'dialogConfirm') return {state: {...state, phase: {kind: 'sending', intent: phase.intent}}, effect: {kind: 'send', intent: phase.intent}};
			if (key.command === 'dialogNext') return {state: {...state, phase: {...phase, error: 'Enter does not confirm here: press y, or Esc to cancel'}}, effect: undefined};
			return {state, effect: undefined};
		}
		case 'sending':
			// The request is on its way: nothing may send it again or lose its outcome. Esc hands it
			// to the background (a hung call must not lock the console until its time limit).
			return {state, effect: key.command === 'dialogCancel' ? {kind: 'detach', intent: phase.intent} : undefined};
		case 'result': {
			const {outcome} = phase.result;
			if (phase.intent.resendSafe && (outcome === 'unknown' || outcome === 'failed') && key.command === 'dialogResend') {
				return {state: {...state, phase: {kind: 'sending', intent: phase.intent}}, effect: {kind: 'send', intent: phase.intent}};
			}
			return {state, effect: key.command === 'dialogCancel' || key.command === 'dialogNext' ? {kind: 'close'} : undefined};
		}
	}
}
