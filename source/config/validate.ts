/**
 * Checks a parsed config file against PipetopConfig. Each problem names the field and says what
 * is wrong; the loader adds the file and, when it can find it, the line.
 */

import {shortQuote} from '../aws/quote.js';
import type {PipetopConfig} from './types.js';

export type ConfigProblem = {field: string; message: string};

type Check = (value: unknown, field: string) => ConfigProblem | undefined;

/** What was found instead, quoted short (a pasted blob must not become the whole message). */
const describe = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${shortQuote(value)}"` : `${typeof value} ${shortQuote(JSON.stringify(value) ?? String(value))}`;

const boolean: Check = (value, field) => (typeof value === 'boolean' ? undefined : {field, message: `must be true or false, not ${describe(value)}`});

const nonEmptyString: Check = (value, field) => (typeof value === 'string' && value.trim() !== '' ? undefined : {field, message: `must be a non-empty string, not ${describe(value)}`});

const regionName: Check = (value, field) =>
	typeof value === 'string' && /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/.test(value) ? undefined : {field, message: `must be a region name like "eu-west-1", not ${describe(value)}`};

const accountId: Check = (value, field) => (typeof value === 'string' && /^\d{12}$/.test(value) ? undefined : {field, message: `must be a 12-digit account id like "123456789012", not ${describe(value)}`});

const url: Check = (value, field) => {
	if (typeof value !== 'string') return {field, message: `must be a URL string, not ${describe(value)}`};
	try {
		const parsed = new URL(value);
		if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return undefined;
	} catch {
		// Reported below.
	}
	return {field, message: `must be an http:// or https:// URL, not ${describe(value)}`};
};

function listOf(item: Check): Check {
	return (value, field) => {
		if (!Array.isArray(value)) return {field, message: `must be a list, not ${describe(value)}`};
		for (const [index, element] of value.entries()) {
			const problem = item(element, `${field}[${index}]`);
			if (problem) return problem;
		}
		return undefined;
	};
}

function oneOf(...allowed: string[]): Check {
	return (value, field) => (typeof value === 'string' && allowed.includes(value) ? undefined : {field, message: `must be one of ${allowed.map(item => `"${item}"`).join(', ')}, not ${describe(value)}`});
}

/** Calls a minute the safety net may spend: from 1 (a typo of 0 would never read) to 6000. */
const callsPerMinute: Check = (value, field) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 6000 ? undefined : {field, message: `must be a number of calls a minute from 1 to 6000, not ${describe(value)}`};

/** Seconds between reads: at least `min`, so a typo cannot make pipetop hammer AWS. */
function seconds(min: number): Check {
	return (value, field) =>
		typeof value === 'number' && Number.isFinite(value) && value >= min && value <= 86_400
			? undefined
			: {field, message: `must be a number of seconds from ${min} to 86400, not ${describe(value)}`};
}

const keyBinding: Check = (value, field) => (typeof value === 'string' ? nonEmptyString(value, field) : listOf(nonEmptyString)(value, field));

function record(values: Check): Check {
	return (value, field) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {field, message: `must be an object, not ${describe(value)}`};
		for (const [key, element] of Object.entries(value)) {
			const problem = values(element, `${field}.${key}`);
			if (problem) return problem;
		}
		return undefined;
	};
}

function shape(fields: Record<string, Check>): Check {
	return (value, field) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {field, message: `must be an object, not ${describe(value)}`};
		for (const [key, element] of Object.entries(value)) {
			const name = field ? `${field}.${key}` : key;
			const check = fields[key];
			if (!check) return {field: field ? `${field}.${shortQuote(key)}` : shortQuote(key), message: `is not a known setting (known here: ${Object.keys(fields).join(', ')})`};
			const problem = check(element, name);
			if (problem) return problem;
		}
		return undefined;
	};
}

const configShape = shape({
	profiles: listOf(nonEmptyString),
	allProfiles: boolean,
	regions: (value, field) => (value === 'all' ? undefined : listOf(regionName)(value, field)),
	endpointUrl: url,
	readOnly: boolean,
	readOnlyProfiles: listOf(nonEmptyString),
	readOnlyAccounts: listOf(accountId),
	readOnlyFollowsAccount: boolean,
	intervals: shape({activeSeconds: seconds(1), idleSeconds: seconds(1), discoverySeconds: seconds(10), logFollowSeconds: seconds(0.5)}),
	keys: record(keyBinding),
	notifications: shape({bell: boolean, desktop: boolean}),
	theme: shape({color: oneOf('auto', 'none')}),
	auditLog: nonEmptyString,
	events: shape({queueUrl: url, profile: nonEmptyString, region: regionName, safetyNetSeconds: seconds(60), safetyNetCallsPerMinute: callsPerMinute, silentSeconds: seconds(0), seenThroughEvents: boolean}),
});

/** The first problem found, or the value typed as a config. */
export function validateConfig(value: unknown): {config: PipetopConfig} | {problem: ConfigProblem} {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {problem: {field: '', message: `must hold a JSON object, not ${describe(value)}`}};
	const problem = configShape(value, '');
	return problem ? {problem} : {config: value as PipetopConfig};
}
