/**
 * A cause as screen rows (the headline is the view's own, pinned above them): the details, the links (whole, wrapped, never cut: they
 * are copied into a browser), then the events or log lines. Knows which rows are errors so the
 * view can open at the first error of the failed part and step from error to error.
 */
import type {Cause} from '../../store/cause-types.js';
import {formatClock} from '../../format/time.js';
import {sanitize, wrap} from './text.js';

export type CauseRow = {text: string; tone?: 'headline' | 'error' | 'title' | 'dim' | 'failed'};

export type CauseRows = {
	rows: CauseRow[];
	/** Rows that start an error line, in order. */
	errorRows: number[];
	/** Where the view opens: the first error of the failed part, else the first error, else the lines. */
	openAt: number;
};

export function causeRows(cause: Cause, width: number, failedOnly: boolean): CauseRows {
	const rows: CauseRow[] = [];
	const add = (text: string, tone?: CauseRow['tone']) => {
		for (const row of wrap(sanitize(text), width)) rows.push({text: row, tone});
	};
	for (const detail of cause.details) add(detail);
	for (const link of cause.links) add(`${link.label}: ${link.url}`, 'dim');
	rows.push({text: ''});
	const shown = failedOnly && cause.lines.some(each => each.failedPart) ? cause.lines.filter(each => each.failedPart) : cause.lines;
	add(`${cause.linesTitle}${failedOnly ? ' — failed part only' : ''}: ${shown.length} lines`, 'title');
	const linesStart = rows.length;
	const errorRows: number[] = [];
	let firstFailedError: number | undefined;
	for (const each of shown) {
		const at = rows.length;
		if (each.error) {
			errorRows.push(at);
			if (each.failedPart && firstFailedError === undefined) firstFailedError = at;
		}
		add(`${each.timestamp === undefined ? '' : `${formatClock(each.timestamp)} `}${each.text}`, each.error ? 'error' : each.failedPart ? 'failed' : undefined);
	}
	if (shown.length === 0) add('(none)', 'dim');
	return {rows, errorRows, openAt: firstFailedError ?? errorRows[0] ?? linesStart};
}
