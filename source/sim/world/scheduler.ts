/**
 * The world's one timer. Every pending happening (an action finishing, an approval timing out,
 * a scheduled start) is an event in a heap here; only the earliest is armed on the Clock. With
 * 2,000 pipelines idle, nothing fires; with many running, the clock still holds a single timer,
 * which keeps the clock's own bookkeeping cheap.
 *
 * The scheduler also owns "now" for the engine: while an event runs, now is the moment it was due
 * (so a late RealClock wake-up still records the planned times), and history scheduled in the past
 * (before a scenario opens) is played in order up to the clock's present.
 */

import type {Clock, TimerHandle} from '../../shared/clock.js';

const WAKE_GRANULARITY_MS = 1000;

export type WorldEvent = {due: number; seq: number; run: () => void; cancelled: boolean};

export class Scheduler {
	private readonly heap: WorldEvent[] = [];
	private seq = 0;
	private armed: {due: number; handle: TimerHandle} | undefined;
	/** Set while an event runs: the execution modules' idea of the present. */
	private override: number | undefined;
	private running = false;
	private stopped = false;

	constructor(private readonly clock: Clock) {}

	now(): number {
		return this.override ?? this.clock.now();
	}

	/** Runs fn at the given time (ms since the epoch). Cancel with cancel(). */
	at(due: number, run: () => void): WorldEvent {
		// Whole milliseconds: answers then carry at most three decimals of seconds. Rounded up, never
		// down: an event run before its moment finds its cause not there yet (a message visible again
		// at 12.3 ms, looked for at 12 ms), and one that asks again for the same moment would spin.
		const event: WorldEvent = {due: Math.ceil(due), seq: this.seq++, run, cancelled: false};
		this.push(event);
		if (!this.running) this.arm();
		return event;
	}

	after(ms: number, run: () => void): WorldEvent {
		return this.at(this.now() + Math.max(0, ms), run);
	}

	/** Lazy: the event stays in the heap and is skipped when it comes up. */
	cancel(event: WorldEvent | undefined): void {
		if (event) event.cancelled = true;
	}

	/** Events waiting (cancelled ones included until they surface). */
	pending(): number {
		return this.heap.length;
	}

	/**
	 * Runs every event due up to `until`, in due order, with now() following the events. Used to
	 * play history before the scenario opens, and (with the clock's present) on every call so that
	 * answers never lag behind a late timer.
	 */
	runUntil(until: number): void {
		if (this.running) return;
		this.running = true;
		try {
			for (;;) {
				const top = this.heap[0];
				if (!top || top.due > until) break;
				this.pop();
				if (top.cancelled) continue;
				this.override = Math.max(top.due, this.override ?? top.due);
				top.run();
			}
		} finally {
			this.override = undefined;
			this.running = false;
		}
		this.arm();
	}

	/** Catches up to the clock's present. */
	runDue(): void {
		this.runUntil(this.clock.now());
	}

	stop(): void {
		this.stopped = true;
		if (this.armed) this.clock.clearTimer(this.armed.handle);
		this.armed = undefined;
	}

	private arm(): void {
		if (this.stopped) return;
		while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
		const top = this.heap[0];
		if (!top) {
			if (this.armed) this.clock.clearTimer(this.armed.handle);
			this.armed = undefined;
			return;
		}
		// The clock is woken on whole seconds: events keep their exact due times (runUntil gives each
		// its own `now`) and every answer first runs what is due, so nothing is seen late, while a
		// busy fleet wakes the clock a few times per second of its time instead of per event.
		const wake = Math.ceil(top.due / WAKE_GRANULARITY_MS) * WAKE_GRANULARITY_MS;
		if (this.armed && this.armed.due <= wake) return;
		if (this.armed) this.clock.clearTimer(this.armed.handle);
		const handle = this.clock.setTimer(() => {
			this.armed = undefined;
			this.runDue();
		}, wake - this.clock.now());
		this.armed = {due: wake, handle};
	}

	private push(event: WorldEvent): void {
		const heap = this.heap;
		heap.push(event);
		let index = heap.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!before(event, heap[parent])) break;
			heap[index] = heap[parent];
			index = parent;
		}
		heap[index] = event;
	}

	private pop(): WorldEvent | undefined {
		const heap = this.heap;
		const top = heap[0];
		const last = heap.pop();
		if (heap.length === 0 || !last) return top;
		let index = 0;
		for (;;) {
			const left = index * 2 + 1;
			if (left >= heap.length) break;
			const right = left + 1;
			const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
			if (!before(heap[child], last)) break;
			heap[index] = heap[child];
			index = child;
		}
		heap[index] = last;
		return top;
	}
}

function before(a: WorldEvent, b: WorldEvent): boolean {
	return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
