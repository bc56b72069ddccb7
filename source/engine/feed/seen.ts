/**
 * Pipelines "seen through events": an event from an account and region no source reads (no
 * profile is configured for it) still tells its pipeline's status. The row is built from the
 * events alone: no stages, no approval, no definition, and no source to act through, so the
 * action layer refuses it (actions/availability.ts). Once a source of that account and region
 * reads the pipeline itself, the seen row goes (the real one has it all).
 */

import {pipelineKeyOf, seenProfileOf, sourceKeyOf} from '../../format/keys.js';
import type {FleetUpdate} from '../../store/reducers.js';
import type {PipelineEntry} from '../../store/types.js';
import type {FeedEvent} from './event.js';
import {provisionalPatch} from './provisional.js';

export function seenKeyOf(event: Pick<FeedEvent, 'account' | 'region' | 'pipeline'>): string {
	return pipelineKeyOf(seenProfileOf(event.account), event.region, event.pipeline);
}

function blankEntry(event: FeedEvent): PipelineEntry {
	const profile = seenProfileOf(event.account);
	return {
		key: seenKeyOf(event),
		sourceKey: sourceKeyOf(profile, event.region),
		profile,
		region: event.region,
		accountId: event.account,
		name: event.pipeline,
		variables: [],
		stages: [],
		attention: 'unknown',
		stale: false,
		seenThroughEvents: true,
	};
}

/**
 * The seen rows, kept here as well as in the store: events of one batch reach the store together,
 * so each must build on the one before it, not on the store's older row.
 */
export class SeenPipelines {
	private readonly rows = new Map<string, PipelineEntry>();

	/**
	 * The row after one event. A stage or action event of an execution other than the row's latest
	 * says that execution runs, when it started later (its pipeline event may come later, or never:
	 * delivery has no order). The row's read time is the event's arrival.
	 */
	apply(event: FeedEvent, now: number): FleetUpdate {
		const key = seenKeyOf(event);
		const entry = this.rows.get(key) ?? blankEntry(event);
		const newRun = event.kind !== 'pipeline' && event.executionId !== undefined && event.executionId !== entry.latestExecution?.executionId;
		const patch = provisionalPatch(entry, newRun ? {...event, kind: 'pipeline', state: 'STARTED'} : event);
		const next = {...entry, ...patch, fetchedAt: now};
		this.rows.set(key, next);
		return {type: 'pipeline', entry: next};
	}

	/**
	 * A source learnt that it reads this account in this region: every seen row of it goes, also of
	 * a pipeline whose only events came before (the source's own row has it; waiting for the next
	 * event would show the pipeline twice until then).
	 */
	forgetAccount(account: string, region: string): FleetUpdate[] {
		const updates: FleetUpdate[] = [];
		for (const [key, entry] of this.rows) {
			if (entry.accountId !== account || entry.region !== region) continue;
			this.rows.delete(key);
			updates.push({type: 'pipelineRemove', key});
		}
		return updates;
	}

	/** A source reads the pipeline now: its seen row goes (undefined: there was none). */
	forget(event: FeedEvent): FleetUpdate | undefined {
		const key = seenKeyOf(event);
		if (!this.rows.delete(key)) return undefined;
		return {type: 'pipelineRemove', key};
	}
}
