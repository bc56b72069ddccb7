/**
 * Time as both the embedded service and the engine see it.
 *
 * This is the one module shared by the app and the sim (which otherwise import nothing from
 * each other): both must run on the same notion of time so tests can drive them with virtual
 * time instead of sleeps, and the demo can run faster than real time.
 */

export type TimerHandle = {readonly id: number};

export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Runs fn once after ms (of this clock's time). */
	setTimer(fn: () => void, ms: number): TimerHandle;
	clearTimer(handle: TimerHandle | undefined): void;
}

/** Real time, optionally scaled: at speed 10, one real second is ten clock seconds. */
export class RealClock implements Clock {
	private readonly startReal = Date.now();
	private readonly timers = new Map<number, NodeJS.Timeout>();
	private nextId = 1;

	constructor(
		private readonly speed = 1,
		private readonly startAt = Date.now(),
	) {
		if (!(speed > 0)) throw new RangeError(`clock speed must be above 0, got ${speed}`);
	}

	now(): number {
		return Math.round(this.startAt + (Date.now() - this.startReal) * this.speed);
	}

	setTimer(fn: () => void, ms: number): TimerHandle {
		const id = this.nextId++;
		const timer = setTimeout(() => {
			this.timers.delete(id);
			fn();
		}, Math.max(0, ms / this.speed));
		// A pending poll or simulated action must never keep a finished process alive.
		timer.unref();
		this.timers.set(id, timer);
		return {id};
	}

	clearTimer(handle: TimerHandle | undefined): void {
		if (!handle) return;
		clearTimeout(this.timers.get(handle.id));
		this.timers.delete(handle.id);
	}

	/** Cancels every timer this clock still holds (used on shutdown). */
	clearAll(): void {
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
	}
}

type VirtualTimer = {id: number; due: number; seq: number; fn: () => void};

/**
 * Time that moves only when told. Timers fire in due order (ties in creation order), and a
 * timer scheduled while advancing fires in the same advance when it falls due before the end.
 */
export class VirtualClock implements Clock {
	private current: number;
	private timers: VirtualTimer[] = [];
	private nextId = 1;
	private seq = 0;

	constructor(startAt = Date.UTC(2026, 10, 1, 9, 0, 0)) {
		this.current = startAt;
	}

	now(): number {
		return this.current;
	}

	setTimer(fn: () => void, ms: number): TimerHandle {
		const timer = {id: this.nextId++, due: this.current + Math.max(0, ms), seq: this.seq++, fn};
		// Kept sorted by (due, seq): a binary search finds the first timer due strictly later.
		let low = 0;
		let high = this.timers.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.timers[middle].due <= timer.due) low = middle + 1;
			else high = middle;
		}
		this.timers.splice(low, 0, timer);
		return {id: timer.id};
	}

	clearTimer(handle: TimerHandle | undefined): void {
		if (!handle) return;
		this.timers = this.timers.filter(timer => timer.id !== handle.id);
	}

	/** How many timers are waiting. */
	pending(): number {
		return this.timers.length;
	}

	/** When the next timer falls due, or undefined when none waits. */
	nextDue(): number | undefined {
		return this.timers[0]?.due;
	}

	/** Moves time forward by ms, synchronously firing every timer that falls due. */
	advance(ms: number): void {
		const end = this.current + ms;
		for (;;) {
			const next = this.timers[0];
			if (!next || next.due > end) break;
			this.timers.shift();
			this.current = Math.max(this.current, next.due);
			next.fn();
		}
		this.current = end;
	}

	/**
	 * Moves time forward in steps, letting real I/O (HTTP on loopback) finish between steps:
	 * after each step it awaits settle(), which should resolve once nothing is in flight.
	 */
	async advanceAsync(ms: number, options: {step?: number; settle?: () => Promise<void>} = {}): Promise<void> {
		const step = options.step ?? 1000;
		const settle = options.settle ?? flushIo;
		let left = ms;
		await settle();
		while (left > 0) {
			const by = Math.min(step, left);
			this.advance(by);
			left -= by;
			await settle();
		}
	}
}

/** Lets pending I/O callbacks and promise chains run: a few turns of the event loop. */
export async function flushIo(turns = 5): Promise<void> {
	for (let index = 0; index < turns; index++) {
		await new Promise<void>(resolve => {
			setImmediate(resolve);
		});
	}
}
