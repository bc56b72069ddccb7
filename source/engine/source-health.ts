/**
 * Whether a source works, and when to try a failed one again. A source fails on a source-wide
 * error (credentials, access, a region not answering) or after too many blips in a row; it is
 * tried again after `backoff`, doubling up to `maxBackoff` while the probes keep failing.
 */

import type {ClassifiedError} from '../aws/index.js';
import type {SourceError, SourceHealth} from '../store/types.js';

/** What the store keeps of an error: code, message and what to do (never the raw SDK error). */
export function toSourceError(error: ClassifiedError): SourceError {
	return {code: error.code, message: error.message, ...(error.hint ? {hint: error.hint} : {})};
}

/** Consecutive transient failures (5xx, damaged answers) across a source before it counts as failed. */
const SOURCE_TRANSIENT_LIMIT = 5;
/** Failed listings in a row (transient ones) before the source counts as failed. */
const DISCOVERY_FAILURE_LIMIT = 3;

export class SourceHealthState {
	health: SourceHealth = 'loading';
	retryAt: number | undefined;
	private failures = 0;
	private transient = 0;
	private discoveryFailures = 0;
	private timeouts = 0;
	private answered = false;

	constructor(private readonly backoff: {backoff: number; maxBackoff: number}) {}

	get failed(): boolean {
		return this.health === 'failed';
	}

	/**
	 * Takes the source out; returns false when it was out already (one failure among the calls in
	 * flight is enough). A failed probe counts again and doubles the wait.
	 */
	fail(now: number, probe: boolean): boolean {
		if (this.health === 'failed' && !probe) return false;
		this.failures++;
		this.health = 'failed';
		this.retryAt = now + Math.min(this.backoff.maxBackoff, this.backoff.backoff * 2 ** (this.failures - 1));
		return true;
	}

	/** The listing answered: back in business. Returns whether it was failed until now. */
	listed(): boolean {
		const recovered = this.health === 'failed';
		this.failures = 0;
		this.transient = 0;
		this.discoveryFailures = 0;
		this.timeouts = 0;
		this.answered = true;
		this.retryAt = undefined;
		if (this.health !== 'stale') this.health = 'ok';
		return recovered;
	}

	/** A call answered. */
	succeeded(): void {
		this.transient = 0;
		this.timeouts = 0;
		this.answered = true;
	}

	/**
	 * A call got no answer in time. A source that never answered, or timed out twice in a row, is
	 * down (a dead region); one slow call among answers is a blip.
	 */
	timedOut(): boolean {
		this.timeouts++;
		return !this.answered || this.timeouts >= 2;
	}

	/** A blip; true when there were too many in a row. */
	blip(): boolean {
		this.transient++;
		return this.transient >= SOURCE_TRANSIENT_LIMIT;
	}

	/** A listing failed transiently; returns the wait before the next one, or undefined to give up. */
	listingBlip(): number | undefined {
		this.discoveryFailures++;
		return this.discoveryFailures >= DISCOVERY_FAILURE_LIMIT ? undefined : 1000 * 2 ** (this.discoveryFailures - 1);
	}
}
