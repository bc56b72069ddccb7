/**
 * The scheduler of one source (profile x region): one timer, one request budget, a heap of
 * pipelines by due time. It discovers pipelines (ListPipelines), polls each one at its cadence
 * (focused or active: `active`; the rest: `idle`), never two polls of one pipeline at once, and
 * takes the whole source out (with backoff) when its credentials, permissions or region fail.
 */

import {isSourceLevel, type AwsSourceSpec, type ClassifiedError, type SourceApi} from '../aws/index.js';
import type {Clock, TimerHandle} from '../shared/clock.js';
import {attentionOf} from '../store/attention.js';
import type {FleetUpdate} from '../store/reducers.js';
import type {SourceHealth, SourceState} from '../store/types.js';
import {BudgetCancelled, RequestBudget, type BudgetOptions} from './budget.js';
import {budgetedCall} from './calls.js';
import {intervalOf, priorityOf} from './cadence.js';
import {Priority} from './defaults.js';
import {listAllPipelines, type Listed} from './discovery.js';
import {buildEntry} from './entry.js';
import {DueQueue} from './due-queue.js';
import {pollPipeline, type PollHost} from './pipeline-poll.js';
import {SourceHealthState, toSourceError} from './source-health.js';
import {jitter, newTracked, type Tracked} from './tracked.js';
import type {Intervals} from './types.js';
import {pipelineKeyOf} from '../format/keys.js';

export type RunnerOptions = {
	spec: AwsSourceSpec;
	readOnly: boolean;
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
/** First load: a pipeline that failed this often is shown with its error rather than waited for. */
const SETTLE_AFTER_FAILURES = 3;

export class SourceRunner implements PollHost {
	readonly key: string;
	readonly api: SourceApi;
	readonly budget: RequestBudget;
	private readonly tracked = new Map<string, Tracked>();
	private readonly due = new DueQueue();
	private readonly focused = new Set<string>();
	private readonly health: SourceHealthState;
	private timer: TimerHandle | undefined;
	private discovering = false;
	private discoveryDueAt = 0;
	private accountId: string | undefined;
	/** Another source reads this account and region: this one reads nothing (see standBy). */
	private standingBy: string | undefined;
	private stopped = false;

	constructor(private readonly options: RunnerOptions) {
		this.key = options.spec.key;
		this.api = options.api;
		this.budget = new RequestBudget(options.clock, options.budget);
		this.health = new SourceHealthState(options.intervals);
	}

	now(): number {
		return this.options.clock.now();
	}

	start(): void {
		const {spec, readOnly} = this.options;
		const source: SourceState = {key: spec.key, profile: spec.profile, region: spec.region, health: 'loading', pipelineCount: 0, readOnly};
		this.options.emit({type: 'source', source});
		this.discoveryDueAt = this.now();
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
		return this.accountId;
	}

	get region(): string {
		return this.options.spec.region;
	}

	get readOnly(): boolean {
		return this.options.readOnly;
	}

	get failed(): boolean {
		return this.health.failed;
	}

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
		for (const t of [...this.tracked.values()]) this.remove(t);
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {sameAs: primary, pipelineCount: 0}});
	}

	/** Reads again (its primary failed, say): from a fresh listing. */
	resume(): void {
		if (this.standingBy === undefined) return;
		this.standingBy = undefined;
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {sameAs: undefined}});
		this.discoveryDueAt = this.now();
		this.wake();
	}

	setFocus(names: Set<string>): void {
		const added = [...names].filter(name => !this.focused.has(name));
		this.focused.clear();
		for (const name of names) this.focused.add(name);
		for (const name of added) {
			const t = this.tracked.get(name);
			if (t?.lastStartAt !== undefined) this.reschedule(t, Math.min(t.dueAt, t.lastStartAt + this.options.intervals.active));
		}
		this.wake();
	}

	/** Due now: one pipeline (ahead of everything) or all of them and the pipeline list. */
	refresh(name?: string): void {
		const now = this.now();
		if (name === undefined) {
			if (this.health.failed) this.health.retryAt = now;
			this.discoveryDueAt = now;
			for (const t of this.tracked.values()) this.reschedule(t, now);
		} else {
			const t = this.tracked.get(name);
			if (!t) return;
			t.urgent = true;
			this.reschedule(t, now);
		}
		this.wake();
	}

	/** An external feed says this pipeline changed; one we do not know yet is looked for in a listing. */
	markDirty(name: string): void {
		const t = this.tracked.get(name);
		if (!t) {
			if (!this.health.failed) this.discoveryDueAt = Math.min(this.discoveryDueAt, this.now());
			this.wake();
			return;
		}
		t.dirty = true;
		this.reschedule(t, this.now());
		this.wake();
	}

	pipelineKey(name: string): string {
		return pipelineKeyOf(this.options.spec.profile, this.options.spec.region, name);
	}

	/** When the pipeline's last read went out (the change feed drops events it already covers). */
	lastReadStart(name: string): number | undefined {
		return this.tracked.get(name)?.lastStartAt;
	}

	/** The idle interval changed (the change feed failed): nobody waits longer than it says now. */
	cadenceChanged(): void {
		for (const t of this.tracked.values()) {
			if (t.polling || t.lastStartAt === undefined) continue;
			const at = Math.max(this.now(), t.lastStartAt + this.intervalOf(t));
			if (at < t.dueAt) this.reschedule(t, at);
		}
		this.wake();
	}

	/** True once the source failed, or listed and read every pipeline once. */
	isLoaded(): boolean {
		if (this.health.health === 'failed' || this.standingBy !== undefined) return true;
		if (this.health.health === 'loading') return false;
		for (const t of this.tracked.values()) if (!t.settled) return false;
		return true;
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
	sweep(now: number): void {
		let anyStale = false;
		for (const t of this.tracked.values()) {
			const stale = now - (t.fetchedAt ?? t.discoveredAt) > this.options.staleFactor * this.intervalOf(t);
			anyStale ||= stale;
			if (stale === t.stale) continue;
			t.stale = stale;
			this.options.emit({type: 'pipelinePatch', key: t.key, patch: {stale}});
		}
		if (this.health.health === 'ok' && anyStale) this.setHealth('stale');
		else if (this.health.health === 'stale' && !anyStale) this.setHealth('ok');
	}

	// ---- the loop ----

	private wake(): void {
		if (this.stopped || this.standingBy !== undefined) return;
		const {clock} = this.options;
		clock.clearTimer(this.timer);
		this.timer = undefined;
		const now = this.now();
		if (this.health.failed) {
			const retryAt = this.health.retryAt ?? now;
			if (this.discovering) return;
			if (now >= retryAt) void this.discover();
			else this.timer = clock.setTimer(() => this.wake(), retryAt - now);
			return;
		}
		if (!this.discovering && now >= this.discoveryDueAt) void this.discover();
		for (const t of this.due.takeDue(now, name => this.tracked.get(name))) void this.poll(t);
		let next = this.due.nextAt() ?? Number.POSITIVE_INFINITY;
		if (!this.discovering) next = Math.min(next, this.discoveryDueAt);
		if (Number.isFinite(next)) this.timer = clock.setTimer(() => this.wake(), Math.max(0, next - now));
	}

	private reschedule(t: Tracked, at: number): void {
		this.due.schedule(t, at);
	}

	private intervalOf(t: Tracked): number {
		return intervalOf(t, this.focused.has(t.name), this.options.intervals);
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
			retryIn = this.pollFailed(t, error);
		} finally {
			t.polling = false;
			this.options.trace?.({source: this.key, pipeline: t.name, phase: 'end', at: this.now()});
		}
		if (!this.tracked.has(t.name) || this.stopped) return;
		const now = this.now();
		let at: number;
		if (t.again) at = now;
		else if (retryIn !== undefined) at = now + retryIn;
		else at = Math.max((t.lastStartAt ?? now) + this.intervalOf(t) * (1 - jitter(t)), now + MIN_GAP_MS);
		t.again = false;
		this.reschedule(t, at);
		this.wake();
	}

	/** Handles a failed poll; returns when to try again (undefined: the normal cadence). */
	private pollFailed(t: Tracked, error: unknown): number | undefined {
		if (error instanceof BudgetCancelled || this.stopped) return undefined;
		const classified = this.api.classify(error);
		if (classified.kind === 'aborted') return undefined;
		if (classified.kind === 'timeout' && !this.health.timedOut()) return 1000;
		if (isSourceLevel(classified.kind)) {
			this.failSource(classified, false);
			return undefined;
		}
		if (classified.kind === 'notFound') {
			this.remove(t);
			return undefined;
		}
		// Throttled through every retry: the budget has slowed down; try again shortly, no error to show.
		if (classified.kind === 'throttle') return 1000;
		t.failures++;
		// One blip is not worth showing; the first load shows errors at once (it waits on them).
		if (t.failures >= 2 || !t.settled) {
			t.error = toSourceError(classified);
			if (t.failures >= SETTLE_AFTER_FAILURES) t.settled = true;
			this.writeEntry(t);
		}
		if (this.health.blip()) this.failSource(classified, false);
		return Math.min(this.intervalOf(t), 1000 * 2 ** (t.failures - 1));
	}

	writeEntry(t: Tracked): void {
		// A pipeline removed while its poll was under way (deleted, or the source stood by) stays gone.
		if (this.tracked.get(t.name) !== t) return;
		const {spec} = this.options;
		const entry = buildEntry(t, {key: this.key, profile: spec.profile, region: spec.region, accountId: this.accountId});
		t.attention = attentionOf(entry);
		this.options.emit({type: 'pipeline', entry});
	}

	definitionRead(t: Tracked): void {
		if (this.tracked.get(t.name) !== t) return;
		this.options.emit({type: 'definition', key: t.key, value: t.definition?.declaration});
		const accountId = t.definition?.accountId;
		if (accountId && accountId !== this.accountId) {
			this.accountId = accountId;
			this.options.emit({type: 'sourcePatch', key: this.key, patch: {accountId}});
		}
	}

	private remove(t: Tracked): void {
		this.tracked.delete(t.name);
		t.gen++;
		this.options.emit({type: 'pipelineRemove', key: t.key});
		this.options.onMembership(t.key, false);
	}

	// ---- discovery and source health ----

	private async discover(): Promise<void> {
		this.discovering = true;
		const probe = this.health.failed;
		// The first listing and a probe of a failed source go before routine reads.
		const priority = probe || this.health.health === 'loading' ? Priority.active : Priority.discovery;
		try {
			this.reconcile(await listAllPipelines(this.api, (operation, send) => this.call(priority, operation, send)));
			this.discoveryDueAt = this.now() + this.options.intervals.discovery;
		} catch (error) {
			this.discoveryFailed(error, probe);
		} finally {
			this.discovering = false;
			this.wake();
		}
	}

	private reconcile(listed: Map<string, Listed>): void {
		// A listing that was under way when the source stood by: its pipelines are read elsewhere.
		if (this.standingBy !== undefined) return;
		const now = this.now();
		const {spec} = this.options;
		for (const [name, summary] of listed) {
			let t = this.tracked.get(name);
			if (!t) {
				t = newTracked(name, pipelineKeyOf(spec.profile, spec.region, name), now);
				this.tracked.set(name, t);
				this.options.onMembership(t.key, true);
				this.writeEntry(t);
				this.reschedule(t, now);
			}
			t.listed = summary;
		}
		for (const t of [...this.tracked.values()]) if (!listed.has(t.name)) this.remove(t);
		const recovered = this.health.listed();
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {health: this.health.health, error: undefined, retryAt: undefined, listedAt: now, pipelineCount: this.tracked.size}});
		// Back from a failure: read everything again now rather than at each pipeline's old due time.
		if (recovered) for (const t of this.tracked.values()) this.reschedule(t, now);
	}

	private discoveryFailed(error: unknown, probe: boolean): void {
		if (error instanceof BudgetCancelled || this.stopped) return;
		const classified = this.api.classify(error);
		if (classified.kind === 'aborted') return;
		if (classified.kind === 'timeout' && !probe && !this.health.timedOut()) {
			this.discoveryDueAt = this.now() + 1000;
			return;
		}
		if (isSourceLevel(classified.kind) || probe) {
			this.failSource(classified, probe);
			return;
		}
		if (classified.kind === 'throttle') {
			this.discoveryDueAt = this.now() + 1000;
			return;
		}
		const wait = this.health.listingBlip();
		if (wait === undefined) this.failSource(classified, false);
		else this.discoveryDueAt = this.now() + wait;
	}

	/** Takes the source out until retryAt; a failed probe doubles the wait (up to maxBackoff). */
	private failSource(error: ClassifiedError, probe: boolean): void {
		if (this.standingBy !== undefined || !this.health.fail(this.now(), probe)) return;
		// Calls still queued would meet the same fate: drop them, their pipelines wait for recovery.
		this.budget.cancelWaiting();
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {health: 'failed', error: toSourceError(error), retryAt: this.health.retryAt}});
		this.wake();
	}

	private setHealth(health: SourceHealth): void {
		this.health.health = health;
		this.options.emit({type: 'sourcePatch', key: this.key, patch: {health}});
	}
}
