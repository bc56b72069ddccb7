/**
 * The listing of one source's pipelines (ListPipelines) and the source's health. A listing adds
 * the pipelines it finds and drops the ones it no longer finds; a source-wide error, a failed
 * probe or too many failed listings in a row take the whole source out until `health.retryAt`,
 * when the next listing is its probe. The runner (source-runner.ts) decides when to list; this
 * module decides what a listing, or its failure, changes, and when the source is stale or loaded.
 */

import {isSourceLevel, type AwsSourceSpec, type ClassifiedError} from '../aws/index.js';
import {pipelineKeyOf} from '../format/keys.js';
import type {FleetUpdate} from '../store/reducers.js';
import {refusesKeys} from '../store/source-standing.js';
import type {SourceHealth} from '../store/types.js';
import {BudgetCancelled} from './budget.js';
import {Priority} from './defaults.js';
import {listAllPipelines, type Listed} from './discovery.js';
import {toSourceError, type SourceHealthState} from './source-health.js';
import {refreshTags, type TagHost} from './tags.js';
import {newTracked, type Tracked} from './tracked.js';
import type {Intervals} from './types.js';

/**
 * What a listing may touch of its runner, and no more: the runner keeps its schedule private and
 * lends these (a listing never sees the runner itself, so no import cycle either).
 */
export interface ListingHost extends TagHost {
	readonly key: string;
	readonly spec: AwsSourceSpec;
	/** Found by `--region all`: a region refusing the keys there is asked again on the discovery cadence. */
	readonly swept?: 'home' | 'other';
	readonly intervals: Intervals;
	/** Data older than this many intervals is stale. */
	readonly staleFactor: number;
	readonly health: SourceHealthState;
	now(): number;
	emit(update: FleetUpdate): void;
	/** The engine keeps an index of pipeline key -> runner. */
	onMembership(key: string, present: boolean): void;
	reschedule(t: Tracked, at: number): void;
	/** The pipeline's poll interval at its cadence now. */
	intervalOf(t: Tracked): number;
	/** Runs the runner's loop again: the listing's due time or the source's health changed. */
	wake(): void;
	/** Drops the calls still waiting for the source's budget. */
	cancelWaiting(): void;
	isStopped(): boolean;
	/** Another source reads this account and region (the runner's standBy). */
	isStandingBy(): boolean;
}

export class SourceListing {
	/** The source's pipelines, by name: what the last listing found, less those deleted since. */
	readonly pipelines = new Map<string, Tracked>();
	/** A listing is under way: the loop starts no second one. */
	discovering = false;
	/** When the next routine listing is due (a failed source waits for `health.retryAt` instead). */
	dueAt = 0;
	constructor(private readonly host: ListingHost) {}

	async discover(): Promise<void> {
		const {host} = this;
		this.discovering = true;
		const probe = host.health.failed;
		// The first listing and a probe of a failed source go before routine reads.
		const priority = probe || host.health.health === 'loading' ? Priority.active : Priority.discovery;
		try {
			this.reconcile(await listAllPipelines(host.api, (operation, send) => host.call(priority, operation, send)));
			this.dueAt = host.now() + host.intervals.discovery;
			this.refreshTagsWhenDue();
		} catch (error) {
			this.discoveryFailed(error, probe);
		} finally {
			this.discovering = false;
			host.wake();
		}
	}

	/**
	 * Tags change rarely: a listing refreshes a pipeline's tags once per tag period (the discovery
	 * cadence, nor more often than an idle read; with the change feed healthy, several of its safety
	 * net's periods: otherwise tags would be most of the calls of a fleet at rest), each pipeline
	 * from when it was last asked. Half a listing early counts as due (the next listing would be
	 * late), a listing out of turn (an event asked) finds few due.
	 */
	private refreshTagsWhenDue(): void {
		const {host} = this;
		const now = host.now();
		const period = host.intervals.tags ?? Math.max(host.intervals.discovery, host.intervals.idle);
		const dueBy = now + host.intervals.discovery / 2;
		const due = [...this.pipelines.values()].filter(t => t.tagsAt !== undefined && t.tagsAt + period <= dueBy);
		if (due.length > 0) void refreshTags(host, due);
	}

	/** The tags of every pipeline not asked yet: the first load is over (tags.ts). */
	readFirstTags(): void {
		const {host} = this;
		if (host.isStopped() || host.isStandingBy() || host.health.failed) return;
		const unasked = [...this.pipelines.values()].filter(t => t.tagsAt === undefined);
		if (unasked.length > 0) void refreshTags(host, unasked);
	}

	private reconcile(listed: Map<string, Listed>): void {
		const {host} = this;
		// A listing that was under way when the source stood by: its pipelines are read elsewhere.
		if (host.isStandingBy()) return;
		const now = host.now();
		for (const [name, summary] of listed) {
			let t = this.pipelines.get(name);
			if (!t) {
				t = newTracked(name, pipelineKeyOf(host.spec.profile, host.spec.region, name), now);
				this.pipelines.set(name, t);
				host.onMembership(t.key, true);
				host.writeEntry(t);
				host.reschedule(t, now);
			}
			// A definition edit is in no event: the listing's version shows it, read it now, not on the safety net.
			const known = t.definition?.version;
			if (known !== undefined && summary.version !== undefined && summary.version > known && !t.polling) host.reschedule(t, now);
			t.listed = summary;
		}
		for (const t of [...this.pipelines.values()]) if (!listed.has(t.name)) this.remove(t);
		const recovered = host.health.listed();
		host.emit({type: 'sourcePatch', key: host.key, patch: {health: host.health.health, error: undefined, retryAt: undefined, listedAt: now, pipelineCount: this.pipelines.size}});
		// Back from a failure: read everything again now rather than at each pipeline's old due time.
		if (recovered) for (const t of this.pipelines.values()) host.reschedule(t, now);
	}

	private discoveryFailed(error: unknown, probe: boolean): void {
		const {host} = this;
		if (error instanceof BudgetCancelled || host.isStopped()) return;
		const classified = host.api.classify(error);
		if (classified.kind === 'aborted') return;
		if (classified.kind === 'timeout' && !probe && !host.health.timedOut()) {
			this.dueAt = host.now() + 1000;
			return;
		}
		if (isSourceLevel(classified.kind) || probe) {
			this.failSource(classified, probe);
			return;
		}
		if (classified.kind === 'throttle') {
			this.dueAt = host.now() + 1000;
			return;
		}
		const wait = host.health.listingBlip();
		if (wait === undefined) this.failSource(classified, false);
		else this.dueAt = host.now() + wait;
	}

	/** Forgets a pipeline (gone from the listing, deleted, or the source stood by) and takes its row away. */
	remove(t: Tracked): void {
		this.pipelines.delete(t.name);
		t.gen++;
		this.host.emit({type: 'pipelineRemove', key: t.key});
		this.host.onMembership(t.key, false);
	}

	/** Takes the source out until retryAt; a failed probe doubles the wait (up to maxBackoff). */
	failSource(error: ClassifiedError, probe: boolean): void {
		const {host} = this;
		if (host.isStandingBy() || !host.health.fail(host.now(), probe)) return;
		// A swept region the account has not enabled stays so for a while: the next sweep is soon enough.
		if (host.swept === 'other' && refusesKeys(error.code)) host.health.retryAt = host.now() + host.intervals.discovery;
		// Calls still queued would meet the same fate: drop them, their pipelines wait for recovery.
		host.cancelWaiting();
		host.emit({type: 'sourcePatch', key: host.key, patch: {health: 'failed', error: toSourceError(error), retryAt: host.health.retryAt}});
		host.wake();
	}

	/** Marks stale data, and the source stale when any of its pipelines is. */
	sweep(now: number): void {
		const {host} = this;
		let anyStale = false;
		for (const t of this.pipelines.values()) {
			// Most of a quiet fleet turns stale minutes from now: not worth working out every second.
			if (now < t.staleCheckAt) continue;
			const staleAt = (t.fetchedAt ?? t.discoveredAt) + host.staleFactor * host.intervalOf(t);
			const stale = now > staleAt;
			// A stale pipeline is looked at every sweep, to see it fresh again as soon as it is read.
			t.staleCheckAt = stale ? 0 : staleAt;
			anyStale ||= stale;
			if (stale === t.stale) continue;
			t.stale = stale;
			host.emit({type: 'pipelinePatch', key: t.key, patch: {stale}});
		}
		if (host.health.health === 'ok' && anyStale) this.setHealth('stale');
		else if (host.health.health === 'stale' && !anyStale) this.setHealth('ok');
	}

	/** True once the source failed, or listed and read every pipeline once (the runner adds: or stands by). */
	isLoaded(): boolean {
		if (this.host.health.health === 'failed') return true;
		if (this.host.health.health === 'loading') return false;
		for (const t of this.pipelines.values()) if (!t.settled) return false;
		return true;
	}

	private setHealth(health: SourceHealth): void {
		this.host.health.health = health;
		this.host.emit({type: 'sourcePatch', key: this.host.key, patch: {health}});
	}
}
