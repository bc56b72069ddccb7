/** The human table of `pipetop status`: one row per pipeline in attention order, then source problems. */

import {stageTone, toneGlyph} from '../format/status.js';
import {shownSources, sweptCounts, sweptWords} from '../store/source-standing.js';
import type {FleetState, PipelineEntry, StageView} from '../store/types.js';

/** One character per stage: the console's glyph for the stage's tone (the one status vocabulary). */
function stageGlyph(stage: StageView, ascii: boolean): string {
	return toneGlyph(stageTone(stage), ascii);
}

/** 45s, 12m, 3h, 4d. */
function shortDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
	return `${Math.floor(seconds / 86_400)}d`;
}

function statusOf(entry: PipelineEntry): string {
	if (entry.error && !entry.latestExecution) return `error: ${entry.error.code}`;
	if (entry.attention === 'approval') return 'Approval';
	return entry.latestExecution?.status ?? (entry.attention === 'unknown' ? '?' : 'never run');
}

function table(rows: string[][]): string[] {
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
	return rows.map(row => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

/** `ascii`: the glyphs of TERM=dumb and non-UTF-8 locales (format/status.ts wantsAscii). */
export function renderStatusText(state: FleetState, now: number, ascii = false): string {
	const lines: string[] = [];
	const rows = [['PROFILE', 'REGION', 'PIPELINE', 'STATUS', 'STAGES', 'AGE']];
	for (const key of state.order) {
		const entry = state.pipelines[key];
		const since = entry.latestExecution?.lastUpdateTime ?? entry.latestExecution?.startTime;
		rows.push([entry.profile, entry.region, entry.name, statusOf(entry), entry.stages.map(stage => stageGlyph(stage, ascii)).join(''), since === undefined ? '-' : shortDuration(now - since)]);
	}
	if (rows.length > 1) lines.push(...table(rows));
	else lines.push('no pipelines');
	for (const source of shownSources(state)) {
		if (source.health !== 'failed' && source.listedAt !== undefined) continue;
		const error = source.error;
		const reason = error ? `${error.code}: ${error.message}` : 'no answer yet';
		lines.push(`${source.key}: FAILED ${reason}${error?.hint ? ` (${error.hint})` : ''}`);
	}
	// `--region all`: the regions with nothing to say, counted per profile (no failure among them).
	for (const counts of sweptCounts(state)) lines.push(`${counts.profile}: ${sweptWords(counts)}`);
	const {counts} = state;
	lines.push(`${counts.total} pipelines: ${counts.failed} failed, ${counts.approval} waiting for approval, ${counts.running} running, ${counts.idle} idle`);
	return `${lines.join('\n')}\n`;
}
