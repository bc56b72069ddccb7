/**
 * Colours and glyphs. The console paints its own SGR codes instead of leaving colour to Ink, so
 * what reaches the terminal depends only on the theme chosen here: the terminal's own 16 colours
 * by default, nothing with NO_COLOR, and neither colours, attributes nor non-ASCII glyphs with
 * TERM=dumb. That also makes frames in tests exactly what a user would see.
 */
import {wantsAscii, type ToneColor} from '../../format/status.js';
import {applyCodes, type SgrCode} from './sgr.js';
import {closingOf, plainState, stepTo} from './sgr-steps.js';

export type Color = ToneColor;

export type Theme = {
	/** Foreground colours (off with NO_COLOR, theme.color "none", TERM=dumb). */
	color: boolean;
	/** Bold, dim, inverse, underline (off only with TERM=dumb). */
	attributes: boolean;
	/** Plain ASCII glyphs for terminals or locales without UTF-8. */
	ascii: boolean;
};

export type Segment = {
	text: string;
	color?: Color;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

const foreground: Record<Color, number> = {
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
};

type ThemeEnv = Record<string, string | undefined>;

/** The theme for an environment and the config file's `theme.color`. */
export function themeFor(env: ThemeEnv, configured: 'auto' | 'none' = 'auto'): Theme {
	const dumb = env.TERM === 'dumb';
	return {
		color: !dumb && configured !== 'none' && !env.NO_COLOR,
		attributes: !dumb,
		ascii: wantsAscii(env),
	};
}

/**
 * Trailing blanks of a line, unless they are shown inverted: Ink fills the rest of a row with
 * spaces anyway, and every character given to Ink costs it work on every frame.
 */
function withoutTrailingBlanks(segments: readonly Segment[]): readonly Segment[] {
	let end = segments.length;
	while (end > 0) {
		const last = segments[end - 1];
		if (last.inverse) break;
		const trimmed = last.text.trimEnd();
		if (trimmed !== '') {
			if (trimmed === last.text) break;
			return [...segments.slice(0, end - 1), {...last, text: trimmed}];
		}
		end--;
	}
	return end === segments.length ? segments : segments.slice(0, end);
}

const close = {color: '\u001B[39m', intensity: '\u001B[22m', underline: '\u001B[24m', inverse: '\u001B[27m'};
const colorCodes = Object.fromEntries(
	Object.entries(foreground).map(([name, code]) => [name, {open: `\u001B[${code}m`, close: close.color}]),
) as Record<Color, SgrCode>;
const bold: SgrCode = {open: '\u001B[1m', close: close.intensity};
const dim: SgrCode = {open: '\u001B[2m', close: close.intensity};
const underline: SgrCode = {open: '\u001B[4m', close: close.underline};
const inverse: SgrCode = {open: '\u001B[7m', close: close.inverse};
const endInverse: SgrCode = {open: close.inverse, close: close.inverse};

/**
 * Segments as one string with SGR codes, as far as the theme allows. `selected` inverts the
 * whole line. Codes change only where the style does, in the form Ink keeps (see sgr.ts).
 */
export function paint(segments: readonly Segment[], theme: Theme, selected = false): string {
	const base: SgrCode[] = selected && theme.attributes ? [inverse] : [];
	let state = plainState;
	let out = '';
	for (const segment of selected ? segments : withoutTrailingBlanks(segments)) {
		if (segment.text === '') continue;
		const step = stepTo(state, styleKey(segment, theme, selected), () => applyCodes(base, segmentCodes(segment, theme, selected)));
		out += step.text + segment.text;
		state = step.next;
	}
	return out + closingOf(state);
}

/** The codes a segment asks for under the theme. */
function segmentCodes(segment: Segment, theme: Theme, selected: boolean): SgrCode[] {
	const codes: SgrCode[] = [];
	if (theme.color && segment.color) codes.push(colorCodes[segment.color]);
	if (theme.attributes) {
		if (segment.bold) codes.push(bold);
		else if (segment.dim) codes.push(dim);
		if (segment.underline) codes.push(underline);
		// Inside a selected line, an inverse segment is turned back to normal to stay distinct.
		if (segment.inverse) codes.push(selected ? endInverse : inverse);
	}
	return codes;
}

const colorIndex = Object.fromEntries(Object.keys(foreground).map((name, index) => [name, index + 1])) as Record<Color, number>;

/** One number for everything segmentCodes() and the line's base depend on. */
function styleKey(segment: Segment, theme: Theme, selected: boolean): number {
	const color = theme.color && segment.color ? colorIndex[segment.color] : 0;
	if (!theme.attributes) return color * 64;
	const flags = (segment.bold ? 1 : 0) | (segment.dim ? 2 : 0) | (segment.underline ? 4 : 0) | (segment.inverse ? 8 : 0) | (selected ? 16 : 0) | 32;
	return color * 64 + flags;
}

/** The plain text of segments (for width sums and tests). */
export function plainText(segments: readonly Segment[]): string {
	let out = '';
	for (const segment of segments) out += segment.text;
	return out;
}
