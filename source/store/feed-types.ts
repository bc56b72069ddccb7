/** The change feed's state as the store holds it (the header and the sources view show it). */
import type {SourceError} from './types.js';

/**
 * The change feed (CodePipeline's events through SQS): `healthy` while the queue answers, so idle
 * pipelines are polled only as a safety net; `connecting` until its first answer; `silent` when
 * no event came for too long and `failed` when the queue refuses or cannot be reached: both poll
 * at the normal cadence until the feed answers with an event again.
 */
export type FeedHealth = 'connecting' | 'healthy' | 'silent' | 'failed';

export type FeedState = {
	health: FeedHealth;
	queueUrl: string;
	/** When the last event was read (clock ms), and when the queue last answered. */
	lastEventAt?: number;
	lastAnswerAt?: number;
	error?: SourceError;
	/** When a failed queue is asked again. */
	retryAt?: number;
	/** Events applied, and deliveries dropped as duplicates or as older than what was read. */
	events: number;
	duplicates: number;
	outdated: number;
};
