import type {FleetState, PipelineKey} from '../store/types.js';
import type {OperatorApi, WriteResult} from './api.js';

/** The operator actions. Each one changes something in AWS, so each needs a dialog and a confirm. */
export type OperatorCommand = 'approve' | 'retry' | 'stop' | 'start' | 'transition' | 'rollback' | 'override';

/** What the console asks the action layer to open a dialog for: the selection when the key was pressed. */
export type ActionRequest = {
	command: OperatorCommand;
	pipelineKey: PipelineKey;
	stageName?: string;
	actionName?: string;
	executionId?: string;
	/**
	 * For start: the idempotency token to send. A script that re-runs `pipetop start` after an
	 * unknown outcome passes the same token, so AWS starts at most one run.
	 */
	clientRequestToken?: string;
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

// ---------------------------------------------------------------------------------------------
// Below: what the action layer itself is made of. The console needs only the two exports named
// above; these types are for the dialogs, the headless subcommands and tests.

/** Everything an action will touch, named in every dialog and in the audit log. */
export type ActionTarget = {
	pipelineKey: PipelineKey;
	sourceKey: string;
	profile: string;
	/** Unknown until GetPipeline answered with the pipeline ARN. */
	accountId?: string;
	region: string;
	pipelineName: string;
	stageName?: string;
	actionName?: string;
	executionId?: string;
};

/**
 * One question a dialog asks (a headless subcommand answers it from a flag instead). Answers are
 * strings keyed by `id`; the same `validate` runs for both, so both refuse the same input.
 */
export type ActionStep =
	| {
			kind: 'choice';
			id: string;
			label: string;
			options: Array<{value: string; label: string; hint?: string; disabledReason?: string}>;
			/** The answer a headless subcommand takes when no flag gave one (rollback: the newest target). */
			initial?: string;
	  }
	| {
			kind: 'text';
			id: string;
			label: string;
			initial?: string;
			/** Shown under the field (e.g. the variable's description). */
			hint?: string;
			validate(value: string): string | undefined;
	  };

export type Answers = Record<string, string>;

/** How an attempt ended, as the audit log records it. */
export type ActionOutcome =
	/** AWS accepted the request. */
	| 'done'
	/** AWS answered with an error: the request was refused and changed nothing. */
	| 'refused'
	/** The request could not be sent or was rejected before AWS (credentials, network down). */
	| 'failed'
	/** No answer (timeout, dropped connection, 5xx): AWS may or may not have done it. */
	| 'unknown'
	/** pipetop refused before calling AWS: read-only mode, or the state shows it cannot work. */
	| 'blocked';

/** A fully specified write: what the confirm sends. Built once per dialog so a resend is the same request. */
export type ActionIntent = {
	/** Same intent, same id: the layer never sends one id twice (double confirm, key repeat). */
	id: string;
	command: OperatorCommand;
	target: ActionTarget;
	/** One line for the confirm step, e.g. "Approve Deploy/ManualApproval of 4f2a…". */
	summary: string;
	/** What goes in the audit log: never a token or other secret. */
	parameters: Record<string, unknown>;
	/**
	 * True when sending the same request again cannot do the thing twice (it carries an
	 * idempotency token): the operator may then resend after an unknown outcome.
	 */
	resendSafe?: boolean;
	/** The write itself. */
	invoke(api: OperatorApi): Promise<WriteResult>;
	/** Just before sending: a reason to refuse when the latest state shows the world moved on. */
	precheck?(state: FleetState): string | undefined;
	/** After an unknown outcome and a fresh read: what the new state says happened, if it tells. */
	observe?(state: FleetState): string | undefined;
};

export type ActionResult = {
	outcome: ActionOutcome;
	/** One or two lines in an operator's words. */
	message: string;
	/** What to do next, when there is something to do. */
	next?: string;
	/** The AWS error code, when AWS refused. */
	code?: string;
	/** AWS's own words for an error, first line. */
	detail?: string;
	requestId?: string;
	/** E.g. the execution a start, retry or rollback created. */
	executionId?: string;
};

/** One line of the audit log (JSON Lines). See docs/actions.md. */
export type AuditEntry = {
	time: string;
	via: 'console' | 'cli';
	profile: string;
	account?: string;
	region: string;
	pipeline: string;
	stage?: string;
	actionName?: string;
	executionId?: string;
	action: OperatorCommand;
	parameters: Record<string, unknown>;
	outcome: ActionOutcome;
	message: string;
	errorCode?: string;
	requestId?: string;
	resultExecutionId?: string;
	/** Set on actions taken in `--demo` against the embedded service: nothing real was changed. */
	demo?: true;
};
