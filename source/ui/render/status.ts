/**
 * The status vocabulary (source/format/status.ts) painted for the console: a tone's glyph as the
 * theme allows (Unicode or ASCII) and in its colour.
 */
import {toneGlyph, toneGlyphs, type Tone} from '../../format/status.js';
import type {Color, Segment, Theme} from './theme.js';

export function glyph(tone: Tone, theme: Theme): string {
	return toneGlyph(tone, theme.ascii);
}

export function toneColor(tone: Tone): Color | undefined {
	return toneGlyphs[tone].color;
}

/** A glyph as a coloured segment. */
export function glyphSegment(tone: Tone, theme: Theme): Segment {
	return {text: glyph(tone, theme), color: toneColor(tone)};
}
