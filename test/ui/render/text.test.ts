import {describe, expect, test} from 'vitest';
import {displayWidth, fit, firstLine, sanitize, truncate, wrap} from '../../../source/ui/render/text.js';

describe('text fitting', () => {
	test('escape sequences and control characters from AWS data never reach the terminal', () => {
		expect(sanitize('\u001B[31mred\u001B[0m build\u0007 done\r\n')).toBe('red build done ');
		expect(sanitize('title\u001B]0;owned\u0007 ok')).toBe('title ok');
		expect(sanitize('a\tb')).toBe('a    b');
	});

	test('wide characters take two cells and combining marks none', () => {
		expect(displayWidth('abc')).toBe(3);
		expect(displayWidth('日本')).toBe(4);
		expect(displayWidth('e\u0301')).toBe(1);
		expect(displayWidth('✓✗●')).toBe(3);
	});

	test('truncate ends with an ellipsis and never exceeds the width', () => {
		expect(truncate('deploy-production', 10)).toBe('deploy-pr…');
		expect(truncate('short', 10)).toBe('short');
		expect(displayWidth(truncate('日本語のコミット', 7))).toBeLessThanOrEqual(7);
		expect(truncate('anything', 0)).toBe('');
	});

	test('fit pads to exactly the width, on either side', () => {
		expect(fit('ab', 5)).toBe('ab   ');
		expect(fit('ab', 5, 'right')).toBe('   ab');
		expect(fit('abcdefgh', 5)).toBe('abcd…');
	});

	test('wrap cuts long lines into screen rows', () => {
		expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrap('日本語', 4)).toEqual(['日本', '語']);
		expect(wrap('', 4)).toEqual(['']);
	});

	test('a commit message shows its first line only', () => {
		expect(firstLine('Fix login\n\nLong body')).toBe('Fix login');
		expect(firstLine(undefined)).toBe('');
	});
});
