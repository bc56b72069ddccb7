/**
 * A tiny seeded pseudo-random generator (the mulberry32 construction: a 32-bit state advanced
 * by a Weyl step and scrambled with two multiply-xorshift rounds).
 *
 * Fault injection draws from it instead of Math.random so that one seed replays one run: a
 * resilience test that failed with seed 7 fails the same way again with seed 7.
 */

export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** An unsigned 32-bit integer. */
	nextUint32(): number;
};

export function seededRandom(seed: number): Random {
	// Any number (negative, fractional, huge) folds into a 32-bit state.
	let state = Math.trunc(seed) >>> 0;
	const nextUint32 = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return (mixed ^ (mixed >>> 14)) >>> 0;
	};
	return {
		nextUint32,
		next: () => nextUint32() / 4_294_967_296,
	};
}

/**
 * Request ids shaped like the UUIDs AWS sends (version 4 layout), drawn from their own stream
 * so that asking for an id never shifts the fault decisions made with the same seed.
 */
export function requestIdSequence(seed: number): () => string {
	// A fixed offset keeps this stream apart from the fault stream built from the same seed.
	const random = seededRandom((Math.trunc(seed) ^ 0x5eed1d5) >>> 0);
	return () => {
		const words = [random.nextUint32(), random.nextUint32(), random.nextUint32(), random.nextUint32()];
		const hex = words.map(word => word.toString(16).padStart(8, '0')).join('');
		const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
}
