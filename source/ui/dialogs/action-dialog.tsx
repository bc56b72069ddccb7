import {Box, Text, useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import type {ActionRequest, ActionResult} from '../../actions/types.js';
import {useServices} from '../shell/services.js';
import {useActionLayer} from './actions-context.js';
import {dialogKey} from './dialog-key.js';
import {ConfirmView, Details, ResultView, StepView, TargetHeader, useDialogStyle} from './dialog-parts.js';
import {currentStep, initialDialogState, onKey, prepared, sent, type DialogState} from './dialog-state.js';

const titles: Record<ActionRequest['command'], string> = {
	approve: 'Approval',
	retry: 'Retry stage',
	stop: 'Stop execution',
	start: 'Start execution',
	transition: 'Stage transition',
	rollback: 'Roll back stage',
	override: 'Override condition',
};

/**
 * The modal for one operator action. It takes keys before the view under it (the console keeps
 * the view's input inactive while it is open), names what it will touch, asks its questions,
 * and sends only on an explicit `y`. It closes itself through onClose.
 */
export function ActionDialog(props: {request: ActionRequest; onClose(): void; maxDetailLines?: number}) {
	const layer = useActionLayer();
	const {keymap, ui, now} = useServices();
	const style = useDialogStyle();
	const [state, setState] = useState<DialogState>(initialDialogState);
	// Keys can arrive faster than React renders (key repeat, a pasted "yy"): the ref is the truth
	// the next key sees, so a second `y` finds the dialog already sending.
	const current = useRef<DialogState>(initialDialogState);
	const mounted = useRef(true);
	// Set once Esc closed the dialog while sending: the outcome then goes to the status line.
	const detached = useRef(false);
	const {onClose} = props;
	const report = (result: ActionResult) => {
		const kind = result.outcome === 'done' ? 'info' : 'error';
		ui.dispatch({type: 'message', text: `${props.request.command}: ${result.message}`, kind, at: now()});
	};
	const settle = (result: ActionResult) => (detached.current ? report(result) : apply(sent(current.current, result)));

	const apply = (next: DialogState) => {
		current.current = next;
		if (mounted.current) setState(next);
	};

	useEffect(() => {
		mounted.current = true;
		let cancelled = false;
		void layer.prepare(props.request).then(result => {
			if (!cancelled) apply(prepared(current.current, result));
		});
		return () => {
			cancelled = true;
			mounted.current = false;
		};
		// The request is fixed for the dialog's life: a new selection opens a new dialog.
	}, []);

	useInput((input, key) => {
		const {state: next, effect} = onKey(current.current, dialogKey(input, key, keymap));
		apply(next);
		if (effect?.kind === 'close') onClose();
		if (effect?.kind === 'detach') {
			detached.current = true;
			ui.dispatch({type: 'message', text: `still sending in the background: ${effect.intent.summary}; its outcome will show here`, at: now()});
			onClose();
		}
		if (effect?.kind === 'send') {
			void layer.run(effect.intent).then(settle, (error: unknown) => settle({outcome: 'failed', message: `Unexpected error: ${String(error)}`}));
		}
	});

	const {phase, plan} = state;
	const step = currentStep(state);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold={style.attributes}>{plan?.title ?? titles[props.request.command]}</Text>
			{plan ? <TargetHeader target={plan.target} /> : null}
			{phase.kind === 'loading' ? <Text>Reading the latest state…</Text> : null}
			{phase.kind === 'refused' ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color={style.color('red')}>
						Cannot {props.request.command}: {phase.reason}
					</Text>
					<Text>Enter close</Text>
				</Box>
			) : null}
			{plan && (phase.kind === 'step' || phase.kind === 'confirm') ? <Details lines={plan.details} max={props.maxDetailLines ?? 8} /> : null}
			{phase.kind === 'step' && step ? <StepView step={step} cursor={phase.cursor} text={phase.text} error={phase.error} /> : null}
			{phase.kind === 'confirm' ? <ConfirmView intent={phase.intent} canEdit={(plan?.steps(state.answers).length ?? 0) > 0} error={phase.error} /> : null}
			{phase.kind === 'sending' ? (
				<Box flexDirection="column">
					<Text color={style.color('yellow')}>Sending: {phase.intent.summary}…</Text>
					<Text>Esc close: it is not sent again, and its outcome shows on the status line</Text>
				</Box>
			) : null}
			{phase.kind === 'result' ? (
				<ResultView
					result={phase.result}
					canResend={Boolean(phase.intent.resendSafe) && (phase.result.outcome === 'unknown' || phase.result.outcome === 'failed')}
				/>
			) : null}
		</Box>
	);
}
