/**
 * The AWS Query protocol, which CloudFormation speaks (botocore's cloudformation model: protocol
 * "query"): a form-encoded POST with `Action` and `Version`, answered in XML as
 * `<OpResponse><OpResult>...</OpResult><ResponseMetadata>` and errors as `<ErrorResponse>`.
 * Lists are `<member>` elements; the world answers plain objects and this file writes them.
 */

import type {IncomingHttpHeaders} from 'node:http';
import {SimError} from '../contract.js';
import type {WireAnswer} from './protocol.js';

const NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
export const QUERY_CONTENT_TYPE = 'text/xml';

/** A Query call: no X-Amz-Target, a form body. */
export function isQueryRequest(headers: IncomingHttpHeaders): boolean {
	return headers['x-amz-target'] === undefined && (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The operation and its flat parameters (`StackName`, `NextToken`: what the sim's query operations take). */
export function parseQueryBody(body: Buffer): {operation: string; input: Record<string, unknown>} | SimError {
	const params = new URLSearchParams(body.toString('utf8'));
	const operation = params.get('Action');
	if (!operation || !/^[A-Za-z][A-Za-z0-9]*$/.test(operation)) return new SimError('MissingAction', 'The request must contain the parameter Action.', 400);
	const input: Record<string, unknown> = {};
	for (const [name, value] of params) if (name !== 'Action' && name !== 'Version') input[name] = value;
	return {operation, input};
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlOf(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map(item => `<member>${xmlOf(item)}</member>`).join('');
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined && item !== null)
			.map(([name, item]) => `<${name}>${xmlOf(item)}</${name}>`)
			.join('');
	}
	return escape(String(value));
}

export function queryAnswer(operation: string, result: unknown, requestId: string): WireAnswer {
	const body = `<${operation}Response xmlns="${NAMESPACE}"><${operation}Result>${xmlOf(result)}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
	return {status: 200, headers: {}, body};
}

/** Query errors name who is at fault: Sender for a 4xx, Receiver for the service's own failures. */
export function queryError(error: SimError, requestId: string): WireAnswer {
	const status = Number.isInteger(error.status) && error.status >= 400 && error.status <= 599 ? error.status : 500;
	const type = status < 500 ? 'Sender' : 'Receiver';
	const body = `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${type}</Type><Code>${escape(error.code)}</Code><Message>${escape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
	return {status, headers: {...error.headers}, body};
}
