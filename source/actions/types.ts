import type {PipelineKey} from '../store/types.js';

/** The operator actions. Each one changes something in AWS, so each needs a dialog and a confirm. */
export type OperatorCommand = 'approve' | 'retry' | 'stop' | 'start' | 'transition' | 'rollback' | 'override';

/** What the console asks the action layer to open a dialog for: the selection when the key was pressed. */
export type ActionRequest = {
	command: OperatorCommand;
	pipelineKey: PipelineKey;
	stageName?: string;
	actionName?: string;
	executionId?: string;
};

/**
 * The console and the action layer meet here:
 * - `source/actions/availability.ts` exports
 *   `disabledReason(request: ActionRequest, state: FleetState, options: {readOnly: boolean}): string | undefined`
 *   ("read-only", "no pending approval", "nothing failed in this stage"...), which the keymap shows in
 *   the footer and the help overlay and which refuses the key.
 * - `source/ui/dialogs/action-dialog.tsx` exports
 *   `ActionDialog(props: {request: ActionRequest; onClose(): void})`, a modal that takes keys before the
 *   view under it (the console renders it above the view while it is open), reads what it needs
 *   from the app context (store, engine, action layer) and closes itself.
 */
export type ActionAvailability = (request: ActionRequest) => string | undefined;
