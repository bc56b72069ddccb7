/**
 * The change feed's part of `pipetop status --json` (docs/status-json.md): whether events carry
 * the changes (`healthy`) or pipetop polls instead (`fallback`), the queue, and the last event.
 */

import type {FeedState} from '../store/feed-types.js';
import type {SourceError} from '../store/types.js';

export type StatusFeed = {
	queueUrl: string;
	health: FeedState['health'];
	/** True while pipetop polls every pipeline at the normal cadence, not trusting the feed. */
	fallback: boolean;
	lastEventAt: string | null;
	lastEventAgeSeconds: number | null;
	lastAnswerAt: string | null;
	error: {code: string; message: string; hint: string | null} | null;
	retryAt: string | null;
	events: number;
	duplicates: number;
	outdated: number;
};

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());

function error(value: SourceError | undefined): StatusFeed['error'] {
	return value ? {code: value.code, message: value.message, hint: value.hint ?? null} : null;
}

export function statusFeed(feed: FeedState | undefined, now: number): StatusFeed | null {
	if (!feed) return null;
	return {
		queueUrl: feed.queueUrl,
		health: feed.health,
		fallback: feed.health !== 'healthy',
		lastEventAt: iso(feed.lastEventAt),
		lastEventAgeSeconds: feed.lastEventAt === undefined ? null : Math.max(0, Math.round((now - feed.lastEventAt) / 1000)),
		lastAnswerAt: iso(feed.lastAnswerAt),
		error: error(feed.error),
		retryAt: iso(feed.retryAt),
		events: feed.events,
		duplicates: feed.duplicates,
		outdated: feed.outdated,
	};
}
