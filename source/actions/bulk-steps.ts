/**
 * The questions a bulk action asks once for all its targets (the console's bulk dialog; the
 * headless commands answer them with flags), and the spec their answers make. Each target's own
 * plan still checks the answers (checkAnswers) before anything is sent.
 */
import type {BulkCommand, BulkSpec} from './bulk-plan.js';
import {pinStepId} from './start.js';
import {directionStepId, reasonStepId} from './transition.js';
import type {ActionStep, Answers} from './types.js';
import {approvalSummary, stopReason, transitionReason} from './validate.js';

/** A bulk action as the console opens it: one of the bulk commands, or a freeze. */
export type BulkKind = BulkCommand | 'freeze';

export const stagePatternStepId = 'stages';

function stagePattern(value: string): string | undefined {
	return value.trim() === '' ? 'name the stages, e.g. Prod* (* and ? match any characters)' : undefined;
}

const patternStep: ActionStep = {kind: 'text', id: stagePatternStepId, label: 'Stages (e.g. Prod*)', validate: stagePattern};

export function bulkSteps(kind: BulkKind, answers: Answers): ActionStep[] {
	switch (kind) {
		case 'approve':
			return [
				{kind: 'choice', id: 'decision', label: 'Decision for every target', options: [{value: 'approve', label: 'Approve'}, {value: 'reject', label: 'Reject'}]},
				{kind: 'text', id: 'summary', label: 'Summary', validate: approvalSummary},
			];
		case 'retry':
			return [{kind: 'choice', id: 'mode', label: 'Retry', options: [{value: 'failed', label: 'Failed actions only'}, {value: 'all', label: 'All actions'}]}];
		case 'stop':
			return [
				{kind: 'choice', id: 'mode', label: 'How', options: [{value: 'wait', label: 'Stop and wait'}, {value: 'abandon', label: 'Stop and abandon'}]},
				{kind: 'text', id: 'reason', label: 'Reason (optional)', validate: stopReason},
			];
		case 'start':
			return [];
		case 'transition':
			return [
				{kind: 'choice', id: directionStepId, label: 'Transition', options: [{value: 'disable', label: 'Disable'}, {value: 'enable', label: 'Enable'}]},
				patternStep,
				...(answers[directionStepId] === 'enable' ? [] : [{kind: 'text', id: reasonStepId, label: 'Reason', validate: transitionReason} as const]),
			];
		case 'freeze':
			return [patternStep, {kind: 'text', id: reasonStepId, label: 'Reason (e.g. INC-123)', validate: transitionReason}];
	}
}

export function bulkSpec(kind: BulkKind, answers: Answers): BulkSpec {
	if (kind === 'freeze') return {command: 'transition', stagePattern: answers[stagePatternStepId], answers: {[directionStepId]: 'disable', [reasonStepId]: answers[reasonStepId] ?? ''}};
	if (kind === 'transition') {
		const {[stagePatternStepId]: pattern, ...rest} = answers;
		return {command: kind, stagePattern: pattern, answers: rest};
	}
	if (kind === 'start') return {command: kind, answers: {[pinStepId]: '-'}};
	return {command: kind, answers};
}
