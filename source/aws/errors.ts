/**
 * Turns whatever a call threw (SDK service errors, credential provider errors, socket errors,
 * our own timeouts) into a kind the scheduler acts on and a line an operator understands, with
 * what to do about it. Messages come from AWS or the SDK and never carry credentials.
 */

export type ErrorKind =
	/** Slow down and try again: not a failure. */
	| 'throttle'
	/** Credentials could not be had (expired SSO, bad credential_process, missing profile keys). */
	| 'credentials'
	/** AWS refused the caller: access denied, unknown or expired keys, bad signature. */
	| 'auth'
	/** No answer in time (a dead region, a network black hole). */
	| 'timeout'
	/** Cannot reach the endpoint at all (refused, no DNS). */
	| 'network'
	/** A blip: 5xx, a dropped connection. */
	| 'server'
	/** An answer that could not be read. */
	| 'malformed'
	/** The pipeline (or execution, stage, action) does not exist. */
	| 'notFound'
	/** Cancelled by us (shutdown). */
	| 'aborted'
	/** Any other refusal: validation, conflict, a state that does not allow the call. */
	| 'client';

export type ClassifiedError = {
	kind: ErrorKind;
	code: string;
	message: string;
	hint?: string;
	requestId?: string;
	httpStatus?: number;
};

import {unknownRegion} from './regions.js';
import {withoutSdkHint} from './salvage.js';
import type {CredentialKind} from './types.js';
import {foreignAnswerMessage} from './foreign-answer.js';

/** Thrown by the engine when a call outlives its time limit (measured on the engine's clock). */
export class CallTimeoutError extends Error {
	override readonly name = 'TimeoutError';
	constructor(
		readonly operation: string,
		readonly ms: number,
	) {
		super(`${operation} got no answer within ${Math.round(ms / 1000)} s`);
	}
}

/** Thrown when an answer lacks what the call must return (a damaged or unexpected body). */
export class MalformedResponseError extends Error {
	override readonly name = 'MalformedResponseError';
}

const THROTTLE_CODES = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'LimitExceededException']);
const AUTH_CODES = new Set([
	'AccessDeniedException',
	'AccessDenied',
	'UnauthorizedOperation',
	'UnrecognizedClientException',
	'InvalidClientTokenId',
	'ExpiredTokenException',
	'ExpiredToken',
	'RequestExpired',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'MissingAuthenticationToken',
	'AuthFailure',
	'InvalidAccessKeyId',
	'InvalidToken',
]);
const NOT_FOUND_CODES = new Set(['PipelineNotFoundException', 'PipelineExecutionNotFoundException', 'StageNotFoundException', 'ActionNotFoundException', 'PipelineVersionNotFoundException', 'ResourceNotFoundException']);
const SERVER_CODES = new Set(['InternalFailure', 'InternalServerError', 'InternalError', 'ServiceUnavailable', 'ServiceUnavailableException', 'InternalServiceError', 'InternalServerException']);
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);
const UNREACHABLE_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);

type ErrorLike = {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	$metadata?: {httpStatusCode?: number; requestId?: string};
	$fault?: unknown;
	$response?: unknown;
	cause?: unknown;
	errno?: unknown;
};

function oneLine(text: string, max = 300): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The SDK's credential_process provider (still used where a role's source_profile runs one)
 * says "Command failed: COMMAND LINE\nWHAT IT PRINTED": either can hold a token. Keep neither.
 */
function safeProviderMessage(message: string): string {
	return /Command failed:/i.test(message) ? 'a credential_process failed (its command line and what it printed are not shown)' : message;
}

function networkCode(error: ErrorLike): string | undefined {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const code = (current as ErrorLike).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as ErrorLike).cause;
	}
	return undefined;
}

function isSsoProblem(text: string): boolean {
	return /\bsso\b|sso_|sso session|sso token|aws sso login/i.test(text);
}

export type ClassifyContext = {profile: string; region: string; operation?: string; credentialKind?: CredentialKind};

function credentialsHint(message: string, context: ClassifyContext): string {
	const {profile, credentialKind: kind} = context;
	if (kind === 'sso' || isSsoProblem(message)) return `run: aws sso login --profile ${profile}`;
	if (kind === 'process' || /credential_process|Command failed/i.test(message)) return `check the credential_process of profile "${profile}" (run it by hand to see its error)`;
	if (kind === 'role' || /source_profile|assume|role/i.test(message)) return `check role_arn and source_profile of profile "${profile}" (aws sts get-caller-identity --profile ${profile})`;
	if (kind === 'env') return 'check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the environment';
	if (kind === 'none') return `profile "${profile}" has no credentials: add aws_access_key_id and aws_secret_access_key, sso_session, role_arn or credential_process to it`;
	return `check the credentials of profile "${profile}" (aws sts get-caller-identity --profile ${profile})`;
}

function authHint(code: string, context: ClassifyContext): string {
	// An SSO role's session ends with its token: logging in again is the fix whatever the code.
	if (context.credentialKind === 'sso' && code !== 'AccessDeniedException' && code !== 'AccessDenied') return `run: aws sso login --profile ${context.profile}`;
	switch (code) {
		case 'AccessDeniedException':
		case 'AccessDenied':
		case 'UnauthorizedOperation':
			return `give profile "${context.profile}" read access to CodePipeline (e.g. the AWSCodePipeline_ReadOnlyAccess policy)`;
		case 'ExpiredTokenException':
		case 'ExpiredToken':
		case 'RequestExpired':
			return `the session of profile "${context.profile}" expired: renew it (aws sso login --profile ${context.profile}, or get new keys)`;
		default:
			return `check the access keys of profile "${context.profile}" (aws sts get-caller-identity --profile ${context.profile})`;
	}
}

/**
 * A call to a region that does not exist fails as whatever the endpoint makes of it (refused keys
 * at a custom endpoint, no DNS name at AWS): say what is wrong instead, with the closest names.
 */
export function classifyError(raw: unknown, context: ClassifyContext): ClassifiedError {
	const classified = classifyCall(raw, context);
	if (classified.kind === 'throttle' || classified.kind === 'aborted' || classified.kind === 'notFound') return classified;
	const unknown = unknownRegion(context.region);
	return unknown ? {...classified, hint: unknown} : classified;
}

function classifyCall(raw: unknown, context: ClassifyContext): ClassifiedError {
	const error = (typeof raw === 'object' && raw !== null ? raw : {message: String(raw)}) as ErrorLike;
	const name = typeof error.name === 'string' ? error.name : 'Error';
	// The SDK's hint for programmers ("inspect the hidden field {error}.$response") is not for operators.
	const message = oneLine(withoutSdkHint(typeof error.message === 'string' && error.message ? error.message : name));
	const httpStatus = error.$metadata?.httpStatusCode;
	const requestId = error.$metadata?.requestId;
	const base = {code: name, message, requestId, httpStatus};

	// The SDK also names a connection the server dropped "TimeoutError" ("socket hang up"): that is a blip.
	const socketDropped = /socket hang up|ECONNRESET|EPIPE/i.test(message) || TRANSIENT_NETWORK.has(networkCode(error) ?? '');
	if (error instanceof CallTimeoutError || (name === 'TimeoutError' && !socketDropped)) {
		return {...base, kind: 'timeout', code: 'TimeoutError', hint: `check the network path to ${context.region} (VPN, proxy, firewall) and that the region is right`};
	}
	if (name === 'AbortError') return {...base, kind: 'aborted'};
	if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || name === 'ProviderError') {
		return {...base, message: safeProviderMessage(message), kind: 'credentials', hint: credentialsHint(message, context)};
	}
	if (THROTTLE_CODES.has(name) || httpStatus === 429) return {...base, kind: 'throttle'};
	if (AUTH_CODES.has(name)) return {...base, kind: 'auth', hint: authHint(name, context)};
	if (NOT_FOUND_CODES.has(name)) return {...base, kind: 'notFound'};
	if (error instanceof MalformedResponseError || name === 'SyntaxError' || /deserializ/i.test(message)) {
		const foreign = foreignAnswerMessage(error, context.operation);
		if (foreign) return {...base, kind: 'malformed', code: 'MalformedResponse', message: foreign};
		return {...base, kind: 'malformed', code: 'MalformedResponse', message: `unreadable answer${context.operation ? ` to ${context.operation}` : ''}: ${message}`};
	}
	if (SERVER_CODES.has(name) || (httpStatus !== undefined && httpStatus >= 500)) return {...base, kind: 'server'};
	const socket = networkCode(error);
	if (socket && UNREACHABLE_NETWORK.has(socket)) {
		return {...base, kind: 'network', code: socket, hint: `cannot reach the CodePipeline endpoint for ${context.region}: check the region, endpoint_url and network`};
	}
	if ((socket && TRANSIENT_NETWORK.has(socket)) || /socket hang up|ECONNRESET|premature close/i.test(message)) {
		return {...base, kind: 'server', code: socket ?? 'ConnectionReset'};
	}
	if (httpStatus !== undefined && httpStatus >= 400) return {...base, kind: 'client'};
	// Anything else without an HTTP answer is most likely the network.
	if (httpStatus === undefined && error.$metadata === undefined && socket) return {...base, kind: 'server', code: socket};
	return {...base, kind: 'client'};
}

/** Kinds that say the whole source (profile x region) cannot work now, not one pipeline. */
export function isSourceLevel(kind: ErrorKind): boolean {
	return kind === 'credentials' || kind === 'auth' || kind === 'timeout' || kind === 'network';
}

/** Kinds after which the credentials should be read again (the files may have been fixed). */
export function needsFreshCredentials(kind: ErrorKind): boolean {
	return kind === 'credentials' || kind === 'auth';
}
