/** Building blocks for views made of lines (pipeline grid, execution detail, help). */
import {displayWidth, fit, sanitize, truncate, wrap, wrapWords} from './text.js';
import type {Segment} from './theme.js';

export type Line = {
	segments: Segment[];
	/** The selectable item this line belongs to (cursor moves between items, not lines). */
	item?: string;
};

export const blank = (): Line => ({segments: [{text: ''}]});

export function line(...segments: Segment[]): Line {
	return {segments};
}

/** Segments cut to `width` cells; the last segment that does not fit ends with an ellipsis. */
export function clip(segments: readonly Segment[], width: number): Segment[] {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of segments) {
		const cells = displayWidth(segment.text);
		if (used + cells <= width) {
			out.push(segment);
			used += cells;
			continue;
		}
		const room = width - used;
		if (room > 0) out.push({...segment, text: truncate(segment.text, room)});
		break;
	}
	return out;
}

/** Segments padded or cut to exactly `width` cells (cells of a grid must line up). */
export function box(segments: readonly Segment[], width: number): Segment[] {
	const out = clip(segments, width);
	let used = 0;
	for (const segment of out) used += displayWidth(segment.text);
	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/** A label and a long value, wrapped under the label to at most `maxLines` lines. */
export function labelled(
	indent: number,
	label: string,
	value: string,
	width: number,
	style: Omit<Segment, 'text'> = {},
	maxLines = 3,
	item?: string,
): Line[] {
	const head = `${' '.repeat(indent)}${label}`;
	const room = Math.max(10, width - displayWidth(head));
	// On word boundaries: a word (an id, a status) is split only when longer than the line.
	const pieces = wrapWords(sanitize(value), room);
	const shown = pieces.slice(0, maxLines);
	if (pieces.length > maxLines) shown[maxLines - 1] = truncate(shown[maxLines - 1] + '…', room);
	return shown.map((piece, index) => ({
		segments: [{text: index === 0 ? head : ' '.repeat(displayWidth(head)), dim: true}, {text: piece, ...style}],
		item,
	}));
}

/**
 * Prose (an error and why) under a label, wrapped on word boundaries at the width and shown
 * whole: the operator reads it as a sentence, so no line is cut and no word split (unless a
 * single word is longer than the line).
 */
export function proseLines(
	indent: number,
	label: string,
	value: string,
	width: number,
	style: Omit<Segment, 'text'> = {},
	item?: string,
	/** What starts the lines after the first (default: spaces as wide as the label). */
	continuation?: string,
): Line[] {
	const head = `${' '.repeat(indent)}${label}`;
	const room = Math.max(10, width - displayWidth(head));
	const next = continuation ?? ' '.repeat(displayWidth(head));
	return wrapWords(sanitize(value).trim(), room).map((piece, index) => ({
		segments: [{text: index === 0 ? head : next, dim: true}, {text: piece, ...style}],
		item,
	}));
}

/**
 * A link or an ARN, never cut (it must stay copyable and clickable): after its label when it fits
 * there, else alone on the next line from the left edge; hard-wrapped only when longer than the screen.
 */
export function linkLines(indent: number, label: string, link: string, width: number, style: Omit<Segment, 'text'> = {}, item?: string): Line[] {
	const head = `${' '.repeat(indent)}${label}`;
	const value = sanitize(link).trim();
	if (displayWidth(head) + displayWidth(value) <= width) return [{segments: [{text: head, dim: true}, {text: value, ...style}], item}];
	return [{segments: [{text: head.trimEnd(), dim: true}], item}, ...wrap(value, width).map(piece => ({segments: [{text: piece, ...style}], item}))];
}

export {fit};
