/**
 * The engine's side of the change feed: builds the consumer over the queue's API, routes each
 * event to the sources that read its pipeline, and sets the idle cadence by the feed's health.
 * While the feed is healthy an idle pipeline is read only as a safety net (default every 10
 * minutes, longer for a fleet too big for its call budget: safety-net.ts): a change would have
 * come as an event, and so is one on screen with nothing in progress. Pipelines running, waiting
 * for approval or evaluating a condition keep the active cadence (approval tokens and condition
 * results are not in events).
 */

import {createQueueApi, type CallEvent, type QueueSpec} from '../../aws/index.js';
import type {Clock} from '../../shared/clock.js';
import type {FleetUpdate} from '../../store/reducers.js';
import type {PipelineEntry} from '../../store/types.js';
import type {Intervals} from '../types.js';
import {FeedConsumer} from './consumer.js';
import {provisionalPatch} from './provisional.js';
import {routeEvent, type FeedReader} from './route.js';
import {DEFAULT_SAFETY_NET_CALLS_PER_MINUTE, DEFAULT_SAFETY_NET_MS, safetyNetPeriod, TAG_PERIODS_PER_READ} from './safety-net.js';
import {SeenPipelines} from './seen.js';

export type FeedOptions = {
	queue: QueueSpec;
	/** Idle pipelines are read this often while the feed is healthy (default 10 minutes), or less often: */
	safetyNetMs?: number;
	/** ...so that the safety net's reads average at most this many a minute (default 40; safety-net.ts). */
	safetyNetCallsPerMinute?: number;
	/** No event for this long: the feed is taken as silent and polling resumes (default 1 hour; 0: never). */
	silenceMs?: number;
	/** Pipelines of accounts no profile reads appear, status only, from their events (default true). */
	seenThroughEvents?: boolean;
};

const DEFAULT_SILENCE_MS = 3_600_000;

export type FeedReaderHost = FeedReader & {
	/**
	 * The feed became trusted or not (the idle interval changed with it): on distrust, pull in
	 * pipelines now due sooner than their old schedule.
	 */
	trustFeed(trusted: boolean): void;
};

export type AttachOptions = {
	feed: FeedOptions;
	clock: Clock;
	/** The engine's intervals, shared with every runner: the feed makes `idle` and `tags` follow its health. */
	intervals: Intervals;
	readers: () => Iterable<FeedReaderHost>;
	/** Pipelines the engine reads now (the safety net's period grows with them). */
	pipelines: () => number;
	emit: (update: FleetUpdate) => void;
	/** The row the store has now. */
	pipeline: (key: string) => PipelineEntry | undefined;
	/** Every call, for the engine's counters. */
	record: (event: CallEvent) => void;
	onCall: (begin: boolean) => void;
	timeoutMs: number;
};

export type AttachedFeed = {
	consumer: FeedConsumer;
	/** A source learnt the account it reads in this region: pipelines seen through events there are its own. */
	accountRead(account: string, region: string): void;
};

export function attachFeed(options: AttachOptions): AttachedFeed {
	const {intervals} = options;
	const pollingIdle = intervals.idle;
	const pollingTags = intervals.tags;
	const floor = Math.max(pollingIdle, options.feed.safetyNetMs ?? DEFAULT_SAFETY_NET_MS);
	const budget = options.feed.safetyNetCallsPerMinute ?? DEFAULT_SAFETY_NET_CALLS_PER_MINUTE;
	let trustedNow = false;
	// Getters, not values set once: the fleet grows with every listing, and every reader of the
	// intervals (the cadence, stale marks, tag refreshes) must see the same period at the same time.
	Object.defineProperty(intervals, 'idle', {enumerable: true, get: () => (trustedNow ? safetyNetPeriod(floor, budget, options.pipelines()) : pollingIdle)});
	Object.defineProperty(intervals, 'tags', {enumerable: true, get: () => (trustedNow ? TAG_PERIODS_PER_READ * intervals.idle : pollingTags)});
	const seen = options.feed.seenThroughEvents === false ? undefined : new SeenPipelines();
	const consumer = new FeedConsumer({
		clock: options.clock,
		api: createQueueApi(options.feed.queue, options.record),
		emit: options.emit,
		apply(event) {
			const {marked, owned} = routeEvent(event, options.readers());
			// Until the re-read answers, the row shows what the event says (a new run, its end).
			for (const key of marked) {
				const patch = provisionalPatch(options.pipeline(key), event);
				if (patch) options.emit({type: 'pipelinePatch', key, patch});
			}
			if (!seen) return marked.length > 0;
			if (owned) {
				const gone = seen.forget(event);
				if (gone) options.emit(gone);
				return marked.length > 0;
			}
			// No source of this region is known to read the account (one whose account is not known
			// yet may still find it by listing: then the seen row goes at the next event).
			options.emit(seen.apply(event, options.clock.now()));
			return true;
		},
		trusted(trusted) {
			trustedNow = trusted;
			for (const reader of options.readers()) reader.trustFeed(trusted);
		},
		silenceMs: options.feed.silenceMs ?? DEFAULT_SILENCE_MS,
		timeoutMs: options.timeoutMs,
		onCall: options.onCall,
	});
	return {
		consumer,
		accountRead(account, region) {
			for (const update of seen?.forgetAccount(account, region) ?? []) options.emit(update);
		},
	};
}
