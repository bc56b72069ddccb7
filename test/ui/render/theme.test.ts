import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {applyCodes, transition, type SgrCode} from '../../../source/ui/render/sgr.js';
import {glyph} from '../../../source/ui/render/status.js';
import {paint, themeFor, type Segment, type Theme} from '../../../source/ui/render/theme.js';

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

/** paint() as it was before its steps were cached: every code worked out for every segment. */
function paintUncached(segments: readonly Segment[], theme: Theme, selected = false): string {
	const codesOf = (segment: Segment): SgrCode[] => {
		const codes: SgrCode[] = [];
		const open = (code: number, close: number) => ({open: `\u001B[${code}m`, close: `\u001B[${close}m`});
		const colors = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90};
		if (theme.color && segment.color) codes.push(open(colors[segment.color], 39));
		if (theme.attributes) {
			if (segment.bold) codes.push(open(1, 22));
			else if (segment.dim) codes.push(open(2, 22));
			if (segment.underline) codes.push(open(4, 24));
			if (segment.inverse) codes.push(selected ? open(27, 27) : open(7, 27));
		}
		return codes;
	};
	const base = selected && theme.attributes ? [{open: '\u001B[7m', close: '\u001B[27m'}] : [];
	let active: SgrCode[] = [];
	let out = '';
	const kept = selected ? segments : paintTrimmed(segments);
	for (const segment of kept) {
		if (segment.text === '') continue;
		const step = transition(active, applyCodes(base, codesOf(segment)));
		out += step.text + segment.text;
		active = applyCodes(active, step.codes);
	}
	return out + transition(active, []).text;
}

/** Trailing blanks dropped as paint() drops them, by painting without styles. */
function paintTrimmed(segments: readonly Segment[]): Segment[] {
	const kept = [...segments];
	while (kept.length > 0 && !kept.at(-1)!.inverse && kept.at(-1)!.text.trimEnd() === '') kept.pop();
	const last = kept.at(-1);
	if (last && !last.inverse) kept[kept.length - 1] = {...last, text: last.text.trimEnd()};
	return kept;
}

const segmentArbitrary = fc.record(
	{
		text: fc.constantFrom('a', 'ab ', ' ', '', '✓', 'x  '),
		color: fc.constantFrom(undefined, 'red', 'green', 'yellow', 'cyan', 'gray'),
		bold: fc.boolean(),
		dim: fc.boolean(),
		inverse: fc.boolean(),
		underline: fc.boolean(),
	},
	{requiredKeys: ['text']},
) as fc.Arbitrary<Segment>;
const themeArbitrary = fc.constantFrom(themeFor({}), themeFor({NO_COLOR: '1'}), themeFor({TERM: 'dumb'}));

test('paint writes the codes worked out afresh for every segment, whatever it painted before', () => {
	fc.assert(
		fc.property(fc.array(segmentArbitrary, {maxLength: 12}), themeArbitrary, fc.boolean(), (segments, theme, selected) => {
			expect(paint(segments, theme, selected)).toBe(paintUncached(segments, theme, selected));
		}),
		{numRuns: 3000},
	);
});
