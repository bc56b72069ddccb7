/**
 * A timer as an external store, read with useSyncExternalStore. React applies external-store
 * changes at sync priority, right after the tick, instead of queueing a default-priority render
 * behind its scheduler: the clock, the spinner and message expiry then repaint on time even while
 * the event loop is busy with the engine's I/O. One interval per ticker, running only while
 * something subscribes.
 */
export type Ticker = {
	subscribe(listener: () => void): () => void;
	/** Changes on every tick (a counter). */
	getSnapshot(): number;
};

export function createTicker(intervalMs: number): Ticker {
	const listeners = new Set<() => void>();
	let count = 0;
	let timer: NodeJS.Timeout | undefined;
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (!timer) {
				timer = setInterval(() => {
					count++;
					for (const each of [...listeners]) each();
				}, intervalMs);
				// The console's repaint timer must never be what keeps the process alive.
				timer.unref?.();
			}
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0 && timer) {
					clearInterval(timer);
					timer = undefined;
				}
			};
		},
		getSnapshot: () => count,
	};
}

const noSubscription = () => () => undefined;

/** A subscribe function that does nothing, for a ticker that is switched off. */
export function idle(): Ticker['subscribe'] {
	return noSubscription;
}
