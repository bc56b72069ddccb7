import type {Intervals} from './types.js';

/** Default cadence, in ms (config `intervals.*Seconds` overrides the first four). */
export const DEFAULT_INTERVALS: Intervals = {
	active: 5_000,
	idle: 60_000,
	discovery: 300_000,
	logFollow: 2_000,
	backoff: 5_000,
	// A failed source is probed at least once per idle cycle, so it is back within one cycle of
	// the fault ending, at the cost of one ListPipelines a minute per failed source.
	maxBackoff: 60_000,
};

/** Data older than this many times its interval is marked stale. */
export const STALE_FACTOR = 2.5;

/** A call with no answer after this long is abandoned (a dead region, a black-holed network). */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/**
 * Request budget per source. AWS publishes no CodePipeline rate figures, so these only set where
 * the adaptive rate starts and its bounds; the budget finds the real limit from throttles.
 */
export const DEFAULT_BUDGET = {
	/** Calls per second at start; grows quickly (doubling each second) until the first throttle. */
	initialRate: 5,
	minRate: 0.2,
	/** Never above this, however well it goes: a burst of polls should not hit AWS like a load test. */
	maxRate: 20,
	/** Calls in flight at once, whatever the rate. */
	maxInFlight: 8,
};

/** Call priorities: a lower number is served first. */
export const Priority = {
	/** Asked by the operator: history, action executions, a refresh key, a log. */
	user: 0,
	/** On screen. */
	focus: 1,
	/** Running or waiting for approval, or marked dirty. */
	active: 2,
	/** ListPipelines. */
	discovery: 3,
	/**
	 * Filling in definitions and summaries during the first load, after every state is in (and
	 * before idle data is read again: a row without them lacks categories and its last trigger).
	 */
	background: 4,
	/** Nothing happening. */
	idle: 5,
} as const;
export type PriorityValue = (typeof Priority)[keyof typeof Priority];
