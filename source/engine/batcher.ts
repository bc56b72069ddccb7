/**
 * Collects store updates and applies them in one setState per turn of the event loop: answers
 * that land together (a burst of polls on loopback, a page of results) cost the console one
 * render, not one per answer. With `minGapMs`, flushes are also at least that far apart (real
 * time): a big fleet answering 200 calls a second then costs ~40 store updates a second, not 200.
 */

import {applyUpdates, type FleetStore, type FleetUpdate} from '../store/index.js';

export class Batcher {
	private pending: FleetUpdate[] = [];
	/** The pending flush. Kept by kind: clearImmediate() on a Timeout (or the reverse) corrupts Node's queues. */
	private scheduled: {immediate: NodeJS.Immediate} | {timeout: NodeJS.Timeout} | undefined;
	private lastFlush = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly store: FleetStore,
		private readonly minGapMs = 0,
		/** Late updates to add to each batch (the engine's counters, which change with every call). */
		private readonly collect: () => FleetUpdate[] = () => [],
		/** Called after each flush (the engine checks whether the first load is complete). */
		private readonly afterFlush: () => void = () => {},
	) {}

	/** Asks for a flush without an update of its own (something `collect` will pick up changed). */
	touch(): void {
		this.schedule();
	}

	push(update: FleetUpdate): void {
		this.pending.push(update);
		this.schedule();
	}

	/** setImmediate (or a short real timer), not the engine's Clock: this coalesces I/O callbacks, it is not a delay. */
	private schedule(): void {
		if (this.scheduled) return;
		const wait = this.lastFlush + this.minGapMs - performance.now();
		if (wait > 0) {
			const timeout = setTimeout(() => this.flush(), wait);
			timeout.unref();
			this.scheduled = {timeout};
		} else this.scheduled = {immediate: setImmediate(() => this.flush())};
	}

	/** A flush is due. */
	get busy(): boolean {
		return this.scheduled !== undefined;
	}

	flush(): void {
		const scheduled = this.scheduled;
		if (scheduled && 'immediate' in scheduled) clearImmediate(scheduled.immediate);
		if (scheduled && 'timeout' in scheduled) clearTimeout(scheduled.timeout);
		this.scheduled = undefined;
		this.lastFlush = performance.now();
		const batch = this.pending;
		this.pending = [];
		batch.push(...this.collect());
		if (batch.length > 0) applyUpdates(this.store, batch);
		this.afterFlush();
	}
}
