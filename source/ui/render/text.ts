/**
 * Measuring and fitting text into terminal cells. Everything the console prints passes through
 * here, so data from AWS (commit messages, build logs) can never move the cursor or break the
 * layout: control characters and escape sequences are stripped before measuring.
 */

import stringWidth from 'string-width';

// CSI (colours, cursor moves), OSC (titles, links) and the other two-byte escapes a build log may hold.
// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const plainAscii = /^[\u0020-\u007E]*$/;

/** One line of untrusted text made printable: escapes and controls removed, tabs and newlines as spaces. */
export function sanitize(text: string): string {
	if (plainAscii.test(text)) return text;
	return text.replace(escapeSequence, '').replace(/\t/g, '    ').replace(/[\r\n]+/g, ' ').replace(controlCharacter, '');
}

// Widths are Ink's own: it lays out and cuts every line with string-width, so a pad computed with
// anything else (a table of wide ranges) leaves a column a cell or two off wherever the two disagree:
// emoji outside the table, variation selectors, ZWJ sequences, Hebrew points, Arabic marks.
const graphemeSegmenter = new Intl.Segmenter();

/** The grapheme clusters of a string with the cells each takes, as Ink measures them. */
function* cells(text: string): Generator<[cluster: string, width: number]> {
	for (const {segment} of graphemeSegmenter.segment(text)) yield [segment, stringWidth(segment)];
}

/** Terminal cells a (sanitized) string takes. */
export function displayWidth(text: string): number {
	if (plainAscii.test(text)) return text.length;
	return stringWidth(text);
}

/** Cuts text to at most `width` cells, ending with an ellipsis when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (plainAscii.test(text) && text.length <= width) return text;
	if (displayWidth(text) <= width) return text;
	const room = width - displayWidth(ellipsis);
	if (room <= 0) return ellipsis.slice(0, width);
	let out = '';
	let used = 0;
	for (const [cluster, clusterWidth] of cells(text)) {
		if (used + clusterWidth > room) break;
		out += cluster;
		used += clusterWidth;
	}
	return out + ellipsis;
}

/** Exactly `width` cells: cut with an ellipsis or padded with spaces (on the left when align is right). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	const gap = width - displayWidth(cut);
	if (gap <= 0) return cut;
	return align === 'left' ? cut + ' '.repeat(gap) : ' '.repeat(gap) + cut;
}

/**
 * Splits a line into pieces of at most `width` cells (hard wrap, no word breaking: build logs are
 * read by position, and a word longer than the screen must still show whole).
 */
export function wrap(text: string, width: number): string[] {
	if (width <= 0) return [text];
	if (plainAscii.test(text)) {
		if (text.length <= width) return [text];
		const pieces: string[] = [];
		for (let start = 0; start < text.length; start += width) pieces.push(text.slice(start, start + width));
		return pieces;
	}
	const pieces: string[] = [];
	let current = '';
	let used = 0;
	for (const [cluster, clusterWidth] of cells(text)) {
		if (used + clusterWidth > width && current !== '') {
			pieces.push(current);
			current = '';
			used = 0;
		}
		current += cluster;
		used += clusterWidth;
	}
	pieces.push(current);
	return pieces;
}

/**
 * Splits prose into lines of at most `width` cells at spaces, for messages read as sentences
 * (an error and what to do about it). A word longer than a line is cut hard, as `wrap` does.
 */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/ +/)) {
		const candidate = current === '' ? word : `${current} ${word}`;
		if (displayWidth(candidate) <= width) {
			current = candidate;
			continue;
		}
		if (current !== '') lines.push(current);
		const pieces = wrap(word, width);
		current = pieces.pop() ?? '';
		lines.push(...pieces);
	}
	lines.push(current);
	return lines;
}

/** The first line of a message (commit messages carry bodies), sanitized. */
export function firstLine(text: string | undefined): string {
	if (!text) return '';
	const end = text.search(/[\r\n]/);
	return sanitize(end === -1 ? text : text.slice(0, end)).trim();
}
