/**
 * The action a "why" question is about, from what the cursor is on: a run of an execution (its
 * action execution) or an action of the pipeline's state (its latest run).
 */
import {subjectOfAction, subjectOfRun} from '../../engine/why/subject.js';
import type {CauseSubject} from '../../engine/why/types.js';
import type {FleetState} from '../../store/types.js';
import {executionRuns} from './fleet-queries.js';
import type {Selection} from './selection.js';
import type {ViewEntry} from '../views/registry.js';

export function causeSubjectFor(view: string, selection: Selection, state: FleetState): CauseSubject | undefined {
	const {pipelineKey, stageName, actionName} = selection;
	const entry = pipelineKey ? state.pipelines[pipelineKey] : undefined;
	if (!entry || !stageName || !actionName) return undefined;
	const stage = entry.stages.find(each => each.name === stageName);
	const action = stage?.actions.find(each => each.name === actionName);
	if (view === 'execution' && selection.executionId) {
		const run = executionRuns(state, entry.key, selection.executionId).find(each => each.actionExecutionId === selection.actionExecutionId);
		if (run) return subjectOfRun(entry, run, action);
	}
	return stage && action ? subjectOfAction(entry, stage, action) : undefined;
}

/** The cause view `w` opens (and `l` on a failed action): placed at its first error once read. */
export function causeEntryFor(view: string, selection: Selection, state: FleetState): ViewEntry | undefined {
	const subject = causeSubjectFor(view, selection, state);
	return subject ? {kind: 'cause', subject, failedOnly: false, cursor: {index: 0}, offset: 0} : undefined;
}

/** `l` on a failed action answers "why" rather than showing the plain log. */
export function isFailedSelection(view: string, selection: Selection, state: FleetState): boolean {
	return causeSubjectFor(view, selection, state)?.status === 'Failed';
}
