import {targetLines} from '../../format/target.js';
import {sanitize, wrapWords} from '../render/text.js';
import {Box, Text} from 'ink';
import type {ActionIntent, ActionResult, ActionStep, ActionTarget} from '../../actions/types.js';
import {useServices} from '../shell/services.js';
import type {Color} from '../render/theme.js';

export type DialogStyle = {color(color: Color): Color | undefined; attributes: boolean};

/**
 * The console's theme (NO_COLOR, TERM=dumb) applied to the dialog; full colour when the dialog is
 * rendered on its own, outside the console.
 */
export function useDialogStyle(): DialogStyle {
	let theme: {color: boolean; attributes: boolean} | undefined;
	try {
		theme = useServices().theme;
	} catch {
		theme = undefined;
	}
	const colors = theme?.color ?? true;
	return {color: color => (colors ? color : undefined), attributes: theme?.attributes ?? true};
}

/** Lines naming exactly what an action touches: shown on every dialog, above everything else. */
export function TargetHeader(props: {target: ActionTarget}) {
	return (
		<Box flexDirection="column">
			{targetLines(props.target).map(line => (
				// Ids are copied from here: wrapped, never cut.
				<Text key={line} wrap="wrap">
					{line}
				</Text>
			))}
		</Box>
	);
}

/** The details as rows of the dialog's width, wrapped on words and whole (a note's own line breaks kept). */
export function detailRows(lines: readonly string[], width: number): string[] {
	return lines.flatMap(line => line.split(/\r?\n/).flatMap(part => wrapWords(sanitize(part).trimEnd(), Math.max(10, width))));
}

/** Which rows fit in `max` lines from `offset` (one line goes to the scroll hint when they do not all fit). */
export function detailWindow(rows: readonly string[], max: number, offset: number): {shown: string[]; offset: number; above: number; below: number; room: number} {
	const limit = Math.max(2, max);
	if (rows.length <= limit) return {shown: [...rows], offset: 0, above: 0, below: 0, room: limit};
	const room = limit - 1;
	const start = Math.max(0, Math.min(offset, rows.length - room));
	return {shown: rows.slice(start, start + room), offset: start, above: start, below: rows.length - start - room, room};
}

/** Table lines (a bulk pre-flight, its results): each kept on one line, cut at the edge, the rest counted. */
export function ClippedLines(props: {lines: string[]; max: number}) {
	const shown = props.lines.slice(0, props.max);
	const hidden = props.lines.length - shown.length;
	return (
		<Box flexDirection="column" marginTop={1}>
			{shown.map((line, index) => (
				<Text key={`${index}:${line}`} wrap="truncate-end">
					{line}
				</Text>
			))}
			{hidden > 0 ? <Text>… {hidden} more</Text> : null}
		</Box>
	);
}

export function Details(props: {rows: readonly string[]; max: number; offset: number; scrollKeys: string}) {
	const style = useDialogStyle();
	const view = detailWindow(props.rows, props.max, props.offset);
	const scrolled = view.above > 0 || view.below > 0;
	return (
		<Box flexDirection="column" marginTop={1}>
			{view.shown.map((row, index) => (
				<Text key={`${view.offset + index}:${row}`}>{row === '' ? ' ' : row}</Text>
			))}
			{scrolled ? (
				<Text dimColor={style.attributes}>
					{`${view.above > 0 ? `↑ ${view.above} above  ` : ''}${view.below > 0 ? `↓ ${view.below} more  ` : ''}${props.scrollKeys} scroll`}
				</Text>
			) : null}
		</Box>
	);
}

export function StepView(props: {step: ActionStep; cursor: number; text: string; error?: string}) {
	const {step} = props;
	const style = useDialogStyle();
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold={style.attributes}>{step.label}</Text>
			{step.kind === 'choice' ? (
				step.options.map((option, index) => {
					const selected = index === props.cursor;
					const note = option.disabledReason ? ` (unavailable: ${option.disabledReason})` : option.hint ? `  ${option.hint}` : '';
					return (
						<Text key={option.value} inverse={selected && style.attributes} dimColor={Boolean(option.disabledReason) && !selected && style.attributes} wrap="truncate-end">
							{selected ? '> ' : '  '}
							{option.label}
							{note}
						</Text>
					);
				})
			) : (
				<>
					<Text wrap="truncate-start">
						{'> '}
						{props.text}
						{style.attributes ? <Text inverse> </Text> : '_'}
					</Text>
					{step.hint ? <Text dimColor={style.attributes}>{step.hint}</Text> : null}
				</>
			)}
			{props.error ? <Text color={style.color('red')}>{props.error}</Text> : null}
			<Text dimColor={style.attributes}>{step.kind === 'choice' ? '↑/↓ choose   Enter next   Esc cancel' : 'type, Enter next   Esc cancel'}</Text>
		</Box>
	);
}

function parameterLines(parameters: Record<string, unknown>): string[] {
	return Object.entries(parameters).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

export function ConfirmView(props: {intent: ActionIntent; canEdit: boolean; error?: string}) {
	const style = useDialogStyle();
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold={style.attributes} color={style.color('yellow')} wrap="truncate-end">
				{props.intent.summary}?
			</Text>
			{parameterLines(props.intent.parameters).map(line => (
				<Text key={line} wrap="truncate-end">
					{'  '}
					{line}
				</Text>
			))}
			{props.error ? <Text color={style.color('red')}>{props.error}</Text> : null}
			<Text>
				Press <Text bold={style.attributes}>y</Text> to confirm{props.canEdit ? ', e to edit' : ''}, Esc to cancel
			</Text>
		</Box>
	);
}

const outcomeTitle: Record<ActionResult['outcome'], string> = {
	done: 'Accepted by AWS',
	refused: 'Refused by AWS',
	failed: 'Failed',
	unknown: 'Outcome unknown',
	blocked: 'Not sent',
};

export function ResultView(props: {result: ActionResult; canResend: boolean}) {
	const {result} = props;
	const style = useDialogStyle();
	const color = style.color(result.outcome === 'done' ? 'green' : result.outcome === 'unknown' ? 'yellow' : 'red');
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold={style.attributes} color={color}>
				{outcomeTitle[result.outcome]}
				{result.code ? ` (${result.code})` : ''}
			</Text>
			<Text wrap="wrap">{result.message}</Text>
			{result.next ? <Text wrap="wrap">Next: {result.next}</Text> : null}
			{result.detail && result.outcome !== 'done' ? (
				<Text dimColor={style.attributes} wrap="truncate-end">
					AWS said: {result.detail}
				</Text>
			) : null}
			{result.executionId ? <Text>Execution: {result.executionId}</Text> : null}
			{result.requestId ? <Text dimColor={style.attributes}>Request id: {result.requestId}</Text> : null}
			<Text dimColor={style.attributes}>Enter close{props.canResend ? '   r send again (same request token: cannot run twice)' : ''}</Text>
		</Box>
	);
}
