import type {ActionOutcome, OperatorCommand} from './types.js';

/** An error from a write, in an operator's words. */
export type DescribedError = {
	outcome: Exclude<ActionOutcome, 'done' | 'blocked'>;
	code: string;
	message: string;
	next?: string;
	requestId?: string;
	/** AWS's own words, first line, for the curious and for support. */
	detail?: string;
};

type Words = {message: string; next?: string};

/**
 * What each AWS answer means at the console. Keyed by error code; a function when the words
 * depend on the action. Unknown codes fall back to AWS's own message.
 */
const byCode: Record<string, Words | ((command: OperatorCommand) => Words)> = {
	ConflictException: {
		message: 'AWS refused: another change to this pipeline is under way (or this one was just made).',
		next: 'Wait for the screen to refresh, check the pipeline, then try again if it is still needed.',
	},
	StageNotRetryableException: {
		message: 'AWS refused: this stage cannot be retried now (nothing in it failed, or it is still running).',
		next: 'Check the stage on the refreshed screen; retry only once it has failed or stopped.',
	},
	NotLatestPipelineExecutionException: {
		message: 'AWS refused: a later execution has reached this stage since, so this one can no longer be retried.',
		next: 'Look at the latest execution in this stage and act on that one.',
	},
	InvalidApprovalTokenException: {
		message: 'The approval is no longer waiting for this answer: it was answered elsewhere, it expired, or the stage ran again.',
		next: 'The screen has been refreshed: review the approval again before answering.',
	},
	ApprovalAlreadyCompletedException: {
		message: 'Someone already answered this approval (or it timed out).',
		next: 'The screen has been refreshed: check whether the pipeline moved on.',
	},
	DuplicatedStopRequestException: {
		message: 'This execution is already stopping: stop-and-wait was asked before.',
		next: 'Wait for in-progress actions to finish, or stop again and choose abandon.',
	},
	PipelineExecutionNotStoppableException: {
		message: 'This execution has already finished (or was never running), so there is nothing to stop.',
		next: 'Check the refreshed status.',
	},
	PipelineExecutionNotFoundException: {message: 'AWS does not know this execution (wrong id, or older than 12 months).'},
	PipelineNotFoundException: {message: 'AWS does not know this pipeline in this account and region (deleted or renamed?).'},
	StageNotFoundException: {message: 'AWS does not know this stage: the pipeline definition may have changed.', next: 'Refresh and check the pipeline definition.'},
	ActionNotFoundException: {message: 'AWS does not know this action: the pipeline definition may have changed.', next: 'Refresh and check the pipeline definition.'},
	PipelineExecutionOutdatedException: {
		message: 'AWS refused: the chosen execution is outdated for a rollback.',
		next: 'Choose a more recent successful execution.',
	},
	UnableToRollbackStageException: {message: 'AWS refused to roll back this stage.', next: 'Check that the target execution succeeded in this stage and that the stage is not running.'},
	ConditionNotOverridableException: {message: 'AWS refused: this condition cannot be overridden now (it is not being evaluated).'},
	ConcurrentPipelineExecutionsLimitExceededException: {message: 'AWS refused: the pipeline already runs as many executions as it may.', next: 'Wait for one to finish, or stop one.'},
	ConcurrentModificationException: {message: 'AWS refused: the pipeline was being changed at the same moment.', next: 'Wait for the refresh, then try again if it is still needed.'},
	InvalidStageDeclarationException: {message: 'AWS refused this for this stage (the first stage has no inbound transition).'},
	ValidationException: {message: 'AWS refused the request as invalid.'},
	AccessDenied: {
		message: 'AWS refused: this profile is not allowed to do this.',
		next: 'Use a profile with permission for this action, or ask an administrator.',
	},
	AccessDeniedException: {
		message: 'AWS refused: this profile is not allowed to do this.',
		next: 'Use a profile with permission for this action, or ask an administrator.',
	},
	UnrecognizedClientException: {message: 'AWS does not recognise these credentials.', next: 'Check the profile\'s keys, or log in again.'},
	ExpiredTokenException: {message: 'The credentials of this profile have expired.', next: 'Log in again (e.g. aws sso login --profile NAME) and retry.'},
	ThrottlingException: {
		message: 'AWS is throttling requests for this account and region: the request was not carried out.',
		next: 'Wait a few seconds and try again.',
	},
	LimitExceededException: {message: 'AWS refused: a limit of this account was reached.', next: 'Wait a little and try again.'},
};

/** Failures before any answer from AWS: the request most likely never arrived. */
const notSentCodes = new Set(['CredentialsProviderError', 'TokenProviderError', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** No answer: the request may have arrived and taken effect. Never re-sent blindly. */
const unknownCodes = new Set([
	'TimeoutError',
	'RequestTimeout',
	'RequestTimeoutException',
	'AbortError',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'InternalFailure',
	'InternalServerError',
	'InternalError',
	'ServiceUnavailable',
	'ServiceUnavailableException',
]);

type ErrorLike = {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	$metadata?: {requestId?: unknown; httpStatusCode?: unknown};
	$response?: unknown;
	cause?: unknown;
};

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The AWS error code, or the Node network error code, or the error's name. */
export function errorCode(error: unknown): string {
	if (!error || typeof error !== 'object') return 'Error';
	const candidate = error as ErrorLike;
	const nodeCode = text(candidate.code);
	const name = text(candidate.name);
	// The SDK's service exceptions carry the AWS code as their name; network errors carry a Node
	// code (ECONNRESET) and a generic name, so the code wins only when the name says nothing.
	if (name && name !== 'Error' && name !== 'TypeError') return name;
	if (nodeCode) return nodeCode;
	const cause = candidate.cause;
	if (cause && typeof cause === 'object') return errorCode(cause);
	return name ?? 'Error';
}

export function describeError(error: unknown, command: OperatorCommand): DescribedError {
	const candidate = (error && typeof error === 'object' ? error : {}) as ErrorLike;
	const code = errorCode(error);
	const status = typeof candidate.$metadata?.httpStatusCode === 'number' ? candidate.$metadata.httpStatusCode : undefined;
	const requestId = text(candidate.$metadata?.requestId);
	const awsMessage = text(candidate.message) ?? String(error);
	const detail = firstLine(awsMessage);

	if (unknownCodes.has(code) || (status !== undefined && status >= 500)) {
		return {
			outcome: 'unknown',
			code,
			requestId,
			detail,
			message: `No clear answer from AWS (${code}): the ${verb(command)} may or may not have been carried out. It was not sent again.`,
			next: 'The pipeline is being re-read: check the screen before trying again.',
		};
	}
	if (notSentCodes.has(code)) {
		return {
			outcome: 'failed',
			code,
			requestId,
			detail,
			message: `Could not reach AWS: ${firstLine(awsMessage)}`,
			next: code.endsWith('ProviderError') ? 'Check the profile\'s credentials (for SSO: aws sso login --profile NAME).' : 'Check the network and the endpoint.',
		};
	}
	const known = byCode[code];
	if (known) {
		const words = typeof known === 'function' ? known(command) : known;
		// Validation messages are specific and useful; keep AWS's words after ours.
		const message = code === 'ValidationException' ? `${words.message} ${firstLine(awsMessage)}` : words.message;
		return {outcome: 'refused', code, requestId, detail, message, next: words.next};
	}
	// Anything that came back as an AWS answer (it has a request id or an HTTP status) was refused.
	const answered = status !== undefined || requestId !== undefined || candidate.$response !== undefined;
	return {
		outcome: answered ? 'refused' : 'failed',
		code,
		requestId,
		message: `${answered ? 'AWS refused' : 'Failed'}: ${firstLine(awsMessage)} (${code})`,
	};
}

function firstLine(value: string): string {
	return value.split('\n')[0].slice(0, 300);
}

function verb(command: OperatorCommand): string {
	const verbs: Record<OperatorCommand, string> = {
		approve: 'approval answer',
		retry: 'retry',
		stop: 'stop',
		start: 'start',
		transition: 'transition change',
		rollback: 'rollback',
		override: 'condition override',
	};
	return verbs[command];
}
