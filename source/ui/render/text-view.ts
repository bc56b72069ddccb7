/**
 * Long text (build logs, pipeline declarations) as screen rows: sanitized, hard-wrapped to the
 * width, searchable. Wrapping is cached per log line so that a growing log only wraps new lines.
 */
import type {LogLine} from '../../store/types.js';
import {sanitize, wrap} from './text.js';
import type {Segment} from './theme.js';
import {formatClock} from '../../format/time.js';

export type TextRows = {rows: string[]; /** Lower-cased rows, for search. */ lower: string[]};

const wrapped = new Map<number, WeakMap<LogLine, string[]>>();

function wrapLogLine(entry: LogLine, width: number): string[] {
	let cache = wrapped.get(width);
	if (!cache) {
		cache = new WeakMap();
		wrapped.set(width, cache);
	}
	let rows = cache.get(entry);
	if (!rows) {
		rows = wrap(`${formatClock(entry.timestamp)} ${sanitize(entry.message.replace(/\s+$/, ''))}`, width);
		cache.set(entry, rows);
	}
	return rows;
}

export function logRows(lines: readonly LogLine[], width: number): string[] {
	const rows: string[] = [];
	for (const entry of lines) for (const row of wrapLogLine(entry, width)) rows.push(row);
	return rows;
}

export function textRows(text: string, width: number): string[] {
	const rows: string[] = [];
	for (const raw of text.split('\n')) for (const row of wrap(sanitize(raw), width)) rows.push(row);
	return rows;
}

/** Rows containing the search (case-insensitive), in order. */
export function matchRows(rows: readonly string[], search: string | undefined): number[] {
	if (!search) return [];
	const wanted = search.toLowerCase();
	const found: number[] = [];
	rows.forEach((row, index) => {
		if (row.toLowerCase().includes(wanted)) found.push(index);
	});
	return found;
}

/** The next (or previous) match from a row, wrapping around. */
export function nextMatch(matches: readonly number[], from: number, direction: 1 | -1): number | undefined {
	if (matches.length === 0) return undefined;
	if (direction === 1) return matches.find(index => index > from) ?? matches[0];
	for (let index = matches.length - 1; index >= 0; index--) if (matches[index] < from) return matches[index];
	return matches[matches.length - 1];
}

/**
 * A row with each occurrence of the search marked: underlined, and inverted and bold on the row
 * of the current match, so n and N show where they went (also without colours).
 */
export function highlight(row: string, search: string | undefined, current = false): Segment[] {
	if (!search) return [{text: row}];
	const lower = row.toLowerCase();
	const wanted = search.toLowerCase();
	const out: Segment[] = [];
	let from = 0;
	for (;;) {
		const at = lower.indexOf(wanted, from);
		if (at === -1) break;
		if (at > from) out.push({text: row.slice(from, at)});
		const text = row.slice(at, at + wanted.length);
		out.push(current ? {text, inverse: true, bold: true, color: 'yellow'} : {text, underline: true, color: 'yellow'});
		from = at + wanted.length;
	}
	if (from < row.length) out.push({text: row.slice(from)});
	return out.length > 0 ? out : [{text: row}];
}
