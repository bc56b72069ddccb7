/**
 * The request budget of one source: a cap on calls in flight and a paced rate that adapts to
 * throttling. Calls are spaced 1/rate apart rather than let through in bursts, so a service-side
 * token bucket is never drained all at once. AWS publishes no CodePipeline rate figures, so the
 * rate is found from throttles:
 *
 * - Slow start: until the first throttle, every success adds 1 call/s (the rate doubles each
 *   second while calls wait for it).
 * - A throttle sets the ceiling to what the service accepted since the last cut (over at most
 *   the last 5 s; in slow start, the last 1.5 s); when that is too little to tell, to what it
 *   accepted lately, or to a guess from how soon the throttle followed the last cut. The rate
 *   drops to 85% of the ceiling. Calls already in flight when it was cut do not cut it again.
 * - The rate climbs back to 95% of the ceiling within seconds and holds there. After 45 s without
 *   a throttle it may climb back to where it was before the last run of cuts (a storm of refusals
 *   is not a limit to keep; a throttle on the way back is, and that way is then forgotten), and
 *   then probe above, faster the longer it stays quiet. Both only while calls have waited on the
 *   rate for a whole 5 s window: a few calls that wait now and then do not test a rate, and a
 *   rate never tested lets the next big burst overrun the service's bucket. A lifted limit is
 *   found again within minutes of sustained load.
 * - It only grows while calls wait for it: an idle source does not drift to a rate it never tested.
 */

import type {Clock, TimerHandle} from '../shared/clock.js';
import {DEFAULT_BUDGET} from './defaults.js';
import {MinHeap} from './heap.js';

export type BudgetOptions = typeof DEFAULT_BUDGET;

/** How far back accepted calls are counted when a throttle says where the limit is. */
const WINDOW_MS = 5000;
const SLOW_START_WINDOW_MS = 1500;
/** Below the ceiling by this much: what the service accepted includes some of its burst. */
const HOLD_SHARE = 0.95;
/** After a cut, the rate stays at or under the ceiling this long before probing above it. */
const HOLD_MS = 45_000;

/** `limited`: other calls were still waiting when this one went out (the rate was the bottleneck). */
export type Grant = {startedAt: number; limited: boolean};

type Waiter = {priority: number; seq: number; resolve: (grant: Grant) => void; reject: (error: unknown) => void};

/** Thrown to callers still waiting when the budget is cancelled (source failed, engine stopped). */
export class BudgetCancelled extends Error {
	override readonly name = 'BudgetCancelled';
}

export type BudgetSnapshot = {rate: number; ceiling?: number; inFlight: number; waiting: number; slowStart: boolean};

export class RequestBudget {
	private rate: number;
	private ceiling: number | undefined;
	private slowStart = true;
	private inFlight = 0;
	private nextAt = 0;
	private lastCutAt = Number.NEGATIVE_INFINITY;
	private firstCutAt: number | undefined;
	/**
	 * The ceiling (or, before the first throttle, the rate) from before the latest run of cuts:
	 * where the rate may return once they stop, since a storm of refusals is not a limit to keep.
	 * Forgotten when the way back meets a throttle: then the limit really did come down.
	 */
	private restoreTo: number | undefined;
	/** When recent calls succeeded, to measure what the service accepts. */
	private readonly successes: number[] = [];
	private firstSuccessAt: number | undefined;
	private seq = 0;
	/** Since when calls have been waiting without a break (undefined: none waits). */
	private backlogSince: number | undefined;
	private timer: TimerHandle | undefined;
	private readonly waiters = new MinHeap<Waiter>((a, b) => a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq));
	private readonly options: BudgetOptions;

	constructor(
		private readonly clock: Clock,
		options: Partial<BudgetOptions> = {},
	) {
		this.options = {...DEFAULT_BUDGET, ...options};
		this.rate = this.options.initialRate;
	}

	snapshot(): BudgetSnapshot {
		return {rate: this.rate, ceiling: this.ceiling, inFlight: this.inFlight, waiting: this.waiters.size, slowStart: this.slowStart};
	}

	/** Waits for a slot; lower priority numbers are served first, FIFO within one. */
	acquire(priority: number): Promise<Grant> {
		return new Promise<Grant>((resolve, reject) => {
			this.backlogSince ??= this.clock.now();
			this.waiters.push({priority, seq: this.seq++, resolve, reject});
			this.pump();
		});
	}

	/** Reports how a granted call ended. */
	release(grant: Grant, outcome: 'ok' | 'throttle' | 'error'): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (outcome === 'throttle') this.onThrottle(grant);
		else if (outcome === 'ok' && (grant.limited || this.waiters.size > 0)) this.onSuccess();
		this.pump();
	}

	/** Rejects every waiter (their calls are not made). */
	cancelWaiting(): void {
		for (const waiter of this.waiters.drain()) waiter.reject(new BudgetCancelled('cancelled'));
		this.backlogSince = undefined;
		this.clock.clearTimer(this.timer);
		this.timer = undefined;
	}

	/**
	 * Successes per second over the last few seconds, counted only since the last cut (what came
	 * before it was accepted under other conditions); undefined when too few to tell.
	 */
	private accepted(now: number, since: number): number | undefined {
		// In slow start the rate was climbing: only the last moments say what the service takes.
		const window = this.slowStart ? SLOW_START_WINDOW_MS : WINDOW_MS;
		return perSecond(this.successes, now, Math.max(now - window, since, this.firstSuccessAt ?? now));
	}


	private onThrottle(grant: Grant): void {
		// One cut per congestion event: calls started before the last cut saw the old rate.
		if (grant.startedAt <= this.lastCutAt) return;
		const now = this.clock.now();
		// What got through since the last cut; too soon to tell, what got through lately (but not
		// during slow start, whose climb would pull the figure down); else a guess from how soon
		// the throttle came: after a cut the service's bucket is empty, and at a rate r above its
		// limit L it runs a call short after about 1/(r - L) seconds, so L ~ r - 1/elapsed.
		const accepted = this.accepted(now, this.lastCutAt) ?? (this.firstCutAt === undefined ? undefined : this.accepted(now, this.firstCutAt));
		const sinceCut = now - this.lastCutAt;
		if (this.ceiling !== undefined && this.rate > this.ceiling) this.restoreTo = undefined;
		else if (sinceCut > HOLD_MS) this.restoreTo = this.ceiling ?? this.rate;
		const guess = this.firstCutAt !== undefined && sinceCut < WINDOW_MS ? Math.max(this.rate * 0.7, this.rate - 1000 / Math.max(sinceCut, 1)) : this.rate;
		this.firstCutAt ??= now;
		this.ceiling = Math.min(this.rate, accepted ?? guess);
		this.ceiling = Math.max(this.options.minRate, this.ceiling);
		this.slowStart = false;
		this.rate = Math.max(this.options.minRate, this.ceiling * 0.85);
		this.lastCutAt = now;
		// Pause before the next call as if the last one had just gone out at the new rate.
		this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
	}

	private onSuccess(): void {
		const now = this.clock.now();
		this.successes.push(now);
		this.firstSuccessAt ??= now;
		trim(this.successes, now);
		const rate = this.rate;
		const ceiling = this.ceiling ?? this.options.maxRate;
		const quiet = now - this.lastCutAt;
		let growth: number;
		let cap = this.options.maxRate;
		// After a quiet hold, the rate from before the last run of cuts is known ground again.
		const known = quiet < HOLD_MS ? ceiling : Math.max(ceiling, this.restoreTo ?? 0);
		if (this.slowStart) growth = rate;
		else if (rate < ceiling * HOLD_SHARE || (rate < known * HOLD_SHARE && this.sustained(now))) {
			growth = Math.max(rate * 0.02, (known * HOLD_SHARE - rate) * 0.3);
			cap = known * HOLD_SHARE;
		} else if (quiet < HOLD_MS || !this.sustained(now)) growth = 0;
		// Faster the longer it stayed quiet, up to two minutes' worth: a probe is still a probe.
		else growth = rate * 0.005 * (1 + Math.min(quiet - HOLD_MS, 120_000) / 10_000);
		// About `rate` successes arrive per second, so each adds growth / rate (growth is per second).
		if (growth > 0) this.rate = Math.min(cap, this.options.maxRate, rate + growth / rate);
	}

	/** Calls have waited on the rate for the whole last window: it is being tested, probing is safe. */
	private sustained(now: number): boolean {
		return this.backlogSince !== undefined && this.backlogSince <= now - WINDOW_MS;
	}

	private pump(): void {
		while (this.waiters.size > 0 && this.inFlight < this.options.maxInFlight) {
			const now = this.clock.now();
			if (now < this.nextAt) {
				this.wakeAt(this.nextAt);
				return;
			}
			const waiter = this.waiters.pop() as Waiter;
			if (this.waiters.size === 0) this.backlogSince = undefined;
			this.inFlight++;
			this.nextAt = Math.max(now, this.nextAt) + 1000 / this.rate;
			waiter.resolve({startedAt: now, limited: this.waiters.size > 0});
		}
	}

	private wakeAt(at: number): void {
		this.clock.clearTimer(this.timer);
		this.timer = this.clock.setTimer(
			() => {
				this.timer = undefined;
				this.pump();
			},
			Math.max(0, at - this.clock.now()),
		);
	}
}

/**
 * Events per second since `from`, from the spacing of the events themselves (n events span n-1
 * gaps); undefined with under a second to look at or under two events: too little to tell.
 */
function perSecond(times: number[], now: number, from: number): number | undefined {
	if (now - from < 1000) return undefined;
	let first = -1;
	for (let index = times.length - 1; index >= 0 && times[index] >= from; index--) first = index;
	const count = first < 0 ? 0 : times.length - first;
	if (count < 2) return undefined;
	const span = times[times.length - 1] - times[first];
	return span >= 500 ? ((count - 1) * 1000) / span : (count * 1000) / (now - from);
}

/** Drops times older than the window (they are pushed in order). */
function trim(times: number[], now: number): void {
	let drop = 0;
	while (drop < times.length && times[drop] < now - WINDOW_MS) drop++;
	if (drop > 0) times.splice(0, drop);
}
