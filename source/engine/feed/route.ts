/**
 * Which source reads an event's pipeline. Events name an account and a region; sources are
 * profiles, whose account is known once one of their pipelines was read. The event goes to each
 * source of that region whose account matches, and to those whose account is not known yet (a
 * listing finds out whether the pipeline is theirs). A pipeline a source does not track yet is
 * found by a listing of that source (see SourceRunner.markDirty).
 */

import {pipelineKeyInSource} from '../../format/keys.js';
import type {FeedEvent} from './event.js';

export interface FeedReader {
	readonly account: string | undefined;
	readonly region: string;
	/** When the last read of the pipeline went out (undefined: never read, or not tracked). */
	lastReadStart(name: string): number | undefined;
	markDirty(name: string): void;
	/** The source's key. */
	readonly key: string;
}

/**
 * Event times are whole seconds and clocks differ a little: a change is taken as read only when
 * it happened clearly before the last read went out.
 */
const TIME_MARGIN_MS = 2_000;

export type Routed = {
	/** The pipeline's keys where it was marked dirty (none: outdated, or nobody reads it). */
	marked: string[];
	/** Whether a source of the event's region is known to read its account. */
	owned: boolean;
};

/** Marks the pipeline dirty where it is read. */
export function routeEvent(event: FeedEvent, readers: Iterable<FeedReader>): Routed {
	const matching: FeedReader[] = [];
	for (const reader of readers) {
		if (reader.region !== event.region) continue;
		if (reader.account === event.account) matching.push(reader);
	}
	const owned = matching.length > 0;
	if (!owned) {
		for (const reader of readers) if (reader.region === event.region && reader.account === undefined) matching.push(reader);
	}
	const marked: string[] = [];
	for (const reader of matching) {
		const readAt = reader.lastReadStart(event.pipeline);
		if (readAt !== undefined && event.time + TIME_MARGIN_MS <= readAt) continue;
		reader.markDirty(event.pipeline);
		marked.push(pipelineKeyInSource(reader.key, event.pipeline));
	}
	return {marked, owned};
}
