/** The history table: one line per execution, columns chosen by width like the fleet's. */
import {commitMessage} from './revision.js';
import type {ExecutionSummaryView} from '../../store/types.js';
import {glyphSegment, toneColor} from './status.js';
import {executionTone} from '../../format/status.js';
import {firstLine, fit} from './text.js';
import type {Segment, Theme} from './theme.js';
import {executionElapsed, formatAgo, formatDuration, formatTimestamp, shortId, shortRevision} from '../../format/time.js';

type Column = {id: 'state' | 'status' | 'id' | 'trigger' | 'started' | 'took' | 'revision' | 'reason'; title: string; width: number; align?: 'right'};

export type HistoryLayout = {columns: Column[]};

export function historyLayout(width: number): HistoryLayout {
	const wide = width >= 150;
	const columns: Column[] = [
		{id: 'state', title: '', width: 1},
		{id: 'status', title: 'STATUS', width: 10},
		{id: 'id', title: 'EXECUTION', width: wide ? 36 : 9},
		{id: 'started', title: wide ? 'STARTED' : 'AGE', width: wide ? 25 : 5, align: wide ? undefined : 'right'},
		{id: 'took', title: 'TOOK', width: 6, align: 'right'},
	];
	if (width >= 60) columns.push({id: 'trigger', title: 'TRIGGER', width: wide ? 34 : 16});
	let used = columns.reduce((sum, column) => sum + column.width + 1, -1);
	const rest = width - used - 1;
	if (rest >= 12) {
		// Revision and stop reason share what is left; the stop reason only shows when wide enough.
		const reason = rest >= 70 ? Math.floor(rest / 3) : 0;
		columns.push({id: 'revision', title: 'REVISION', width: rest - (reason ? reason + 1 : 0)});
		if (reason) columns.push({id: 'reason', title: 'STOP REASON', width: reason});
		used = width;
	}
	return {columns};
}

export function historyTitles(layout: HistoryLayout): Segment[] {
	return [{text: layout.columns.map(column => fit(column.title, column.width, column.align ?? 'left')).join(' '), bold: true}];
}

export function historyRow(execution: ExecutionSummaryView, layout: HistoryLayout, now: number, theme: Theme): Segment[] {
	const tone = executionTone(execution.status);
	const out: Segment[] = [];
	for (const [index, column] of layout.columns.entries()) {
		if (index > 0) out.push({text: ' '});
		const text = (value: string, style: Omit<Segment, 'text'> = {}) => out.push({text: fit(value, column.width, column.align ?? 'left'), ...style});
		switch (column.id) {
			case 'state':
				out.push(glyphSegment(tone, theme));
				break;
			case 'status':
				text(execution.status, {color: toneColor(tone)});
				break;
			case 'id':
				text(column.width >= 36 ? execution.executionId : shortId(execution.executionId), {color: 'blue'});
				break;
			case 'started':
				text(column.width >= 25 ? `${formatTimestamp(execution.startTime)} ${formatAgo(execution.startTime, now)}` : formatAgo(execution.startTime, now));
				break;
			case 'took':
				text(formatDuration(executionElapsed(execution, now)));
				break;
			case 'trigger':
				text([execution.triggerType, execution.triggerDetail && firstLine(execution.triggerDetail)].filter(Boolean).join(': '), {dim: true});
				break;
			case 'revision': {
				const revisions = execution.sourceRevisions.map(revision => `${shortRevision(revision.revisionId)} ${commitMessage(revision.revisionSummary)}`.trim());
				text(revisions.join('; '));
				break;
			}
			case 'reason':
				text(firstLine(execution.stopReason ?? execution.statusSummary), {dim: true});
				break;
		}
	}
	return out;
}
