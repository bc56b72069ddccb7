import {describe, expect, test} from 'vitest';
import {glyph} from '../../../source/ui/render/status.js';
import {paint, themeFor} from '../../../source/ui/render/theme.js';

describe('theme', () => {
	test('the terminal 16 colours by default, none with NO_COLOR or theme "none"', () => {
		expect(themeFor({TERM: 'xterm-256color'})).toEqual({color: true, attributes: true, ascii: false});
		expect(themeFor({TERM: 'tmux-256color', NO_COLOR: '1'}).color).toBe(false);
		expect(themeFor({TERM: 'screen-256color'}, 'none').color).toBe(false);
		expect(themeFor({TERM: 'screen-256color'}).color).toBe(true);
	});

	test('TERM=dumb gets plain ASCII without colours or attributes', () => {
		const theme = themeFor({TERM: 'dumb'});
		expect(theme).toEqual({color: false, attributes: false, ascii: true});
		expect(glyph('ok', theme)).toBe('+');
		expect(glyph('failed', theme)).toBe('x');
	});

	test('a non-UTF-8 locale falls back to ASCII glyphs', () => {
		expect(themeFor({LANG: 'C'}).ascii).toBe(true);
		expect(themeFor({LANG: 'en_US.UTF-8'}).ascii).toBe(false);
		expect(themeFor({}).ascii).toBe(false);
	});

	test('paint emits the 16-colour codes only when colours are on', () => {
		const segments = [{text: 'Failed', color: 'red' as const}, {text: ' x'}];
		expect(paint(segments, themeFor({}))).toBe('\u001B[31mFailed\u001B[39m x');
		expect(paint(segments, themeFor({NO_COLOR: '1'}))).toBe('Failed x');
	});

	test('trailing blanks are left to the terminal, except where they show inverted', () => {
		const theme = themeFor({NO_COLOR: '1'});
		expect(paint([{text: ' a '}, {text: '   '}], theme)).toBe(' a');
		expect(paint([{text: 'a'}, {text: '  ', inverse: true}], theme)).toBe('a\u001B[7m  \u001B[27m');
		expect(paint([{text: 'a  '}], theme, true)).toBe('\u001B[7ma  \u001B[27m');
	});

	test('a selected line is inverted, even without colours', () => {
		expect(paint([{text: 'row'}], themeFor({NO_COLOR: '1'}), true)).toBe('\u001B[7mrow\u001B[27m');
		expect(paint([{text: 'row'}], themeFor({TERM: 'dumb'}), true)).toBe('row');
	});
});
