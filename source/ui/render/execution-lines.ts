/**
 * The execution detail as lines: the execution's summary, then each action execution with its
 * artifacts (name and S3 location), configuration, summary, external link, error and output
 * variables. Each action execution is one selectable item.
 */
import {commitMessage} from './revision.js';
import type {ActionExecutionView, ArtifactView, ExecutionSummaryView, ResolvedVariableView} from '../../store/types.js';
import {blank, clip, labelled, line, linkLines, proseLines, type Line} from './lines.js';
import {glyphSegment, toneColor} from './status.js';
import {executionTone} from '../../format/status.js';
import type {Theme} from './theme.js';
import {elapsed, executionElapsed, formatAgo, formatDuration, formatTimestamp, shortRevision} from '../../format/time.js';

const artifact = (value: ArtifactView) =>
	value.bucket ? `${value.name}  s3://${value.bucket}/${value.key ?? ''}` : value.name;

const pairs = (record: Record<string, string>) =>
	Object.entries(record)
		.map(([name, value]) => `${name}=${value}`)
		.join('  ');

/** Resolved pipeline variables as `NAME=value` pairs. */
export const variablePairs = (variables: readonly ResolvedVariableView[]) => variables.map(variable => `${variable.name}=${variable.value}`).join('  ');

function executionSummaryLines(execution: ExecutionSummaryView | undefined, executionId: string, width: number, now: number, theme: Theme): Line[] {
	if (!execution) return [line({text: `execution ${executionId}`, bold: true})];
	const tone = executionTone(execution.status);
	const lines: Line[] = [
		line(
			glyphSegment(tone, theme),
			{text: ` ${execution.status}`, color: toneColor(tone)},
			{text: ` ${execution.executionId}`, color: 'blue'},
			{text: `  ${[execution.executionMode, execution.executionType].filter(Boolean).join(' · ')}`, dim: true},
		),
		line(
			{text: `  started `, dim: true},
			{text: `${formatTimestamp(execution.startTime)} (${formatAgo(execution.startTime, now)} ago)`},
			{text: `  took `, dim: true},
			{text: formatDuration(executionElapsed(execution, now))},
		),
	];
	// Who or what started it: often an ARN (a role, a rule), so on its own line and never cut.
	const trigger = [execution.triggerType, execution.triggerDetail].filter(Boolean).join(': ');
	if (trigger) lines.push(...linkLines(2, 'trigger: ', trigger, width));
	for (const revision of execution.sourceRevisions) {
		lines.push(line({text: `  ${revision.actionName}: `, dim: true}, {text: shortRevision(revision.revisionId), color: 'blue'}, {text: ` ${commitMessage(revision.revisionSummary)}`}));
	}
	if (execution.variables && execution.variables.length > 0) lines.push(...labelled(2, 'variables: ', variablePairs(execution.variables), width, {}, 2));
	if (execution.stopReason) lines.push(...labelled(2, 'stop reason: ', execution.stopReason, width, {color: 'magenta'}, 2));
	if (execution.statusSummary) lines.push(...labelled(2, 'summary: ', execution.statusSummary, width, {}, 2));
	return lines;
}

function actionExecutionLines(run: ActionExecutionView, width: number, now: number, theme: Theme, selected: boolean): Line[] {
	const item = run.actionExecutionId;
	const tone = executionTone(run.status);
	const marker = selected ? (theme.ascii ? '>' : '›') : ' ';
	const head: Line = {
		item,
		segments: [
			{text: marker},
			glyphSegment(tone, theme),
			{text: ` ${run.stageName}/${run.actionName}`, bold: true},
			{text: `  ${run.provider ?? ''}`, dim: true},
			{text: `  ${run.status}`, color: toneColor(tone)},
			{text: `  took ${formatDuration(elapsed(run.startTime, run.lastUpdateTime, run.status, now))}`, dim: true},
			{text: `  started ${formatTimestamp(run.startTime)}`, dim: true},
			{text: run.region ? `  ${run.region}` : '', dim: true},
		].map(segment => (selected ? {...segment, inverse: true} : segment)),
	};
	const lines: Line[] = [head];
	const add = (label: string, value: string, style = {}, max = 3) => {
		if (value) lines.push(...labelled(4, label, value, width, style, max, item));
	};
	// Links, ARNs, ids and S3 locations are copied and clicked: whole, never cut.
	const whole = (label: string, value: string | undefined, style = {}) => {
		if (value) lines.push(...linkLines(4, label, value, width, style, item));
	};
	for (const input of run.inputArtifacts) whole('input:  ', artifact(input));
	for (const output of run.outputArtifacts) whole('output: ', artifact(output));
	const configuration = Object.keys(run.resolvedConfiguration).length > 0 ? run.resolvedConfiguration : run.configuration;
	// Configuration holds ARNs (connections, roles, clusters): whole, on word boundaries.
	if (Object.keys(configuration).length > 0) lines.push(...proseLines(4, 'config: ', pairs(configuration), width, {}, item));
	add('summary: ', run.externalExecutionSummary ?? '');
	whole('external id: ', run.externalExecutionId, {dim: true});
	whole('link: ', run.externalExecutionUrl, {color: 'blue', underline: true});
	if (run.errorCode || run.errorMessage) lines.push(...proseLines(4, 'error: ', `${run.errorCode ? `${run.errorCode}: ` : ''}${run.errorMessage ?? ''}`, width, {color: 'red'}, item));
	add('variables: ', pairs(run.outputVariables), {}, 4);
	if (run.updatedBy) add('updated by: ', run.updatedBy, {dim: true}, 1);
	return lines;
}

export function executionLines(
	execution: ExecutionSummaryView | undefined,
	executionId: string,
	runs: readonly ActionExecutionView[],
	width: number,
	now: number,
	theme: Theme,
	selectedId: string | undefined,
): Line[] {
	const lines = executionSummaryLines(execution, executionId, width, now, theme);
	lines.push(blank());
	for (const run of runs) lines.push(...actionExecutionLines(run, width, now, theme, run.actionExecutionId === selectedId));
	return lines.map(each => ({...each, segments: clip(each.segments, width)}));
}
