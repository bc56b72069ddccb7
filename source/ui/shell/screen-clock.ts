/**
 * The console's "now" as an external store that changes only when the screen would show it.
 * Ages on a quiet fleet read "3h" or "5d" for hours on end: repainting the whole frame every
 * second to get the same text again was most of what an idle console spent. So each tick asks
 * what the screen shows at the last published time and at the new one, and publishes the new
 * time only when that text differs (or when the screen cannot say, e.g. a detail view).
 *
 * The published time may then be minutes old. That is only right while what is on screen stays
 * the same, so `recheck` is called when it may not: the view, scroll or filter changed, or
 * pipelines or sources did (a new row must not be painted with an old time).
 */
import type {Ticker} from './ticker.js';

/** The clock-dependent text on screen at `at`; undefined when unknown (then every tick repaints). */
export type ShownTimes = (at: number) => string | undefined;

export type ScreenClock = {
	subscribe(listener: () => void): () => void;
	/** The time the screen is painted with. */
	getSnapshot(): number;
	/**
	 * Publishes the current time if the screen would show it differently. `unknownToo`: also when
	 * the screen cannot say (a view was opened: it must not start with an old time).
	 */
	recheck(unknownToo: boolean): void;
};

export function createScreenClock(ticker: Ticker, now: () => number, shows: () => ShownTimes | undefined): ScreenClock {
	let published = now();
	const listeners = new Set<() => void>();
	let stopTicking: (() => void) | undefined;
	const consider = (unknownToo: boolean) => {
		const candidate = now();
		if (candidate === published) return;
		const probe = shows();
		const before = probe?.(published);
		if (before === undefined ? !unknownToo : before === probe?.(candidate)) return;
		published = candidate;
		for (const listener of [...listeners]) listener();
	};
	const tick = () => consider(true);
	return {
		subscribe(listener) {
			listeners.add(listener);
			stopTicking ??= ticker.subscribe(tick);
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					stopTicking?.();
					stopTicking = undefined;
				}
			};
		},
		getSnapshot: () => published,
		recheck: consider,
	};
}
