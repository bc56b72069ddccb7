/**
 * What the cursor is on, as each view reports it. The keymap decides from it whether a command
 * applies now (and why not), and the shell builds operator-action requests from it.
 */
import type {ActionRequest, OperatorCommand} from '../../actions/types.js';
import type {FleetState, PipelineEntry, PipelineKey} from '../../store/types.js';
import {waitingApproval} from '../../store/attention.js';

export type Selection = {
	pipelineKey?: PipelineKey;
	stageName?: string;
	actionName?: string;
	executionId?: string;
	actionExecutionId?: string;
	/** The source (profile/region) under the cursor of the sources view. */
	sourceKey?: string;
	/** Why `l` cannot open a log for what is selected (undefined: it can). */
	logUnavailable?: string;
	/** Why Enter does nothing on what is selected (undefined: it opens something). */
	openUnavailable?: string;
	/** Lines a text view holds (logs, definition), for the pager and search keys. */
	lineCount?: number;
	/** The active search of a text view. */
	search?: string;
};

/**
 * The stage and action a fleet row stands for: the failed one, else the approval waiting, else
 * what runs, else the last stage (so `l` on a pipeline opens the log that explains its state).
 */
function focusOfPipeline(entry: PipelineEntry): {stageName?: string; actionName?: string} {
	const stages = entry.stages;
	for (const wanted of ['Failed', 'approval', 'InProgress'] as const) {
		for (const stage of stages) {
			if (wanted === 'approval') {
				const approval = waitingApproval(stage);
				if (approval) return {stageName: stage.name, actionName: approval.name};
				continue;
			}
			if (stage.status !== wanted) continue;
			const action =
				stage.actions.find(candidate => candidate.status === wanted) ??
				stage.actions.find(candidate => candidate.status !== undefined);
			return {stageName: stage.name, actionName: action?.name};
		}
	}
	for (let index = stages.length - 1; index >= 0; index--) {
		const stage = stages[index];
		const ran = [...stage.actions].reverse().find(action => action.status !== undefined);
		if (ran) return {stageName: stage.name, actionName: ran.name};
	}
	return {};
}

/** The selection of a fleet row. */
export function fleetSelection(entry: PipelineEntry | undefined): Selection {
	if (!entry) return {openUnavailable: 'no pipeline selected', logUnavailable: 'no pipeline selected'};
	const focus = focusOfPipeline(entry);
	return {
		pipelineKey: entry.key,
		...focus,
		executionId: entry.latestExecution?.executionId,
		logUnavailable: focus.actionName ? undefined : 'no action has run yet',
	};
}

/**
 * The request an operator key makes from what is selected: each command takes the fields it
 * needs. Approve goes to the approval that waits when the cursor is elsewhere in the pipeline.
 */
export function actionRequest(
	command: OperatorCommand,
	selection: Selection,
	state: FleetState,
): ActionRequest | undefined {
	const {pipelineKey, stageName, actionName, executionId} = selection;
	if (!pipelineKey) return undefined;
	switch (command) {
		case 'approve': {
			const entry = state.pipelines[pipelineKey];
			const selected = entry?.stages.find(stage => stage.name === stageName);
			const isWaiting = selected && waitingApproval(selected)?.name === actionName;
			if (!isWaiting && entry) {
				for (const stage of entry.stages) {
					const approval = waitingApproval(stage);
					if (approval) return {command, pipelineKey, stageName: stage.name, actionName: approval.name, executionId: stage.executionId};
				}
			}
			return {command, pipelineKey, stageName, actionName, executionId};
		}
		case 'retry':
		case 'transition':
		case 'rollback':
		case 'override':
			return {command, pipelineKey, stageName, executionId};
		case 'stop':
			return {command, pipelineKey, executionId};
		case 'start':
			return {command, pipelineKey};
	}
}
