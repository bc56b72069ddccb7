/**
 * Every read the engine makes goes through here: wait for the source's budget, send with a time
 * limit on the engine's clock (so a dead region fails in virtual time too), and retry throttles
 * after the budget has slowed down.
 */

import {CallTimeoutError, type SourceApi} from '../aws/index.js';
import type {Clock} from '../shared/clock.js';
import type {RequestBudget} from './budget.js';

/** Calls in flight per source (every call through the engine's APIs: reads, writes, watch), and waiting for none. */
export class InFlight {
	private readonly bySource = new Map<string, number>();
	private total = 0;
	private waiters: Array<() => void> = [];

	constructor(private readonly otherwiseBusy: () => boolean = () => false) {}

	begin(source: string): void {
		this.bySource.set(source, (this.bySource.get(source) ?? 0) + 1);
		this.total++;
	}

	end(source: string): void {
		this.bySource.set(source, Math.max(0, (this.bySource.get(source) ?? 0) - 1));
		this.total = Math.max(0, this.total - 1);
		if (this.total === 0) this.check();
	}

	count(source?: string): number {
		return source === undefined ? this.total : (this.bySource.get(source) ?? 0);
	}

	/**
	 * Resolves once nothing is in flight and no store batch is pending. Checked after a turn of
	 * the event loop, so a job that goes straight on to its next call is not mistaken for idle.
	 */
	whenIdle(): Promise<void> {
		return new Promise(resolve => {
			this.waiters.push(resolve);
			this.check();
		});
	}

	/** Re-checks the waiters (after a store flush). */
	check(): void {
		if (this.waiters.length === 0) return;
		setImmediate(() => {
			if (this.total > 0 || this.otherwiseBusy()) return;
			// A second turn: continuations of the last answer may start another call.
			setImmediate(() => {
				if (this.total > 0 || this.otherwiseBusy()) return;
				const waiters = this.waiters;
				this.waiters = [];
				for (const resolve of waiters) resolve();
			});
		});
	}
}

export type CallContext = {
	clock: Clock;
	api: SourceApi;
	budget: RequestBudget;
	timeoutMs: number;
	onTimeout: () => void;
	/** Aborts every call in flight (engine stop). */
	shutdown: AbortSignal;
};

/** Throttled calls are tried again this many times (each after the budget slowed down). */
const THROTTLE_RETRIES = 4;

export async function budgetedCall<R>(
	context: CallContext,
	priority: number,
	operation: string,
	send: (signal: AbortSignal) => Promise<R>,
	onGrant?: (at: number) => void,
): Promise<R> {
	for (let attempt = 0; ; attempt++) {
		const grant = await context.budget.acquire(priority);
		if (context.shutdown.aborted) {
			context.budget.release(grant, 'error');
			throw context.shutdown.reason;
		}
		onGrant?.(grant.startedAt);
		const controller = new AbortController();
		const onShutdown = () => controller.abort(context.shutdown.reason);
		context.shutdown.addEventListener('abort', onShutdown, {once: true});
		const timer = context.clock.setTimer(() => controller.abort(new CallTimeoutError(operation, context.timeoutMs)), context.timeoutMs);
		try {
			const result = await send(controller.signal);
			context.budget.release(grant, 'ok');
			return result;
		} catch (error) {
			const reason: unknown = controller.signal.reason;
			if (reason instanceof CallTimeoutError) {
				context.onTimeout();
				context.budget.release(grant, 'error');
				throw reason;
			}
			const kind = context.api.classify(error).kind;
			context.budget.release(grant, kind === 'throttle' ? 'throttle' : 'error');
			if (kind === 'throttle' && attempt < THROTTLE_RETRIES && !context.shutdown.aborted) continue;
			throw error;
		} finally {
			context.clock.clearTimer(timer);
			context.shutdown.removeEventListener('abort', onShutdown);
		}
	}
}
