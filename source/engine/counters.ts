/** Call counters for the footer, `status --json` and the benchmarks. */

import type {CallEvent} from '../aws/index.js';
import type {EngineCounters} from '../store/types.js';

export class Counters {
	private value: EngineCounters;
	private dirty = false;

	constructor(now: number) {
		this.value = {callsByOperation: {}, throttled: 0, errors: 0, latencyTotalMs: 0, latencyCount: 0, startedAt: now};
	}

	/** Every call the source APIs make, reads and writes. Cancelled calls (shutdown) are not errors. */
	record(event: CallEvent): void {
		const value = this.value;
		value.callsByOperation[event.operation] = (value.callsByOperation[event.operation] ?? 0) + 1;
		if (event.error?.kind === 'throttle') value.throttled++;
		else if (event.error && event.error.kind !== 'aborted') value.errors++;
		value.latencyTotalMs += event.ms;
		value.latencyCount++;
		this.dirty = true;
	}

	/** A call we gave up on (no answer in time): the SDK sees it as aborted, we count it as an error. */
	timeout(): void {
		this.value.errors++;
		this.dirty = true;
	}

	/** A copy when something changed since the last one, for the next store batch. */
	take(): EngineCounters | undefined {
		if (!this.dirty) return undefined;
		this.dirty = false;
		return this.snapshot();
	}

	snapshot(): EngineCounters {
		return {...this.value, callsByOperation: {...this.value.callsByOperation}};
	}

	totalCalls(): number {
		let total = 0;
		for (const count of Object.values(this.value.callsByOperation)) total += count;
		return total;
	}
}
