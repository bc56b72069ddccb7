import {describe, expect, test} from 'vitest';
import {itemRange, moveIndex, resolveCursor, scrollToRange, scrollWindow} from '../../../source/ui/model/window.js';

describe('windowing', () => {
	test('the window moves only when the cursor leaves it', () => {
		expect(scrollWindow(5, 0, 10, 100)).toBe(0);
		expect(scrollWindow(10, 0, 10, 100)).toBe(1);
		expect(scrollWindow(3, 8, 10, 100)).toBe(3);
		expect(scrollWindow(99, 0, 10, 100)).toBe(90);
		expect(scrollWindow(4, 50, 10, 5)).toBe(0);
	});

	test('a cursor follows its item when the list reorders, else keeps its place', () => {
		expect(resolveCursor(['a', 'b', 'c'], {index: 0, id: 'c'})).toBe(2);
		expect(resolveCursor(['a', 'b'], {index: 5, id: 'gone'})).toBe(1);
		expect(resolveCursor([], {index: 3})).toBe(0);
	});

	test('movements stay within the list', () => {
		expect(moveIndex(0, 'up', 10, 5)).toBe(0);
		expect(moveIndex(0, 'pageDown', 10, 5)).toBe(4);
		expect(moveIndex(3, 'bottom', 10, 5)).toBe(9);
		expect(moveIndex(9, 'down', 10, 5)).toBe(9);
		expect(moveIndex(7, 'top', 10, 5)).toBe(0);
	});

	test('an item spanning several lines is scrolled into view whole', () => {
		expect(itemRange(['a', 'a', 'b', 'b', 'b', 'c'], 'b')).toEqual([2, 4]);
		expect(scrollToRange(2, 4, 0, 3, 6)).toBe(2);
		expect(scrollToRange(0, 1, 3, 3, 6)).toBe(0);
	});
});
