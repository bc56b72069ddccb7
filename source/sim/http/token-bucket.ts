/**
 * A token bucket: holds up to `burst` tokens, refills `perSecond` a second, one token per call.
 * Time comes in as an argument (the sim's Clock) so that virtual-time tests are deterministic.
 */
export class TokenBucket {
	private tokens: number;
	private last: number;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		now: number,
	) {
		this.tokens = burst;
		this.last = now;
	}

	/** Takes a token if one is there; false means the call is over the rate. */
	take(now: number): boolean {
		// A clock that moved backwards (a new VirtualClock, a reset) refills nothing and takes nothing.
		const elapsed = Math.max(0, now - this.last);
		this.last = Math.max(this.last, now);
		this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
