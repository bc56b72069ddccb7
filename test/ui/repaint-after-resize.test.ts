/** The repaint after a storm of resizes: once, when the size has been still for a moment, and never after stop. */
import {EventEmitter} from 'node:events';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {repaintAfterResize} from '../../source/ui/repaint-after-resize.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('forty resizes in a row: one repaint, 120 ms after the last; none after stop', () => {
	const stdout = new EventEmitter();
	let repaints = 0;
	const stop = repaintAfterResize(stdout, () => repaints++);
	for (let index = 0; index < 40; index++) {
		stdout.emit('resize');
		vi.advanceTimersByTime(30);
	}
	expect(repaints).toBe(0);
	vi.advanceTimersByTime(119);
	expect(repaints).toBe(1);
	stdout.emit('resize');
	stop();
	vi.advanceTimersByTime(1000);
	expect(repaints).toBe(1);
	expect(stdout.listenerCount('resize')).toBe(0);
});
