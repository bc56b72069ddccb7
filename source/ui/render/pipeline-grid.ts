/**
 * The pipeline view as lines: a header (type, mode, latest run, revisions), then every stage in
 * order with its inbound transition, the executions waiting in front of it, its conditions, and its actions
 * grouped by runOrder so that parallel actions stand side by side in cells.
 */
import {conditionLines} from './condition-lines.js';
import {commitMessage} from './revision.js';
import type {RuleResultView} from '../../store/rule-types.js';
import type {ActionExecutionView, ActionView, PipelineEntry, StageView} from '../../store/types.js';
import {box, blank, clip, labelled, line, linkLines, proseLines, type Line} from './lines.js';
import {glyph, glyphSegment, toneColor} from './status.js';
import {executionTone, pipelineStatusWord, pipelineTone, stageTone} from '../../format/status.js';
import {isWaitingApproval} from '../../store/attention.js';
import {variablePairs} from './execution-lines.js';
import {displayWidth, firstLine, sanitize, wrapWords} from './text.js';
import type {Segment, Theme} from './theme.js';
import {actionId, actionIds, runOrderGroups} from '../model/action-order.js';
import {elapsed, executionElapsed, formatAgo, formatDuration, shortId, shortRevision} from '../../format/time.js';

/** The action execution that explains an action's last run (for its duration), if loaded. */
export type RunLookup = (stage: StageView, action: ActionView) => ActionExecutionView | undefined;

function headerLines(entry: PipelineEntry, width: number, now: number, theme: Theme): Line[] {
	const lines: Line[] = [];
	const facts = [entry.pipelineType, entry.executionMode && `${entry.executionMode} mode`, entry.version !== undefined && `v${entry.version}`]
		.filter(Boolean)
		.join(' · ');
	const where = `${entry.profile}${entry.accountId ? ` (${entry.accountId})` : ''} ${entry.region}`;
	lines.push(line({text: entry.name, bold: true}, {text: facts ? `  ${facts}` : ''}, {text: `  ${where}`, dim: true}));
	const latest = entry.latestExecution;
	if (latest) {
		const trigger = [latest.triggerType, latest.triggerDetail && firstLine(latest.triggerDetail)].filter(Boolean).join(': ');
		const status = line(
			glyphSegment(pipelineTone(entry), theme),
			{text: ` ${pipelineStatusWord(entry)}`, color: toneColor(pipelineTone(entry))},
			{text: ` ${shortId(latest.executionId)}`, color: 'blue'},
			{text: trigger ? `  ${trigger}` : ''},
			{text: `  started ${formatAgo(latest.startTime, now)} ago`, dim: true},
			{text: `  took ${formatDuration(executionElapsed(latest, now))}`, dim: true},
		);
		// The trigger is often an ARN (a role, a rule): when the line cannot hold it whole, it moves to its own line.
		if (trigger && status.segments.reduce((cells, segment) => cells + displayWidth(segment.text), 0) > width) {
			status.segments.splice(3, 1);
			lines.push(status, ...linkLines(2, 'trigger: ', trigger, width));
		} else {
			lines.push(status);
		}
		if (latest.statusSummary) lines.push(...labelled(2, '', latest.statusSummary, width, {dim: true}, 1));
		for (const revision of latest.sourceRevisions.slice(0, 3)) {
			lines.push(
				line(
					{text: `  ${revision.actionName}: `, dim: true},
					{text: shortRevision(revision.revisionId), color: 'blue'},
					{text: ` ${commitMessage(revision.revisionSummary)}`},
				),
			);
		}
	} else {
		lines.push(line({text: entry.attention === 'unknown' ? 'reading state…' : 'never run', dim: true}));
	}
	const waiting = entry.waitingApproval;
	if (waiting) {
		// The approval belongs to an older run than the one above (QUEUED, PARALLEL): say which, and what queues behind it.
		const revision = waiting.sourceRevisions[0];
		const behind = waiting.behind > 0 ? `  ${waiting.behind}${waiting.behindAtLeast ? '+' : ''} queued behind` : '';
		lines.push(
			line(
				glyphSegment('approval', theme),
				{text: ` ${waiting.stageName}/${waiting.actionName} waits for `, color: toneColor('approval')},
				{text: shortId(waiting.executionId), color: 'blue'},
				{text: revision ? ` ${shortRevision(revision.revisionId)}` : '', color: 'blue'},
				{text: revision ? ` ${commitMessage(revision.revisionSummary)}` : ''},
				{text: waiting.since === undefined ? '' : `  for ${formatDuration(now - waiting.since)}`, dim: true},
				{text: behind, color: toneColor('approval')},
			),
		);
	}
	// What this run got (GetPipelineExecution), never the declaration's defaults: those are in the definition view.
	const resolved = latest?.variables;
	if (resolved && resolved.length > 0) lines.push(...labelled(2, 'variables: ', variablePairs(resolved), width, {}, 1));
	if (entry.error) lines.push(...labelled(0, `${glyph('failed', theme)} `, `${entry.error.code}: ${entry.error.message}`, width, {color: 'red'}, 2));
	if (entry.stale) lines.push(line({text: `${glyph('stale', theme)} data is ${formatAgo(entry.fetchedAt, now)} old`, color: 'yellow'}));
	return lines.map(each => ({segments: clip(each.segments, width)}));
}

function transitionLines(stage: StageView, width: number, now: number, theme: Theme): Line[] {
	const lines: Line[] = [];
	const transition = stage.inboundTransition;
	if (!transition.enabled) {
		const by = [transition.lastChangedBy && `by ${transition.lastChangedBy}`, transition.lastChangedAt && `${formatAgo(transition.lastChangedAt, now)} ago`]
			.filter(Boolean)
			.join(', ');
		const text = `inbound transition disabled: ${transition.disabledReason ?? 'no reason given'}${by ? ` (${by})` : ''}`;
		lines.push(...labelled(1, `${glyph('cancelled', theme)} `, text, width, {color: 'magenta'}, 2));
	}
	if (stage.inboundExecutions.length > 0) {
		const waiting = stage.inboundExecutions.map(execution => `${shortId(execution.executionId)} (${execution.status})`).join(', ');
		lines.push(...labelled(1, `${glyph('approval', theme)} waiting to enter: `, waiting, width, {color: 'yellow'}, 2));
	}
	return lines;
}

const failed = (action: ActionView) => action.status === 'Failed' || action.errorMessage !== undefined;

/**
 * What an action says at full width under its row of cells: its error, wrapped on words at the
 * terminal's width and whole, and its review link, never cut. Named when the row has several actions.
 */
function underRowLines(action: ActionView, width: number, item: string, named: boolean): Line[] {
	const gutter = '  │   ';
	const name = named ? `${action.name}: ` : '';
	const lines: Line[] = [];
	const error = `${action.errorCode ? `${action.errorCode}: ` : ''}${action.errorMessage ?? 'failed'}`;
	if (failed(action)) lines.push(...proseLines(0, `${gutter}${name}`, error, width, {color: 'red'}, item, `${gutter}${' '.repeat(name.length)}`));
	const link = isWaitingApproval(action) ? action.configuration.ExternalEntityLink : undefined;
	if (link) lines.push(...linkLines(0, `${gutter}${name}review: `, link, width, {color: 'blue', underline: true}, item));
	return lines;
}

/** The few lines of one action cell. */
function cellLines(action: ActionView, width: number, now: number, theme: Theme, run: ActionExecutionView | undefined, selected: boolean): Segment[][] {
	const tone = isWaitingApproval(action) ? 'approval' : executionTone(action.status);
	const took = run
		? formatDuration(elapsed(run.startTime, run.lastUpdateTime, run.status, now))
		: action.status === 'InProgress'
			? formatDuration(elapsed(action.lastStatusChange, undefined, 'InProgress', now))
			: action.lastStatusChange !== undefined
				? `${formatAgo(action.lastStatusChange, now)} ago`
				: '';
	const marker = selected ? (theme.ascii ? '>' : '›') : ' ';
	const lines: Segment[][] = [
		[{text: marker}, glyphSegment(tone, theme), {text: ` ${action.name}`, bold: true}, {text: took ? `  ${took}` : '', dim: true}],
		[{text: `  ${action.provider}`, dim: true}, {text: ` ${action.status ?? 'not run'}`, color: toneColor(tone)}, {text: action.region ? ` ${action.region}` : '', dim: true}],
	];
	const room = Math.max(4, width - 2);
	if (tone === 'approval') {
		const customData = action.configuration.CustomData;
		// The note in short here (the review dialog shows it whole); the review link goes under the row, whole.
		for (const piece of wrapWords(sanitize(`waiting for approval${customData ? `: ${customData}` : ''}`), room).slice(0, 2)) lines.push([{text: `  ${piece}`, color: 'yellow'}]);
	} else if (!failed(action) && action.summary) {
		lines.push([{text: `  ${firstLine(action.summary)}`, dim: true}]);
	}
	if (action.percentComplete !== undefined && action.status === 'InProgress') lines.push([{text: `  ${action.percentComplete}% done`, dim: true}]);
	return lines.map(segments => box(segments, width).map(segment => (selected ? {...segment, inverse: true} : segment)));
}

const minCell = 26;
const maxCell = 72;

function stageLines(stage: StageView, width: number, now: number, theme: Theme, runs: RunLookup, selectedId: string | undefined, rules: readonly RuleResultView[]): Line[] {
	const lines: Line[] = [...transitionLines(stage, width, now, theme), ...conditionLines(stage, width, theme, now, rules)];
	const tone = stageTone(stage);
	lines.push(
		line(
			glyphSegment(tone, theme),
			{text: ` ${stage.name}`, bold: true},
			{text: `  ${tone === 'approval' ? 'waiting for approval' : (stage.status ?? 'not run')}`, color: toneColor(tone)},
			{text: stage.executionId ? `  ${shortId(stage.executionId)}` : '', dim: true},
		),
	);
	// The stage's own lines go with its first action, so selecting it scrolls the stage header into view.
	const firstAction = runOrderGroups(stage)[0]?.[0];
	if (firstAction) for (const each of lines) each.item = actionId(stage.name, firstAction.name);
	const gutter = 4;
	for (const group of runOrderGroups(stage)) {
		const perRow = Math.max(1, Math.min(group.length, Math.floor((width - gutter + 1) / (minCell + 1))));
		// Wide enough for error messages, but a lone action does not stretch across a 250-column screen.
		const cellWidth = Math.min(maxCell, Math.floor((width - gutter - (perRow - 1)) / perRow));
		for (let start = 0; start < group.length; start += perRow) {
			const row = group.slice(start, start + perRow);
			const cells = row.map(action => ({
				id: actionId(stage.name, action.name),
				lines: cellLines(action, cellWidth, now, theme, runs(stage, action), selectedId === actionId(stage.name, action.name)),
			}));
			const height = Math.max(...cells.map(cell => cell.lines.length));
			for (let index = 0; index < height; index++) {
				const label = index === 0 && start === 0 ? String(row[0].runOrder).padStart(2) : '  ';
				const segments: Segment[] = [{text: `${label}│ `, dim: true}];
				cells.forEach((cell, position) => {
					if (position > 0) segments.push({text: ' '});
					segments.push(...(cell.lines[index] ?? [{text: ' '.repeat(cellWidth)}]));
				});
				// A line belongs to the selected cell when that cell is in this row, so scrolling keeps it in view.
				const item = cells.find(cell => cell.id === selectedId)?.id ?? cells[0].id;
				lines.push({segments, item});
			}
			for (const action of row) lines.push(...underRowLines(action, width, actionId(stage.name, action.name), row.length > 1 || group.length > 1));
		}
	}
	return lines;
}

/** `header`: how many of the first lines are the pipeline's header (kept on screen while the stages scroll). */
export type PipelineGrid = {lines: Line[]; ids: string[]; header: number};

export function pipelineGrid(
	entry: PipelineEntry,
	width: number,
	now: number,
	theme: Theme,
	selectedId: string | undefined,
	runs: RunLookup = () => undefined,
	/** The stage condition rules' recent results (ListRuleExecutions), once read. */
	rules: readonly RuleResultView[] = [],
): PipelineGrid {
	const lines = headerLines(entry, width, now, theme);
	const header = lines.length;
	for (const stage of entry.stages) {
		lines.push(blank());
		lines.push(...stageLines(stage, width, now, theme, runs, selectedId, rules));
	}
	return {lines: lines.map(each => ({...each, segments: clip(each.segments, width)})), ids: actionIds(entry), header};
}

