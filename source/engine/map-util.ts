/**
 * Defensive readers for SDK answers. A damaged or surprising body must not crash the engine or
 * put wrong types in the store: a missing field is absent, and a body that lacks what the call
 * must return throws MalformedResponseError (retried like any transient failure).
 */

import {MalformedResponseError} from '../aws/index.js';

export function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Epoch ms from the SDK's Date (or an epoch-seconds number, as on the wire). */
export function ms(value: unknown): number | undefined {
	if (value instanceof Date) {
		const time = value.getTime();
		return Number.isNaN(time) ? undefined : time;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
	return undefined;
}

export function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function obj(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string-to-string map (action configuration, output variables); other values are dropped. */
export function stringMap(value: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, item] of Object.entries(obj(value))) if (typeof item === 'string') out[key] = item;
	return out;
}

/** Requires a field the call always returns; a body without it is damaged. */
export function required<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new MalformedResponseError(`the answer has no ${what}`);
	return value;
}

/** Requires an array field when present (a wrong type means a damaged body, not "none"). */
export function arrayField(value: unknown, what: string): unknown[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new MalformedResponseError(`${what} is not a list`);
	return value;
}

/** The account id in an ARN: arn:partition:service:region:account:resource. */
export function accountFromArn(arn: string | undefined): string | undefined {
	const account = arn?.split(':')[4];
	return account && /^\d{12}$/.test(account) ? account : undefined;
}
