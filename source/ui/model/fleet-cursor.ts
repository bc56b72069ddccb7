/**
 * The fleet's cursor across a change of filter: it stays on the pipeline selected before the
 * change while that one is still shown (clearing the filter keeps it), else goes to the top.
 */
import type {FleetState} from '../../store/types.js';
import {visibleOrder} from './fleet-queries.js';
import type {Scroll, UiState} from './ui-store.js';
import {resolveCursor} from './window.js';

/** Call before changing the filter; apply the result to the fleet entry after. */
export function fleetScrollKeepingSelection(ui: UiState, fleet: FleetState): Scroll {
	const keys = visibleOrder(fleet, ui);
	const id = keys[resolveCursor(keys, ui.stack[0].cursor)];
	return {cursor: {index: 0, id}, offset: 0};
}
