/**
 * How often a pipeline is read and how urgently: on screen or with anything in progress (a run,
 * a stop, an approval waiting) at the active cadence, everything else at the idle one.
 */

import {Priority} from './defaults.js';
import type {Tracked} from './tracked.js';
import type {Intervals} from './types.js';

function isActive(t: Tracked, focused: boolean): boolean {
	if (t.dirty || focused) return true;
	if (t.attention === 'running' || t.attention === 'approval') return true;
	const status = t.summary?.status;
	return status === 'InProgress' || status === 'Stopping';
}

export function intervalOf(t: Tracked, focused: boolean, intervals: Intervals): number {
	return isActive(t, focused) ? intervals.active : intervals.idle;
}

/** Asked for by the operator first, then on screen, then active (and first reads), then idle. */
export function priorityOf(t: Tracked, focused: boolean): number {
	if (t.urgent) return Priority.user;
	if (focused) return Priority.focus;
	if (!t.settled || isActive(t, focused)) return Priority.active;
	return Priority.idle;
}
