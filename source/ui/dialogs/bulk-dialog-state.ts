/**
 * The bulk-action dialog as a pure state machine: its questions (asked once for every target,
 * through the single dialog's own state machine), the pre-flight table, one confirmation, the
 * results as they come. The same rules as a single dialog: only `y` on the pre-flight sends,
 * Enter never does, and once sending, no key can send again.
 */
import type {BulkPlan} from '../../actions/bulk-plan.js';
import {sendable} from '../../actions/bulk-plan.js';
import type {BulkResult} from '../../actions/bulk-run.js';
import {bulkSteps, type BulkKind} from '../../actions/bulk-steps.js';
import type {Plan} from '../../actions/plan.js';
import type {ActionIntent, Answers} from '../../actions/types.js';
import {initialDialogState, onKey, prepared, type DialogKey, type DialogState} from './dialog-state.js';

export type BulkPhase =
	| {kind: 'questions'; dialog: DialogState}
	| {kind: 'preflight'; plan: BulkPlan; error?: string}
	| {kind: 'sending'; plan: BulkPlan; results: BulkResult[]}
	| {kind: 'result'; plan: BulkPlan; results: BulkResult[]; notes: string[]};

export type BulkDialogState = {kind: BulkKind; answers: Answers; phase: BulkPhase};

export type BulkEffect = {kind: 'send'; plan: BulkPlan} | {kind: 'close'} | undefined;

/** Builds the pre-flight plan for these answers from the latest state (the component's closure over the store). */
export type MakePlan = (answers: Answers) => BulkPlan;

// The questions are asked by the single dialog's machine, as a plan that is never built into a request:
// its confirm step is where the bulk dialog takes over with the pre-flight table.
const placeholder = {id: 'bulk-questions', summary: ''} as ActionIntent;

function questionsPlan(kind: BulkKind): Plan {
	return {
		command: kind === 'freeze' ? 'transition' : kind,
		target: {pipelineKey: '', sourceKey: '', profile: '', region: '', pipelineName: ''},
		title: '',
		details: [],
		steps: answers => bulkSteps(kind, answers),
		build: () => placeholder,
	};
}

function afterQuestions(kind: BulkKind, dialog: DialogState, makePlan: MakePlan): BulkDialogState {
	if (dialog.phase.kind === 'confirm') return {kind, answers: dialog.answers, phase: {kind: 'preflight', plan: makePlan(dialog.answers)}};
	return {kind, answers: dialog.answers, phase: {kind: 'questions', dialog}};
}

export function initialBulkState(kind: BulkKind, makePlan: MakePlan): BulkDialogState {
	return afterQuestions(kind, prepared(initialDialogState, {ok: true, plan: questionsPlan(kind)}), makePlan);
}

export function onBulkKey(state: BulkDialogState, key: DialogKey, makePlan: MakePlan): {state: BulkDialogState; effect: BulkEffect} {
	const {phase} = state;
	switch (phase.kind) {
		case 'questions': {
			const {state: dialog, effect} = onKey(phase.dialog, key);
			if (effect?.kind === 'close') return {state, effect};
			return {state: afterQuestions(state.kind, dialog, makePlan), effect: undefined};
		}
		case 'preflight': {
			if (key.command === 'dialogCancel' || key.command === 'dialogDecline') return {state, effect: {kind: 'close'}};
			if (key.command === 'dialogEdit' && bulkSteps(state.kind, state.answers).length > 0) {
				// Back to the first question with the answers kept, as the single dialog's `e` does.
				const confirm: DialogState = {plan: questionsPlan(state.kind), answers: state.answers, phase: {kind: 'confirm', intent: placeholder}};
				return {state: {...state, phase: {kind: 'questions', dialog: onKey(confirm, key).state}}, effect: undefined};
			}
			if (key.command === 'dialogNext') return {state: {...state, phase: {...phase, error: 'Enter does not confirm here: press y, or Esc to cancel'}}, effect: undefined};
			if (key.command !== 'dialogConfirm') return {state, effect: undefined};
			if (sendable(phase.plan).length === 0) return {state: {...state, phase: {...phase, error: 'Nothing to send: every target is left out (Esc closes)'}}, effect: undefined};
			return {state: {...state, phase: {kind: 'sending', plan: phase.plan, results: []}}, effect: {kind: 'send', plan: phase.plan}};
		}
		case 'sending':
			// The requests are on their way: nothing may send them again or hide their outcome.
			return {state, effect: undefined};
		case 'result':
			return {state, effect: key.command === 'dialogCancel' || key.command === 'dialogNext' ? {kind: 'close'} : undefined};
	}
}

/** A target's result arrived while sending. */
export function bulkProgress(state: BulkDialogState, result: BulkResult): BulkDialogState {
	if (state.phase.kind !== 'sending') return state;
	return {...state, phase: {...state.phase, results: [...state.phase.results, result]}};
}

/** Every result is in; `notes` say what else was done (the freeze record written). */
export function bulkFinished(state: BulkDialogState, results: BulkResult[], notes: string[] = []): BulkDialogState {
	if (state.phase.kind !== 'sending') return state;
	return {...state, phase: {kind: 'result', plan: state.phase.plan, results, notes}};
}
