/**
 * Structural sharing: keeps the previous object wherever the new one is deep-equal to it, so
 * selectors and React memo see the same reference when nothing they show changed.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * Returns `previous` when `next` is deep-equal to it; otherwise `next`, rebuilt so that every
 * deep-equal part is `previous`'s part. Arrays and plain objects are compared; anything else by
 * Object.is.
 */
export function share<T>(previous: T, next: T): T {
	if (Object.is(previous, next)) return previous;
	if (Array.isArray(previous) && Array.isArray(next)) {
		let same = previous.length === next.length;
		const out = next.map((item, index) => {
			const kept = index < previous.length ? share(previous[index], item) : item;
			if (kept !== previous[index]) same = false;
			return kept;
		});
		return (same ? previous : out) as T;
	}
	if (isPlainObject(previous) && isPlainObject(next)) {
		const previousKeys = Object.keys(previous);
		const nextKeys = Object.keys(next);
		// Keys whose value is undefined count as absent: an optional field left out equals one set to undefined.
		let same = countDefined(previous, previousKeys) === countDefined(next, nextKeys);
		const out: Record<string, unknown> = {};
		for (const key of nextKeys) {
			const value = next[key];
			if (value === undefined) {
				if (previous[key] !== undefined) same = false;
				continue;
			}
			const kept = share(previous[key], value);
			if (kept !== previous[key]) same = false;
			out[key] = kept;
		}
		return (same ? previous : out) as T;
	}
	return next;
}

function countDefined(object: Record<string, unknown>, keys: string[]): number {
	let count = 0;
	for (const key of keys) if (object[key] !== undefined) count++;
	return count;
}
