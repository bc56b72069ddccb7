/**
 * What a failed poll means: for its pipeline (try again soon, show the error, or forget a deleted
 * one) and for its source (a source-wide error, or one blip too many, takes the whole source out).
 * Kept apart from the runner's loop, which only asks when to poll again.
 */

import {isSourceLevel, type ClassifiedError, type SourceApi} from '../aws/index.js';
import {BudgetCancelled} from './budget.js';
import {toSourceError, type SourceHealthState} from './source-health.js';
import type {Tracked} from './tracked.js';

/** First load: a pipeline that failed this often is shown with its error rather than waited for. */
const SETTLE_AFTER_FAILURES = 3;

/** What the policy may touch of its runner (lent by it, never the runner itself). */
export interface PollFailureHost {
	readonly api: SourceApi;
	readonly health: SourceHealthState;
	isStopped(): boolean;
	/** Takes the whole source out (source-listing.ts failSource, not as a probe). */
	failSource(error: ClassifiedError): void;
	/** The pipeline is gone: forgotten and taken off the screen. */
	untrack(t: Tracked): void;
	writeEntry(t: Tracked): void;
	/** The pipeline's poll interval at its cadence now. */
	intervalOf(t: Tracked): number;
}

/** Handles a failed poll of `t`; returns when to try again (undefined: the normal cadence). */
export function pollFailed(host: PollFailureHost, t: Tracked, error: unknown): number | undefined {
	if (error instanceof BudgetCancelled || host.isStopped()) return undefined;
	const classified = host.api.classify(error);
	if (classified.kind === 'aborted') return undefined;
	if (classified.kind === 'timeout' && !host.health.timedOut()) return 1000;
	if (isSourceLevel(classified.kind)) {
		host.failSource(classified);
		return undefined;
	}
	if (classified.kind === 'notFound') {
		host.untrack(t);
		return undefined;
	}
	// Throttled through every retry: the budget has slowed down; try again shortly, no error to show.
	if (classified.kind === 'throttle') return 1000;
	t.failures++;
	// One blip is not worth showing; the first load shows errors at once (it waits on them).
	if (t.failures >= 2 || !t.settled) {
		t.error = toSourceError(classified);
		if (t.failures >= SETTLE_AFTER_FAILURES) t.settled = true;
		host.writeEntry(t);
	}
	if (host.health.blip()) host.failSource(classified);
	// intervalOf after writeEntry: the entry just written sets the attention the cadence depends on.
	return Math.min(host.intervalOf(t), 1000 * 2 ** (t.failures - 1));
}
