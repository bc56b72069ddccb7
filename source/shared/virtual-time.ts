/**
 * The one way tests and benchmarks move virtual time (beside the VirtualClock it drives; the
 * product itself never needs it). Real I/O (HTTP on loopback to the embedded service) needs
 * real event-loop turns, so before the clock moves, `settle` waits until no engine has a call in
 * flight and no store batch is pending. Calls the service holds on purpose (a dead region, whose
 * calls only end when their time limit passes in virtual time) are not waited for. Any other call
 * still in flight after the real-time limit fails the test, naming the sources it is stuck on:
 * a hang is a failure to explain, never a silent give-up or an endless loop.
 *
 *   const time = virtualTime({clock, engines: () => [engine], heldRegions: () => deadRegions});
 *   await time.advance(60_000);
 *   await time.until(() => done(), {what: 'the stage to finish'});
 */
import {flushIo, type VirtualClock} from './clock.js';

/** What the driver needs of an engine: its sources and what it has in flight. */
export type DrivenEngine = {
	inFlight(sourceKey?: string): number;
	whenIdle(): Promise<void>;
	/** Without sources, the engine's calls count as one (a client of a benchmark, say). */
	sources?: ReadonlyArray<{key: string; region: string}>;
};

export type VirtualTimeOptions = {
	clock: VirtualClock;
	engines: () => readonly DrivenEngine[];
	/** Regions whose calls the service holds on purpose (a dead region). */
	heldRegions?: () => ReadonlySet<string>;
	/** Real ms one settle may wait for calls in flight (a loaded machine needs room). */
	limitMs?: number;
};

export type VirtualTime = {
	settle(): Promise<void>;
	/** Moves the clock by `ms`, firing every timer in due order and settling after each (then `each`). */
	advance(ms: number, each?: () => void): Promise<void>;
	/** Moves the clock (timer by timer, or by `step`) until the check holds; the virtual ms it took, or undefined after `withinMs`. */
	reach(check: () => boolean, options?: {withinMs?: number; step?: number}): Promise<number | undefined>;
	/** As reach, but not reaching it within `withinMs` of virtual time fails, naming `what`. */
	until(check: () => boolean, options?: {withinMs?: number; what?: string; step?: number}): Promise<number>;
};

const DEFAULT_LIMIT_MS = 10_000;

export function virtualTime(options: VirtualTimeOptions): VirtualTime {
	const {clock} = options;
	const limitMs = options.limitMs ?? DEFAULT_LIMIT_MS;
	const held = () => options.heldRegions?.() ?? new Set<string>();

	/** Calls in flight that the service is not holding on purpose, by source. */
	function stuck(): Map<string, number> {
		const regions = held();
		const bySource = new Map<string, number>();
		options.engines().forEach((engine, index) => {
			if (!engine.sources) {
				const count = engine.inFlight();
				if (count > 0) bySource.set(`client ${index + 1}`, count);
				return;
			}
			for (const source of engine.sources) {
				if (regions.has(source.region)) continue;
				const count = engine.inFlight(source.key);
				if (count > 0) bySource.set(source.key, (bySource.get(source.key) ?? 0) + count);
			}
		});
		return bySource;
	}

	async function settle(): Promise<void> {
		const started = performance.now();
		for (;;) {
			await flushIo(3);
			if (stuck().size === 0) {
				// With held calls the engines are never idle: their batches still flush on I/O turns.
				if (held().size === 0) await Promise.all(options.engines().map(engine => engine.whenIdle()));
				else await flushIo(3);
				if (stuck().size === 0) return;
			}
			if (performance.now() - started > limitMs) {
				const where = [...stuck()].map(([source, count]) => `${source}: ${count}`).join(', ');
				throw new Error(`virtual time: calls still in flight after ${limitMs} ms of real time (${where}); a call hangs`);
			}
			await new Promise(resolve => setTimeout(resolve, 1));
		}
	}

	async function step(end: number, by?: number): Promise<void> {
		const next = by === undefined ? Math.min(clock.nextDue() ?? end, end) : Math.min(clock.now() + by, end);
		clock.advance(Math.max(0, next - clock.now()));
		await settle();
	}

	async function reach(check: () => boolean, {withinMs = 600_000, step: by}: {withinMs?: number; step?: number} = {}): Promise<number | undefined> {
		const start = clock.now();
		const end = start + withinMs;
		await settle();
		while (!check()) {
			if (clock.now() >= end) return undefined;
			await step(end, by);
		}
		return clock.now() - start;
	}

	return {
		settle,
		async advance(ms, each) {
			const end = clock.now() + ms;
			await settle();
			while (clock.now() < end) {
				await step(end);
				each?.();
			}
		},
		reach,
		async until(check, {withinMs = 600_000, what = 'condition', step: by} = {}) {
			const took = await reach(check, {withinMs, step: by});
			if (took === undefined) throw new Error(`virtual time: ${what} not reached within ${withinMs} ms of virtual time`);
			return took;
		},
	};
}
