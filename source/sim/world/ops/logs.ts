/**
 * CloudWatch Logs GetLogEvents and FilterLogEvents over the build and Lambda log streams (why/log-groups.ts). Timestamps are
 * integer epoch milliseconds here (unlike CodePipeline). GetLogEvents tokens look like AWS's
 * (`f/<56 digits>/s`, `b/<56 digits>/s`) and at the end of the stream the forward token comes back
 * unchanged, which is how a tail loop knows to wait.
 */

import {SimError} from '../../contract.js';
import type {LogLine} from '../builds/log.js';
import {logGroupStreams, logStream, type SimStream} from '../why/log-groups.js';
import {hashString} from '../random.js';
import type {Call, Handler} from './call.js';

function invalid(message: string): SimError {
	return new SimError('InvalidParameterException', message);
}

function optionalString(input: Record<string, unknown>, key: string): string | undefined {
	const value = input[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value.length === 0) throw invalid(`${key} must be a non-empty string.`);
	return value;
}

function optionalNumber(input: Record<string, unknown>, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
	const value = input[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid(`${key} must be an integer between ${min} and ${max}.`);
	return value;
}

/** The log group named by logGroupName or logGroupIdentifier (a name or an ARN). */
function groupOf(call: Call, input: Record<string, unknown>): {name: string; streams: SimStream[]} {
	const name = optionalString(input, 'logGroupName');
	const identifier = optionalString(input, 'logGroupIdentifier');
	if (name && identifier) throw invalid('Specify either logGroupName or logGroupIdentifier, but not both.');
	let group = name ?? identifier;
	if (!group) throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
	if (group.startsWith('arn:')) group = group.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '');
	const streams = logGroupStreams(call.regionState, group);
	if (!streams) throw new SimError('ResourceNotFoundException', 'The specified log group does not exist.');
	return {name: group, streams};
}

function pad56(value: number): string {
	return String(value).padStart(56, '0');
}

function parseToken(token: string): {direction: 'f' | 'b'; position: number} {
	const match = /^([fb])\/(\d{56})\/s$/.exec(token);
	if (!match) throw invalid('The specified nextToken is invalid.');
	return {direction: match[1] as 'f' | 'b', position: Number(match[2])};
}

function event(line: LogLine): {timestamp: number; message: string; ingestionTime: number} {
	return {timestamp: line.timestamp, message: line.message, ingestionTime: line.ingestionTime};
}

export const getLogEvents: Handler = (call, input) => {
	const group = groupOf(call, input);
	const streamName = optionalString(input, 'logStreamName');
	if (!streamName) throw invalid('logStreamName must be specified.');
	const stream = logStream(call.regionState, group.name, streamName);
	if (!stream) throw new SimError('ResourceNotFoundException', 'The specified log stream does not exist.');
	const startTime = optionalNumber(input, 'startTime', 0);
	const endTime = optionalNumber(input, 'endTime', 0);
	const limit = optionalNumber(input, 'limit', 1, 10000) ?? 10000;
	const startFromHead = input.startFromHead === true;
	const token = optionalString(input, 'nextToken');
	let lines = stream.lines(call.now);
	if (startTime !== undefined || endTime !== undefined) lines = lines.filter(line => (startTime === undefined || line.timestamp >= startTime) && (endTime === undefined || line.timestamp < endTime));

	let start: number;
	let end: number;
	if (token) {
		const parsed = parseToken(token);
		if (parsed.direction === 'f') {
			start = Math.min(parsed.position, lines.length);
			end = Math.min(start + limit, lines.length);
		} else {
			end = Math.min(parsed.position, lines.length);
			start = Math.max(0, end - limit);
		}
	} else if (startFromHead) {
		start = 0;
		end = Math.min(limit, lines.length);
	} else {
		end = lines.length;
		start = Math.max(0, end - limit);
	}
	const events = lines.slice(start, end).map(event);
	// With nothing new, the token passed in comes back unchanged (tail loops rely on it).
	const parsed = token ? parseToken(token) : undefined;
	const forward = parsed?.direction === 'f' && events.length === 0 ? token : `f/${pad56(end)}/s`;
	const backward = parsed?.direction === 'b' && events.length === 0 ? token : `b/${pad56(start)}/s`;
	return {events, nextForwardToken: forward, nextBackwardToken: backward};
};

type Matcher = (message: string) => boolean;

/**
 * Term patterns only (a documented limit): `ERROR`, `"exact phrase"`, several terms (all must
 * appear), `?a ?b` (any of them), `-term` (must not appear). Matching is case-sensitive, as in
 * CloudWatch. JSON and space-delimited patterns ({...}, [...]) are refused.
 */
function compilePattern(pattern: string | undefined): Matcher {
	const text = (pattern ?? '').trim();
	if (text === '') return () => true;
	if (text.startsWith('{') || text.startsWith('[')) throw invalid('Invalid filter pattern: the embedded service supports term patterns only.');
	const terms = [...text.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map(match => ({mode: match[1], term: match[2] ?? match[3]}));
	const required = terms.filter(entry => entry.mode === '').map(entry => entry.term);
	const optional = terms.filter(entry => entry.mode === '?').map(entry => entry.term);
	const excluded = terms.filter(entry => entry.mode === '-').map(entry => entry.term);
	return message => required.every(term => message.includes(term)) && (optional.length === 0 || optional.some(term => message.includes(term))) && !excluded.some(term => message.includes(term));
}

export const filterLogEvents: Handler = (call, input) => {
	const group = groupOf(call, input);
	const names = input.logStreamNames;
	const prefix = optionalString(input, 'logStreamNamePrefix');
	if (names !== undefined && prefix !== undefined) throw invalid('logStreamNames and logStreamNamePrefix cannot both be specified.');
	if (names !== undefined && (!Array.isArray(names) || names.length < 1 || names.length > 100 || names.some(name => typeof name !== 'string'))) throw invalid('logStreamNames must list 1 to 100 stream names.');
	const wanted = names ? new Set(names as string[]) : undefined;
	const startTime = optionalNumber(input, 'startTime', 0);
	const endTime = optionalNumber(input, 'endTime', 0);
	const limit = optionalNumber(input, 'limit', 1, 10000) ?? 10000;
	const pattern = optionalString(input, 'filterPattern');
	const matches = compilePattern(pattern);
	const scope = `FilterLogEvents/${call.context.accountId}/${call.context.region}/${group.name}/${[...(wanted ?? [])].join(',')}/${prefix ?? ''}/${pattern ?? ''}/${startTime ?? ''}/${endTime ?? ''}`;
	const token = optionalString(input, 'nextToken');
	const offset = token === undefined ? 0 : Number(call.tokens.open(token, scope, 'InvalidParameterException', 'The specified nextToken is invalid.'));

	const found: Array<Record<string, unknown> & {timestamp: number; logStreamName: string}> = [];
	for (const stream of group.streams) {
		if (wanted && !wanted.has(stream.name)) continue;
		if (prefix && !stream.name.startsWith(prefix)) continue;
		const streamHash = String(hashString(stream.name)).padStart(10, '0');
		stream.lines(call.now).forEach((line, index) => {
			if (startTime !== undefined && line.timestamp < startTime) return;
			if (endTime !== undefined && line.timestamp > endTime) return;
			if (!matches(line.message)) return;
			found.push({logStreamName: stream.name, ...event(line), eventId: `${String(line.timestamp).padStart(20, '0')}${streamHash}${String(index).padStart(26, '0')}`});
		});
	}
	found.sort((a, b) => a.timestamp - b.timestamp || (a.logStreamName < b.logStreamName ? -1 : a.logStreamName > b.logStreamName ? 1 : 0));
	const page = found.slice(offset, offset + limit);
	return {
		events: page,
		searchedLogStreams: [],
		...(offset + limit < found.length ? {nextToken: call.tokens.seal(scope, offset + limit)} : {}),
	};
};
