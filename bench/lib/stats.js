/** Small statistics over samples, rounded for reports. */

/** The p-th percentile (0-100) by nearest rank; undefined for no samples. */
export function percentile(values, p) {
	if (values.length === 0) return undefined;
	const sorted = Float64Array.from(values).sort();
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export function median(values) {
	return percentile(values, 50);
}

export function mean(values) {
	return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Rounds to `digits` decimals, leaving undefined (and null) alone. */
export function round(value, digits = 2) {
	if (value === undefined || value === null || !Number.isFinite(value)) return value;
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** p50, p95, p99 and max of a sample set. */
export function summary(values, digits = 2) {
	return {
		n: values.length,
		p50: round(percentile(values, 50), digits),
		p95: round(percentile(values, 95), digits),
		p99: round(percentile(values, 99), digits),
		max: round(percentile(values, 100), digits),
	};
}
