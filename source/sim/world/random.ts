/**
 * Seeded randomness for the world. Every random choice (ids, durations, commit messages, log
 * lines) comes from here so that the same seed and the same calls give the same world.
 *
 * Each pipeline gets its own generator derived from (seed, account, region, name): what happens
 * in one pipeline then never shifts the ids or timings of another, which keeps tests stable when
 * a scenario grows.
 */

/** A 32-bit hash of text (FNV-1a followed by a murmur-style finaliser), mixed with a seed. */
export function hashString(text: string, seed = 0): number {
	let hash = (0x811c9dc5 ^ seed) >>> 0;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

const HEX = '0123456789abcdef';
const HEX_CODES = Buffer.from(HEX, 'latin1');
const UUID_SCRATCH = Buffer.alloc(36);
const CHARS_SCRATCH = Buffer.alloc(128);
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** sfc32: small, fast, and good enough for simulation; state is four 32-bit words. */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		// splitmix32 spreads one seed over the four words so nearby seeds diverge at once.
		let state = seed >>> 0;
		const next = () => {
			state = (state + 0x9e3779b9) >>> 0;
			let z = state;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for (let index = 0; index < 12; index++) this.uint32();
	}

	/** A generator for a named sub-purpose, independent of how much this one was used. */
	static derive(seed: number, ...labels: string[]): Rng {
		return new Rng(hashString(labels.join('\u0000'), seed));
	}

	uint32(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** Uniform integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Uniform real in [min, max). */
	real(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight: [[value, weight], ...]. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [value, weight] of entries) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return entries[entries.length - 1][0];
	}

	/**
	 * Written into a scratch buffer and read back as one flat string: appending char by char would
	 * leave a rope of dozens of small strings per id, which across a 2,000-pipeline fleet costs
	 * hundreds of megabytes and most of the garbage collector's time.
	 */
	private chars(alphabet: string, length: number): string {
		const out = length <= CHARS_SCRATCH.length ? CHARS_SCRATCH : Buffer.alloc(length);
		for (let index = 0; index < length; index++) out[index] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
		return out.toString('latin1', 0, length);
	}

	hex(length: number): string {
		return this.chars(HEX, length);
	}

	upperAlnum(length: number): string {
		return this.chars(UPPER_ALNUM, length);
	}

	mixedAlnum(length: number): string {
		return this.chars(MIXED_ALNUM, length);
	}

	/**
	 * A version-4 UUID, the form CodePipeline uses for execution ids and approval tokens: four
	 * 32-bit draws, written into a scratch buffer and read back as one flat string (ids are made
	 * for every action run, so this is one of the hottest paths of a large fleet).
	 */
	uuid(): string {
		const out = UUID_SCRATCH;
		let at = 0;
		for (let word = 0; word < 4; word++) {
			let value = this.uint32();
			for (let nibble = 0; nibble < 8; nibble++) {
				if (at === 8 || at === 13 || at === 18 || at === 23) out[at++] = 45; // '-'
				out[at++] = HEX_CODES[value & 15];
				value >>>= 4;
			}
		}
		out[14] = 52; // '4': version 4
		out[19] = HEX_CODES[8 + (out[19] & 3)]; // variant 10xx
		return out.toString('latin1', 0, 36);
	}

	/** A 40-hex git commit id. */
	commitId(): string {
		return this.hex(40);
	}
}
