/**
 * The order actions are shown and walked in: a pipeline's actions by stage and run order (what the
 * grid's cursor moves through), and an execution's action executions in the order they ran.
 */
import type {ActionExecutionView, ActionView, PipelineEntry, StageView} from '../../store/types.js';

/** The cursor id of an action in the pipeline view. */
export const actionId = (stageName: string, actionName: string) => `${stageName}/${actionName}`;

/** Every action of the pipeline in display order: what the cursor moves through. */
export function actionIds(entry: PipelineEntry): string[] {
	const ids: string[] = [];
	for (const stage of entry.stages) for (const group of runOrderGroups(stage)) for (const action of group) ids.push(actionId(stage.name, action.name));
	return ids;
}

export function runOrderGroups(stage: StageView): ActionView[][] {
	const groups = new Map<number, ActionView[]>();
	for (const action of stage.actions) {
		const group = groups.get(action.runOrder) ?? [];
		group.push(action);
		groups.set(action.runOrder, group);
	}
	return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/** Action executions in the order they ran (the API answers newest first). */
export function runOrder(runs: readonly ActionExecutionView[]): ActionExecutionView[] {
	return [...runs].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0) || a.actionExecutionId.localeCompare(b.actionExecutionId));
}
