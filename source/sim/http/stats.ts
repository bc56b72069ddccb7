/**
 * Counters kept by the front, for tests and benchmarks: how many calls of each operation reached
 * the service, for which account and region, and which faults or errors they met.
 */

export type SimStats = {
	/** Every HTTP request received, whatever became of it. */
	requests: number;
	/** TCP connections accepted (keep-alive: many requests on one). */
	connections: number;
	/**
	 * Calls per operation name (e.g. `PutApprovalResult`) with a known target prefix, counted on
	 * arrival whether or not they were authenticated, throttled or failed: the strictest count
	 * for proving that a client never sent a call (read-only mode).
	 */
	byOperation: Record<string, number>;
	/** Authenticated calls: `${accountId}/${region}` -> operation -> count. */
	byAccountRegion: Record<string, Record<string, number>>;
	/** Calls that got past every fault and were put to the world, per operation. */
	handledByOperation: Record<string, number>;
	/** Calls refused by the injected rate limit. */
	throttled: number;
	denied: number;
	dropped: number;
	/** Calls held open by a dead region. */
	held: number;
	malformed: number;
	/** Injected 500/503 answers (not the world's own failures, which count under errors). */
	injectedServerErrors: number;
	/** Every error answer, by error code (auth, protocol, faults and the world's). */
	errors: Record<string, number>;
};

function bump(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

export class StatsRecorder {
	private stats: SimStats = StatsRecorder.empty();

	static empty(): SimStats {
		return {requests: 0, connections: 0, byOperation: {}, byAccountRegion: {}, handledByOperation: {}, throttled: 0, denied: 0, dropped: 0, held: 0, malformed: 0, injectedServerErrors: 0, errors: {}};
	}

	request(): void {
		this.stats.requests++;
	}

	connection(): void {
		this.stats.connections++;
	}

	operation(operation: string): void {
		bump(this.stats.byOperation, operation);
	}

	authenticated(accountId: string, region: string, operation: string): void {
		const key = `${accountId}/${region}`;
		bump((this.stats.byAccountRegion[key] ??= {}), operation);
	}

	handled(operation: string): void {
		bump(this.stats.handledByOperation, operation);
	}

	error(code: string): void {
		bump(this.stats.errors, code);
	}

	count(what: 'throttled' | 'denied' | 'dropped' | 'held' | 'malformed' | 'injectedServerErrors'): void {
		this.stats[what]++;
	}

	snapshot(): SimStats {
		return structuredClone(this.stats);
	}

	reset(): void {
		this.stats = StatsRecorder.empty();
	}
}
