import {describe, expect, test} from 'vitest';
import {elapsed, formatAgo, formatDuration, formatTimestamp, shortId, shortRevision} from '../../source/format/time.js';

describe('durations and ages', () => {
	test('durations stay short and readable', () => {
		expect(formatDuration(42_000)).toBe('42s');
		expect(formatDuration(12 * 60_000 + 3000)).toBe('12m03s');
		expect(formatDuration(3_720_000)).toBe('1h02m');
		expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d04h');
		expect(formatDuration(undefined)).toBe('');
	});

	test('ages fit in four cells', () => {
		const now = 1_000_000_000;
		expect(formatAgo(now, now)).toBe('now');
		expect(formatAgo(now - 42_000, now)).toBe('42s');
		expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3h');
		expect(formatAgo(now - 5 * 86_400_000, now)).toBe('5d');
		expect(formatAgo(undefined, now)).toBe('');
	});

	test('a running execution has taken until now, a finished one until its last update', () => {
		expect(elapsed(0, 5000, 'InProgress', 9000)).toBe(9000);
		expect(elapsed(0, 5000, 'Succeeded', 9000)).toBe(5000);
		expect(elapsed(undefined, 5000, 'Succeeded', 9000)).toBeUndefined();
	});

	test('ids are shortened for columns', () => {
		expect(shortRevision('0123456789abcdef0123456789abcdef01234567')).toBe('0123456');
		expect(shortRevision('v1.2')).toBe('v1.2');
		expect(shortId('7a1c2f3e-aaaa-bbbb-cccc-1234567890ab')).toBe('7a1c2f3e');
		expect(formatTimestamp(Date.UTC(2026, 10, 1, 9, 5, 7))).toBe('2026-11-01 09:05:07');
	});
});
