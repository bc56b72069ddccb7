import {Box, Text, useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {randomUUID} from 'node:crypto';
import {planBulk} from '../../actions/bulk-plan.js';
import {runBulk, type BulkResult} from '../../actions/bulk-run.js';
import {bulkSpec} from '../../actions/bulk-steps.js';
import {preflightLines, resultLines} from '../../actions/bulk-table.js';
import type {BulkRequest} from '../model/bulk-request.js';
import {useServices} from '../shell/services.js';
import {useActionLayer} from './actions-context.js';
import {bulkFinished, bulkProgress, initialBulkState, onBulkKey, type BulkDialogState, type MakePlan} from './bulk-dialog-state.js';
import {Details, StepView, useDialogStyle} from './dialog-parts.js';
import {dialogKey} from './dialog-key.js';
import {currentStep} from './dialog-state.js';
import {recordConsoleFreeze} from './freeze-in-console.js';

const titles: Record<BulkRequest['kind'], string> = {
	approve: 'Review approvals',
	retry: 'Retry failed stages',
	stop: 'Stop executions',
	start: 'Start executions',
	transition: 'Stage transitions',
	freeze: 'Freeze',
};

function plural(n: number): string {
	return `${n} pipeline${n === 1 ? '' : 's'}`;
}

/**
 * The modal for a bulk action over the marked pipelines (or `:freeze` over those shown): its
 * questions once, the pre-flight table (what is sent where, what is left out and why), one `y`,
 * then each target's result as it comes. Each target is a single action through the layer.
 */
export function BulkDialog(props: {request: BulkRequest; onClose(sent: boolean): void; maxLines: number}) {
	const layer = useActionLayer();
	const services = useServices();
	const style = useDialogStyle();
	const {request} = props;
	const makePlan: MakePlan = answers =>
		planBulk(services.store.getState(), request.keys, bulkSpec(request.kind, answers), {id: randomUUID(), refusal: target => layer.disabledReason(target)});
	const current = useRef<BulkDialogState | undefined>(undefined);
	current.current ??= initialBulkState(request.kind, makePlan);
	const [state, setState] = useState<BulkDialogState>(current.current);
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);
	const apply = (next: BulkDialogState) => {
		current.current = next;
		if (mounted.current) setState(next);
	};

	useInput((input, key) => {
		const {state: next, effect} = onBulkKey(current.current as BulkDialogState, dialogKey(input, key, services.keymap), makePlan);
		apply(next);
		if (effect?.kind === 'close') props.onClose(next.phase.kind === 'result');
		if (effect?.kind !== 'send') return;
		const slot = services.engine.writeSlot ? (sourceKey: string) => services.engine.writeSlot!(sourceKey) : undefined;
		void runBulk(layer, effect.plan, {...(slot ? {slot} : {}), onResult: result => apply(bulkProgress(current.current as BulkDialogState, result))})
			.then(async (results: BulkResult[]) => {
				const notes = request.kind === 'freeze' ? await recordConsoleFreeze(services, effect.plan, results) : [];
				return {results, notes};
			})
			.then(({results, notes}) => apply(bulkFinished(current.current as BulkDialogState, results, notes)));
	});

	const {phase} = state;
	const step = phase.kind === 'questions' ? currentStep(phase.dialog) : undefined;
	const body = Math.max(3, props.maxLines - 6);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold={style.attributes}>
				{titles[request.kind]}: {plural(request.keys.length)}
			</Text>
			{phase.kind === 'questions' && step ? <StepView step={step} cursor={phase.dialog.phase.kind === 'step' ? phase.dialog.phase.cursor : 0} text={phase.dialog.phase.kind === 'step' ? phase.dialog.phase.text : ''} error={phase.dialog.phase.kind === 'step' ? phase.dialog.phase.error : undefined} /> : null}
			{phase.kind === 'preflight' ? (
				<>
					<Details lines={preflightLines(phase.plan)} max={body} />
					{phase.error ? <Text color={style.color('red')}>{phase.error}</Text> : null}
					<Text>
						Press <Text bold={style.attributes}>y</Text> to send each one in turn, e to edit, Esc to cancel
					</Text>
				</>
			) : null}
			{phase.kind === 'sending' ? (
				<>
					<Text color={style.color('yellow')}>
						Sending {Math.min(phase.results.length + 1, phase.plan.rows.length)} of {phase.plan.rows.length}…
					</Text>
					{phase.results.length > 0 ? <Details lines={resultLines(phase.results).slice(1)} max={body} /> : null}
				</>
			) : null}
			{phase.kind === 'result' ? (
				<>
					<Details lines={[...resultLines(phase.results), ...phase.notes]} max={body} />
					<Text dimColor={style.attributes}>Enter close</Text>
				</>
			) : null}
		</Box>
	);
}
