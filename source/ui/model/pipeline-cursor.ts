/**
 * Where the pipeline view's cursor stands. A grid opened from the fleet or `:pipeline` starts on
 * what the operator came for (the failed action, else the approval waiting, else what runs), not
 * on the source action; once they move, their own choice is followed by id as everywhere else.
 */
import type {FleetState, PipelineEntry, PipelineKey} from '../../store/types.js';
import {actionId} from './action-order.js';
import {pipelineActionIds} from './fleet-queries.js';
import {resolveCursor, type Cursor} from './window.js';

/** The action that needs the operator: failed first, then an approval waiting, then one running. */
function attentionActionId(entry: PipelineEntry): string | undefined {
	const actions = entry.stages.flatMap(stage => stage.actions.map(action => ({stage, action})));
	const failed = actions.find(({action}) => action.status === 'Failed');
	const waiting = actions.find(({action}) => action.category === 'Approval' && action.status === 'InProgress');
	const running = actions.find(({action}) => action.status === 'InProgress');
	const pick = failed ?? waiting ?? running;
	return pick && actionId(pick.stage.name, pick.action.name);
}

/** A cursor nobody has moved yet (the view was just opened, maybe before its pipeline loaded). */
const untouched = (cursor: Cursor) => cursor.id === undefined && cursor.index === 0;

/** The index of the selected action in the pipeline's display order. */
export function pipelineCursorIndex(state: FleetState, key: PipelineKey, cursor: Cursor): number {
	const ids = pipelineActionIds(state, key);
	const entry = state.pipelines[key];
	if (entry && untouched(cursor)) {
		const id = attentionActionId(entry);
		const found = id === undefined ? -1 : ids.indexOf(id);
		if (found !== -1) return found;
	}
	return resolveCursor(ids, cursor);
}
