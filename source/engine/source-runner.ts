/**
 * The scheduler of one source (profile x region): one timer, one request budget, a heap of
 * pipelines by due time. It discovers pipelines (ListPipelines), polls each one at its cadence
 * (focused or active: `active`; the rest: `idle`), never two polls of one pipeline at once, and
 * takes the whole source out (with backoff) when its credentials, permissions or region fail.
 * This file is the loop (wake, poll, schedule) and what the engine asks; the listing and the
 * source's health are source-listing.ts, a failed poll poll-failure.ts, the store's rows source-entries.ts.
 */

import type {AwsSourceSpec, SourceApi} from '../aws/index.js';
import type {Clock, TimerHandle} from '../shared/clock.js';
import type {FleetUpdate} from '../store/reducers.js';
import type {SourceState} from '../store/types.js';
import {RequestBudget, type BudgetOptions} from './budget.js';
import {budgetedCall} from './calls.js';
import {cadenceMayShorten, gapOf, intervalOf, priorityOf} from './cadence.js';
import {DueQueue} from './due-queue.js';
import {pollFailed, type PollFailureHost} from './poll-failure.js';
import {pollPipeline, type PollHost} from './pipeline-poll.js';
import {SourceHealthState} from './source-health.js';
import {SourceEntries} from './source-entries.js';
import {SourceListing, type ListingHost} from './source-listing.js';
import type {Tracked} from './tracked.js';
import type {Intervals} from './types.js';

export type RunnerOptions = {
	spec: AwsSourceSpec;
	readOnly: boolean;
	/** Found by `--region all` (SourceState.swept). */
	swept?: 'home' | 'other';
	api: SourceApi;
	clock: Clock;
	intervals: Intervals;
	budget?: Partial<BudgetOptions>;
	timeoutMs: number;
	staleFactor: number;
	shutdown: AbortSignal;
	emit: (update: FleetUpdate) => void;
	onTimeout: () => void;
	/** The engine keeps an index of pipeline key -> runner. */
	onMembership: (key: string, present: boolean) => void;
	trace?: (event: TraceEvent) => void;
};

/** For tests and diagnostics: every poll's start and end. */
export type TraceEvent = {source: string; pipeline: string; phase: 'start' | 'end'; at: number};

/** Never poll a pipeline again sooner than this after its last poll ended. */
const MIN_GAP_MS = 500;

export class SourceRunner implements PollHost {
	readonly key: string;
	readonly api: SourceApi;
	readonly budget: RequestBudget;
	/** The listing's pipelines, by name (the listing adds and removes them). */
	private readonly tracked: ReadonlyMap<string, Tracked>;
	private readonly due = new DueQueue();
	private readonly focused = new Set<string>();
	private readonly health: SourceHealthState;
	private readonly listing: SourceListing;
	private readonly entries: SourceEntries;
	/** What the listing and the poll-failure policy may touch: a few lent methods, not `this`. */
	private readonly host: ListingHost & PollFailureHost;
	private timer: TimerHandle | undefined;
	/** Another source reads this account and region: this one reads nothing (see standBy). */
	private standingBy: string | undefined;
	private stopped = false;
	/** The change feed is healthy: an idle pipeline on screen is read as any idle one (cadence.ts). */
	private feedTrusted = false;

	constructor(private readonly options: RunnerOptions) {
		this.key = options.spec.key;
		this.api = options.api;
		this.budget = new RequestBudget(options.clock, options.budget);
		this.health = new SourceHealthState(options.intervals);
		const {spec, intervals, emit, onMembership, staleFactor} = options;
		this.host = {
			key: this.key, spec, swept: options.swept, api: this.api, intervals, staleFactor, health: this.health, emit, onMembership,
			now: () => this.now(),
			call: (priority, operation, send) => this.call(priority, operation, send),
			wake: () => this.wake(),
			writeEntry: t => this.writeEntry(t),
			reschedule: (t, at) => this.due.schedule(t, at),
			intervalOf: t => this.intervalOf(t),
			cancelWaiting: () => this.budget.cancelWaiting(),
			failSource: error => this.listing.failSource(error, false),
			untrack: t => this.listing.remove(t),
			isStopped: () => this.stopped, isStandingBy: () => this.standingBy !== undefined,
		};
		this.listing = new SourceListing(this.host);
		this.tracked = this.listing.pipelines;
		this.entries = new SourceEntries(this.key, spec, this.tracked, emit);
	}

	now(): number {
		return this.options.clock.now();
	}

	start(): void {
		const {spec, readOnly} = this.options;
		const source: SourceState = {key: spec.key, profile: spec.profile, region: spec.region, health: 'loading', pipelineCount: 0, readOnly, ...(this.options.swept && {swept: this.options.swept})};
		this.options.emit({type: 'source', source});
		this.listing.dueAt = this.now();
		this.wake();
	}

	stop(): void {
		this.stopped = true;
		this.options.clock.clearTimer(this.timer);
		this.budget.cancelWaiting();
	}

	// ---- what the engine asks ----

	/** The account, once a pipeline's ARN told it. */
	get account(): string | undefined {
		return this.entries.accountId;
	}

	get region(): string { return this.options.spec.region; }

	get readOnly(): boolean { return this.options.readOnly; }

	get failed(): boolean { return this.health.failed; }

	/**
	 * Another source (`primary`) reads the same account and region, e.g. an admin and a
	 * read-only profile of one account: showing both would list every pipeline twice and spend
	 * the account's request rate twice. This one stops reading and takes its rows away.
	 */
	standBy(primary: string): void {
		if (this.standingBy === primary) return;
		this.standingBy = primary;
		this.options.clock.clearTimer(this.timer);
		this.timer = undefined;
		this.budget.cancelWaiting();
		for (const t of [...this.tracked.values()]) this.listing.remove(t);
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {sameAs: primary, pipelineCount: 0}});
	}

	/** Reads again (its primary failed, say): from a fresh listing. */
	resume(): void {
		if (this.standingBy === undefined) return;
		this.standingBy = undefined;
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {sameAs: undefined}});
		this.listing.dueAt = this.now();
		this.wake();
	}

	setFocus(names: Set<string>): void {
		const added = [...names].filter(name => !this.focused.has(name));
		this.focused.clear();
		for (const name of names) this.focused.add(name);
		for (const name of added) {
			const t = this.tracked.get(name);
			if (t) cadenceMayShorten(t);
			if (t?.lastStartAt !== undefined) this.due.schedule(t, Math.min(t.dueAt, t.lastStartAt + this.intervalOf(t)));
		}
		this.wake();
	}

	/** Due now: one pipeline (ahead of everything) or all of them and the pipeline list. */
	refresh(name?: string): void {
		const now = this.now();
		if (name === undefined) {
			if (this.health.failed) this.health.retryAt = now;
			this.listing.dueAt = now;
			for (const t of this.tracked.values()) this.due.schedule(t, now);
		} else {
			const t = this.tracked.get(name);
			if (!t) return;
			t.urgent = t.summaryWanted = true;
			this.due.schedule(t, now);
		}
		this.wake();
	}

	/** An external feed says this pipeline changed; one we do not know yet is looked for in a listing. */
	markDirty(name: string): void {
		const t = this.tracked.get(name);
		if (!t) {
			if (!this.health.failed) this.listing.dueAt = Math.min(this.listing.dueAt, this.now());
			this.wake();
			return;
		}
		t.dirty = true;
		cadenceMayShorten(t);
		this.due.schedule(t, this.now());
		this.wake();
	}

	/** When the pipeline's last read went out (the change feed drops events it already covers). */
	lastReadStart(name: string): number | undefined {
		return this.tracked.get(name)?.lastStartAt;
	}

	/** The change feed became trusted (the next reads follow its cadence) or not: nobody waits longer than polling says. */
	trustFeed(trusted: boolean): void {
		this.feedTrusted = trusted;
		if (trusted) return;
		for (const t of this.tracked.values()) {
			// Polled in step again until the feed is back: then spread over the safety net anew.
			t.phased = false;
			cadenceMayShorten(t);
			if (t.polling || t.lastStartAt === undefined) continue;
			const at = Math.max(this.now(), t.lastStartAt + this.intervalOf(t));
			if (at < t.dueAt) this.due.schedule(t, at);
		}
		this.wake();
	}

	/** True once the source failed, or listed and read every pipeline once. */
	isLoaded(): boolean {
		return this.standingBy !== undefined || this.listing.isLoaded();
	}

	inspect() {
		return {health: this.health.health, pipelines: this.tracked.size, retryAt: this.health.retryAt, ...this.budget.snapshot()};
	}

	/** A read under this source's budget (on-demand loads use it too). */
	call<R>(priority: number, operation: string, send: (signal: AbortSignal) => Promise<R>, onGrant?: (at: number) => void): Promise<R> {
		const {clock, timeoutMs, shutdown, onTimeout} = this.options;
		return budgetedCall({clock, api: this.api, budget: this.budget, timeoutMs, shutdown, onTimeout}, priority, operation, send, onGrant);
	}

	/** Marks stale data, and the source stale when any of its pipelines is. */
	sweep(now: number): void { this.listing.sweep(now); }

	/** The whole fleet is loaded: the tags the first load left for later (tags.ts). */
	readFirstTags(): void { this.listing.readFirstTags(); }

	// ---- the loop ----

	private wake(): void {
		if (this.stopped || this.standingBy !== undefined) return;
		const {clock} = this.options;
		clock.clearTimer(this.timer);
		this.timer = undefined;
		const now = this.now();
		if (this.health.failed) {
			const retryAt = this.health.retryAt ?? now;
			if (this.listing.discovering) return;
			if (now >= retryAt) void this.listing.discover();
			else this.timer = clock.setTimer(() => this.wake(), retryAt - now);
			return;
		}
		if (!this.listing.discovering && now >= this.listing.dueAt) void this.listing.discover();
		for (const t of this.due.takeDue(now, name => this.tracked.get(name))) void this.poll(t);
		let next = this.due.nextAt() ?? Number.POSITIVE_INFINITY;
		if (!this.listing.discovering) next = Math.min(next, this.listing.dueAt);
		if (Number.isFinite(next)) this.timer = clock.setTimer(() => this.wake(), Math.max(0, next - now));
	}

	private intervalOf(t: Tracked): number {
		return intervalOf(t, this.focused.has(t.name), this.options.intervals, this.feedTrusted);
	}

	// ---- polls ----

	private async poll(t: Tracked): Promise<void> {
		t.polling = true;
		t.polls++;
		const priority = priorityOf(t, this.focused.has(t.name));
		t.urgent = false;
		t.dirty = false;
		this.options.trace?.({source: this.key, pipeline: t.name, phase: 'start', at: this.now()});
		let retryIn: number | undefined;
		try {
			await pollPipeline(this, t, priority);
			t.failures = 0;
			t.error = undefined;
			t.settled = true;
			this.health.succeeded();
			this.writeEntry(t);
		} catch (error) {
			retryIn = pollFailed(this.host, t, error);
		} finally {
			t.polling = false;
			this.options.trace?.({source: this.key, pipeline: t.name, phase: 'end', at: this.now()});
		}
		if (!this.tracked.has(t.name) || this.stopped) return;
		const now = this.now();
		let at: number;
		if (t.again) at = now;
		else if (retryIn !== undefined) at = now + retryIn;
		else at = Math.max((t.lastStartAt ?? now) + gapOf(t, this.focused.has(t.name), this.options.intervals, this.feedTrusted), now + MIN_GAP_MS);
		t.again = false;
		this.due.schedule(t, at);
		this.wake();
	}

	writeEntry(t: Tracked): void {
		this.entries.write(t);
	}

	definitionRead(t: Tracked): void {
		this.entries.definitionRead(t);
	}
}
