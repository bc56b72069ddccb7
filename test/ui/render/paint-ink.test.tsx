import fc from 'fast-check';
import {Text, renderToString} from 'ink';
import {describe, expect, test} from 'vitest';
import {paint, themeFor, type Color, type Segment, type Theme} from '../../../source/ui/render/theme.js';

// Each segment opened and closed on its own: the straightforward painting the terminal must
// not be able to tell apart from paint's.
const open: Record<Color, number> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90};
function reference(segments: readonly Segment[], theme: Theme, selected: boolean): string {
	let out = '';
	for (const segment of segments) {
		if (segment.text === '') continue;
		let before = '';
		let after = '';
		if (theme.color && segment.color) [before, after] = [`\u001B[${open[segment.color]}m`, '\u001B[39m'];
		if (theme.attributes) {
			if (segment.bold || segment.dim) [before, after] = [`${before}\u001B[${segment.bold ? 1 : 2}m`, `\u001B[22m${after}`];
			if (segment.underline) [before, after] = [`${before}\u001B[4m`, `\u001B[24m${after}`];
			if (segment.inverse) [before, after] = [`${before}\u001B[${selected ? 27 : 7}m`, `\u001B[${selected ? 7 : 27}m${after}`];
		}
		out += before + segment.text + after;
	}
	return selected && theme.attributes ? `\u001B[7m${out}\u001B[27m` : out;
}

const onScreen = (text: string) => renderToString(<Text>{text}</Text>, {columns: 400});

const segment = fc.record(
	{
		text: fc.string({unit: fc.constantFrom('a', 'b', ' ', '✓', '●', '…'), maxLength: 4}),
		color: fc.constantFrom<Color>('red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray'),
		bold: fc.boolean(),
		dim: fc.boolean(),
		underline: fc.boolean(),
		inverse: fc.boolean(),
	},
	{requiredKeys: ['text']},
);

describe('painted lines on the terminal', () => {
	const themes = [themeFor({TERM: 'xterm-256color'}), themeFor({NO_COLOR: '1'}), themeFor({TERM: 'dumb'})];

	test('show every cell in the style of its segment, selected or not', () => {
		fc.assert(
			fc.property(fc.array(segment, {maxLength: 12}), fc.boolean(), fc.constantFrom(...themes), (segments, selected, theme) => {
				// Trailing blanks are paint's to drop: compare lines that have none.
				const line = [...segments, {text: 'z'}];
				expect(onScreen(paint(line, theme, selected))).toBe(onScreen(reference(line, theme, selected)));
			}),
			{numRuns: 500},
		);
	});

	test('reach Ink in the form Ink writes them (so it reads each line once)', () => {
		fc.assert(
			fc.property(fc.array(segment, {maxLength: 12}), fc.boolean(), (segments, selected) => {
				const painted = paint([...segments, {text: 'z'}], themes[0], selected);
				expect(onScreen(painted)).toBe(painted);
			}),
			{numRuns: 500},
		);
	});

	test('a run of cells in one colour carries its codes once', () => {
		const strip: Segment[] = [
			{text: '●', color: 'cyan'},
			{text: '✓', color: 'green'},
			{text: '✓', color: 'green'},
		];
		expect(paint(strip, themes[0])).toBe('\u001B[36m●\u001B[32m✓✓\u001B[39m');
	});
});
