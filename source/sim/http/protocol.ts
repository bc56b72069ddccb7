/**
 * The AWS JSON protocols as the sim speaks them (1.1 for CodePipeline, CodeBuild and Logs, 1.0
 * for SQS): which service an `X-Amz-Target` names, how a body is read, and how answers and
 * errors are shaped on the wire.
 */

import {SimError, type SimService} from '../contract.js';

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** SQS speaks AWS JSON 1.0 (botocore's sqs model: protocol json, jsonVersion 1.0). */
export function contentTypeOf(service: SimService | undefined): string {
	return service === 'sqs' ? 'application/x-amz-json-1.0' : JSON_CONTENT_TYPE;
}

/** Target prefix -> service. The service is also the SigV4 signing name and the IAM prefix. */
const TARGET_PREFIXES: Record<string, SimService> = {
	CodePipeline_20150709: 'codepipeline',
	CodeBuild_20161006: 'codebuild',
	Logs_20140328: 'logs',
	CodeDeploy_20141006: 'codedeploy',
	AmazonEC2ContainerServiceV20141113: 'ecs',
	AmazonSQS: 'sqs',
};

export type Target = {service: SimService; operation: string};

/**
 * Reads `X-Amz-Target`. Only the prefix is checked here: which operations exist is the world's
 * business (it answers UnknownOperationException for a name it does not serve), so the front
 * never has to be kept in step with the world's operation list.
 */
export function parseTarget(header: string | undefined): Target | SimError {
	const match = /^([A-Za-z0-9_]+)\.([A-Za-z][A-Za-z0-9]*)$/.exec(header?.trim() ?? '');
	const service = match ? TARGET_PREFIXES[match[1]] : undefined;
	if (!match || !service) return new SimError('UnknownOperationException', 'Unknown operation or missing X-Amz-Target header.', 400);
	return {service, operation: match[2]};
}

/** Parses a request body: empty means `{}`, anything but a JSON object is a SerializationException. */
export function parseJsonBody(body: Buffer): Record<string, unknown> | SimError {
	const text = body.toString('utf8');
	if (text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return new SimError('SerializationException', 'The request body is not valid JSON.', 400);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return new SimError('SerializationException', 'Start of structure or map found where not expected: the request body must be a JSON object.', 400);
	}
	return value as Record<string, unknown>;
}

/** The generic text AWS gives for its own failures; nothing about the cause leaks to the caller. */
const INTERNAL_FAILURE_MESSAGE = 'The request processing has failed because of an unknown error, exception or failure.';

export function internalFailure(): SimError {
	return new SimError('InternalFailure', INTERNAL_FAILURE_MESSAGE, 500);
}

export function serviceUnavailable(): SimError {
	return new SimError('ServiceUnavailable', 'The service is unavailable. Please try again later.', 503);
}

export type WireAnswer = {status: number; headers: Record<string, string>; body: string};

/**
 * The error on the wire. A code or status that could not be sent (a world bug: a space in the
 * code, status 200 or 0) is tidied here, because a header node:http refuses would throw while
 * answering and there would be nothing left to answer with.
 */
export function errorAnswer(error: SimError): WireAnswer {
	const code = error.code.replace(/[^A-Za-z0-9_.#:-]/g, '') || 'InternalFailure';
	const status = Number.isInteger(error.status) && error.status >= 400 && error.status <= 599 ? error.status : 500;
	return {
		status,
		// The SDK reads the code from x-amzn-ErrorType first, then __type; send both as AWS does.
		headers: {...error.headers, 'x-amzn-ErrorType': code},
		body: JSON.stringify({__type: code, message: error.message}),
	};
}

export function successAnswer(body: string): WireAnswer {
	return {status: 200, headers: {}, body};
}
