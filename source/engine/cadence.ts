/**
 * How often a pipeline is read and how urgently: with anything in progress (a run, a stop, an
 * approval waiting, a condition being evaluated) or marked dirty at the active cadence, and on
 * screen too unless the change feed is healthy; everything else at the idle one.
 */

import {Priority} from './defaults.js';
import {jitter, phaseOf, type Tracked} from './tracked.js';
import type {Intervals} from './types.js';

/** Something only the API shows moves on: a run's actions, approval tokens, condition results. */
function inProgressNow(t: Tracked): boolean {
	if (t.attention === 'running' || t.attention === 'approval') return true;
	const status = t.summary?.status;
	if (status === 'InProgress' || status === 'Stopping') return true;
	for (const stage of t.state?.stages ?? []) {
		for (const condition of stage.conditions) if (condition.status === 'InProgress') return true;
	}
	return false;
}

/**
 * Works out `t.inProgress` again: called wherever one of its inputs (attention, summary, state) is
 * written. The cadence asks it of every pipeline every second (the stale sweep), and walking the
 * entry's summary and stages there cost ~1.4 µs a pipeline in the idle console: most of the sweep.
 */
export function noteProgress(t: Tracked): void {
	const inProgress = inProgressNow(t);
	if (inProgress && !t.inProgress) cadenceMayShorten(t);
	t.inProgress = inProgress;
}

/**
 * The pipeline may be read more often from now on (it became dirty, in progress or focused, or the
 * feed stopped being trusted): its data may turn stale sooner than the sweep last worked out.
 * A longer cadence needs nothing: the sweep then looks early and works the time out again.
 */
export function cadenceMayShorten(t: Tracked): void {
	t.staleCheckAt = 0;
}

/**
 * An idle pipeline on screen needs the active cadence only while polling is all there is: with
 * the feed healthy its changes come as events (see docs/events.md, "Costs").
 */
function isActive(t: Tracked, focused: boolean, feedTrusted: boolean): boolean {
	if (t.dirty || t.inProgress) return true;
	return focused && !feedTrusted;
}

/** Read only as the change feed's safety net: idle (on screen or not) while the feed is healthy. */
export function onSafetyNet(t: Tracked, focused: boolean, feedTrusted: boolean): boolean {
	return feedTrusted && !isActive(t, focused, feedTrusted);
}

export function intervalOf(t: Tracked, focused: boolean, intervals: Intervals, feedTrusted = false): number {
	return isActive(t, focused, feedTrusted) ? intervals.active : intervals.idle;
}

/**
 * From one read's start to the next: the interval, a little early (jitter); onto the safety net,
 * at the pipeline's own phase of the period, once (t.phased), so the fleet's reads spread over it.
 */
export function gapOf(t: Tracked, focused: boolean, intervals: Intervals, feedTrusted: boolean): number {
	const interval = intervalOf(t, focused, intervals, feedTrusted);
	if (t.phased || !onSafetyNet(t, focused, feedTrusted)) return interval * (1 - jitter(t));
	t.phased = true;
	return interval * phaseOf(t);
}

/** Asked for by the operator first, then on screen, then active (and first reads), then idle. */
export function priorityOf(t: Tracked, focused: boolean): number {
	if (t.urgent) return Priority.user;
	if (focused) return Priority.focus;
	if (!t.settled || isActive(t, focused, false)) return Priority.active;
	return Priority.idle;
}
