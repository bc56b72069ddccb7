/**
 * `]` and `[`: the next (or previous) item that needs someone, from the cursor, wrapping around:
 * in the fleet a pipeline that failed or waits for approval, in the grid an action that failed
 * or waits for approval.
 */
import type {FleetState, PipelineKey} from '../../store/types.js';
import {isWaitingApproval} from '../../store/attention.js';
import {actionId} from './action-order.js';

/** The index of the next flagged item after `from` in `direction`, or undefined when none is. */
export function stepToFlagged(flags: readonly boolean[], from: number, direction: 1 | -1): number | undefined {
	const count = flags.length;
	for (let step = 1; step <= count; step++) {
		const index = (((from + direction * step) % count) + count) % count;
		if (flags[index]) return index;
	}
	return undefined;
}

export function fleetFlags(state: FleetState, keys: readonly PipelineKey[]): boolean[] {
	return keys.map(key => {
		const attention = state.pipelines[key]?.attention;
		return attention === 'failed' || attention === 'approval';
	});
}

export function actionFlags(state: FleetState, key: PipelineKey, ids: readonly string[]): boolean[] {
	const flagged = new Set<string>();
	for (const stage of state.pipelines[key]?.stages ?? []) {
		for (const action of stage.actions) if (action.status === 'Failed' || isWaitingApproval(action)) flagged.add(actionId(stage.name, action.name));
	}
	return ids.map(id => flagged.has(id));
}

export const attentionDirection = (command: string): 1 | -1 | undefined =>
	command === 'nextAttention' ? 1 : command === 'prevAttention' ? -1 : undefined;

export const nothingToStepTo = 'nothing failed or waiting';
