import {describe, expect, test} from 'vitest';
import {highlight, logRows, matchRows, nextMatch, textRows} from '../../../source/ui/render/text-view.js';
import {now} from './fixtures.js';

describe('text views', () => {
	test('log lines get their time and are wrapped to the width, escapes removed', () => {
		const rows = logRows([{timestamp: now, message: '\u001B[32m[Container] Running npm ci\u001B[0m\n'}], 20);
		expect(rows).toEqual(['09:00:00 [Container]', ' Running npm ci']);
	});

	test('search finds rows case-insensitively and n/N wrap around', () => {
		const rows = textRows('alpha\nBeta\ngamma beta', 40);
		const matches = matchRows(rows, 'beta');
		expect(matches).toEqual([1, 2]);
		expect(nextMatch(matches, 1, 1)).toBe(2);
		expect(nextMatch(matches, 2, 1)).toBe(1);
		expect(nextMatch(matches, 1, -1)).toBe(2);
	});

	test('matches are highlighted: underlined, and inverted and bold on the current match\'s row', () => {
		expect(highlight('a Beta b', 'beta')).toEqual([{text: 'a '}, {text: 'Beta', underline: true, color: 'yellow'}, {text: ' b'}]);
		expect(highlight('a Beta b', 'beta', true)).toEqual([{text: 'a '}, {text: 'Beta', inverse: true, bold: true, color: 'yellow'}, {text: ' b'}]);
	});
});
