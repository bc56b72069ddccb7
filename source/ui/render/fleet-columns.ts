/**
 * The fleet table as pure functions: which columns fit a width, and each pipeline as one line of
 * segments. Columns drop by priority as the terminal narrows, so 80 columns keeps what matters
 * (name, status, stages, age) and 250 columns adds account, revision and the commit message.
 */
import type {PipelineEntry, SourceState} from '../../store/types.js';
import {commitMessage} from './revision.js';
import {displayWidth, firstLine, fit} from './text.js';
import {glyph, glyphSegment, toneColor} from './status.js';
import {pipelineStatusWord, pipelineTone, stageTone} from '../../format/status.js';
import {executionElapsed, formatAgo, formatDuration, shortRevision} from '../../format/time.js';
import type {Segment, Theme} from './theme.js';
import {rowSince} from '../../store/attention.js';

export type FleetColumnId =
	| 'state'
	| 'profile'
	| 'account'
	| 'region'
	| 'name'
	| 'stages'
	| 'status'
	| 'age'
	| 'took'
	| 'revision'
	| 'message';

type ColumnSpec = {
	id: FleetColumnId;
	title: string;
	min: number;
	/** Flexible columns share what is left, up to max (message has no max). */
	max?: number;
	flex?: boolean;
	/** Lower keeps the column longer as the width shrinks. */
	priority: number;
	/** Shown only with this column (a revision id alone is not worth the name's room). */
	requires?: FleetColumnId;
	align?: 'left' | 'right';
};

export type FleetColumn = {id: FleetColumnId; title: string; width: number; align: 'left' | 'right'};

export type FleetLayout = {columns: FleetColumn[]; width: number};

/** What the widths depend on besides the terminal: the longest profile and region, the most stages. */
export type FleetMeasure = {profileWidth: number; regionWidth: number; maxStages: number};

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

export function measureFleet(sources: Record<string, SourceState>, maxStages: number): FleetMeasure {
	let profileWidth = 0;
	let regionWidth = 0;
	for (const source of Object.values(sources)) {
		profileWidth = Math.max(profileWidth, displayWidth(source.profile));
		regionWidth = Math.max(regionWidth, displayWidth(source.region));
	}
	return {profileWidth, regionWidth, maxStages};
}

function specs(measure: FleetMeasure): ColumnSpec[] {
	return [
		{id: 'state', title: '', min: 1, priority: 0},
		{id: 'name', title: 'PIPELINE', min: 14, max: 40, flex: true, priority: 1},
		{id: 'status', title: 'STATUS', min: 10, priority: 1},
		{id: 'stages', title: 'STAGES', min: clamp(measure.maxStages, 6, 14), priority: 2},
		{id: 'age', title: 'AGE', min: 4, priority: 2, align: 'right'},
		{id: 'profile', title: 'PROFILE', min: clamp(measure.profileWidth, 7, 16), priority: 3},
		{id: 'region', title: 'REGION', min: clamp(measure.regionWidth, 6, 14), priority: 3},
		{id: 'took', title: 'TOOK', min: 6, priority: 4, align: 'right'},
		{id: 'message', title: 'COMMIT', min: 12, flex: true, priority: 5},
		{id: 'revision', title: 'REV', min: 7, priority: 6, requires: 'message'},
		{id: 'account', title: 'ACCOUNT', min: 12, priority: 7},
	];
}

// Display order, independent of the priority that decides which columns fit.
const displayOrder: FleetColumnId[] = [
	'state',
	'profile',
	'account',
	'region',
	'name',
	'stages',
	'status',
	'age',
	'took',
	'revision',
	'message',
];

/** Columns for a line of `width` cells (the cursor marker takes one more cell in front). */
export function fleetLayout(width: number, measure: FleetMeasure): FleetLayout {
	const all = specs(measure).sort((a, b) => a.priority - b.priority);
	const chosen: ColumnSpec[] = [];
	let used = -1; // n columns need n-1 gaps
	for (const spec of all) {
		if (used + 1 + spec.min > width) continue;
		if (spec.requires && !chosen.some(other => other.id === spec.requires)) continue;
		chosen.push(spec);
		used += 1 + spec.min;
	}
	const widths = new Map<FleetColumnId, number>(chosen.map(spec => [spec.id, spec.min]));
	let spare = width - used;
	// The name grows first (up to its max), then the commit message takes the rest.
	for (const spec of chosen.filter(spec => spec.flex)) {
		const room = spec.max === undefined ? spare : Math.min(spare, spec.max - spec.min);
		widths.set(spec.id, spec.min + room);
		spare -= room;
	}
	if (spare > 0 && widths.has('name')) widths.set('name', widths.get('name')! + spare);
	const columns = displayOrder
		.map(id => chosen.find(spec => spec.id === id))
		.filter((spec): spec is ColumnSpec => spec !== undefined)
		.map(spec => ({id: spec.id, title: spec.title, width: widths.get(spec.id)!, align: spec.align ?? 'left'}));
	return {columns, width};
}

/** One cell per stage, each the stage's glyph in its colour; "…" when they do not all fit. */
export function stageStrip(entry: PipelineEntry, width: number, theme: Theme): Segment[] {
	const stages = entry.stages;
	const shown = stages.length > width ? width - 1 : stages.length;
	const cells: Segment[] = [];
	for (let index = 0; index < shown; index++) cells.push(glyphSegment(stageTone(stages[index]), theme));
	if (shown < stages.length) cells.push({text: theme.ascii ? '+' : '…', color: 'gray'});
	return cells;
}

/** "+2" after the status word: the executions queued behind the one an approval waits for. */
function queuedMark(entry: PipelineEntry): string {
	const waiting = entry.waitingApproval;
	if (!waiting || waiting.behind === 0) return '';
	return `+${waiting.behind}${waiting.behindAtLeast ? '+' : ''}`;
}

/** "Approval +2" when the column has room, "Approval+2" when just so, else the word alone. */
function statusText(entry: PipelineEntry, width: number): string {
	const word = pipelineStatusWord(entry);
	const mark = queuedMark(entry);
	if (!mark) return word;
	if (word.length + 1 + mark.length <= width) return `${word} ${mark}`;
	return word.length + mark.length <= width ? `${word}${mark}` : word;
}

function cell(entry: PipelineEntry, column: FleetColumn, now: number, theme: Theme): Segment[] {
	const latest = entry.latestExecution;
	// An approval waiting for an older run than the latest: the row is about what waits.
	const waiting = entry.waitingApproval;
	const revision = waiting ? waiting.sourceRevisions[0] : latest?.sourceRevisions[0];
	const left = (text: string, extra: Omit<Segment, 'text'> = {}): Segment[] => [
		{text: fit(text, column.width, column.align), ...extra},
	];
	switch (column.id) {
		case 'state':
			return [glyphSegment(entry.stale ? 'stale' : pipelineTone(entry), theme)];
		case 'profile':
			// No profile reads it: the row is known from the change feed only (the account column says whose).
			return entry.seenThroughEvents ? left('events', {dim: true}) : left(entry.profile);
		case 'account':
			return left(entry.accountId ?? '', {dim: true});
		case 'region':
			return left(entry.region);
		case 'name':
			return left(entry.name, {bold: entry.attention === 'failed' || entry.attention === 'approval'});
		case 'stages': {
			const strip = stageStrip(entry, column.width, theme);
			const pad = column.width - strip.length;
			return pad > 0 ? [...strip, {text: ' '.repeat(pad)}] : strip;
		}
		case 'status':
			return left(statusText(entry, column.width), {color: toneColor(pipelineTone(entry))});
		case 'age':
			return left(formatAgo(rowSince(entry), now), {dim: entry.stale});
		case 'took':
			return left(waiting ? formatDuration(waiting.startTime === undefined ? undefined : now - waiting.startTime) : formatDuration(executionElapsed(latest, now)));
		case 'revision':
			return left(shortRevision(revision?.revisionId), {color: 'blue'});
		case 'message':
			if (entry.error) return left(`${glyph('failed', theme)} ${entry.error.code}: ${firstLine(entry.error.message)}`, {color: 'red'});
			if (waiting) return left(`${waiting.behind > 0 ? `${queuedMark(entry).slice(1)} queued behind · ` : ''}${commitMessage(revision?.revisionSummary)}`, {dim: true});
			return left(commitMessage(revision?.revisionSummary) || firstLine(latest?.statusSummary), {dim: true});
	}
}

/** A pipeline's line (without the cursor marker). */
export function fleetRow(entry: PipelineEntry, layout: FleetLayout, now: number, theme: Theme): Segment[] {
	const out: Segment[] = [];
	layout.columns.forEach((column, index) => {
		if (index > 0) out.push({text: ' '});
		out.push(...cell(entry, column, now, theme));
	});
	return out;
}

/** The column titles line. */
export function fleetTitles(layout: FleetLayout): Segment[] {
	const text = layout.columns.map(column => fit(column.title, column.width, column.align)).join(' ');
	return [{text, bold: true}];
}
