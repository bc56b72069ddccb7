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
export function targetLines(target: ActionTarget): string[] {
	const where = `Account ${target.accountId ?? 'unknown'}   Region ${target.region}   Profile ${target.profile}`;
	const what = [`Pipeline ${target.pipelineName}`];
	if (target.stageName) what.push(`Stage ${target.stageName}`);
	if (target.actionName) what.push(`Action ${target.actionName}`);
	if (target.executionId) what.push(`Execution ${target.executionId}`);
	return [where, what.join('   ')];
}

export function TargetHeader(props: {target: ActionTarget}) {
	return (
		<Box flexDirection="column">
			{targetLines(props.target).map(line => (
				<Text key={line} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}

export function Details(props: {lines: string[]; max: number}) {
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
