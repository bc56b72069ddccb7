/**
 * Input checks in the words AWS uses. A JSON 1.1 service checks the model's constraints before
 * anything else and answers every broken one at once:
 *   1 validation error detected: Value null at 'pipelineName' failed to satisfy constraint: Member must not be null
 * Paths name list members the way AWS does: 'pipeline.stages.2.member.actions.1.member.name'
 * (1-based). A value of the wrong JSON type is a SerializationException, as in AWS, because
 * the service cannot even read it into its model.
 */

import {SimError} from '../contract.js';

const NAME_PATTERN = /^[A-Za-z0-9.@\-_]+$/;
const NAME_PATTERN_TEXT = '[A-Za-z0-9.@\\-_]+';
export const EXECUTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const EXECUTION_ID_PATTERN_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type Json = Record<string, unknown>;

function describe(value: unknown): string {
	if (value === undefined || value === null) return 'null';
	if (typeof value === 'string') return `'${value.length > 256 ? `${value.slice(0, 256)}...` : value}'`;
	return `'${JSON.stringify(value)}'`;
}

export class Checker {
	private readonly problems: string[] = [];

	fail(path: string, value: unknown, constraint: string): void {
		this.problems.push(`Value ${describe(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
	}

	/** Throws the collected ValidationException, if anything failed. */
	done(): void {
		if (this.problems.length === 0) return;
		const count = this.problems.length;
		throw new SimError('ValidationException', `${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
	}

	get ok(): boolean {
		return this.problems.length === 0;
	}

	/** A string member: required or not, length limits, pattern, enum. Returns it when usable. */
	string(
		input: Json,
		key: string,
		path: string,
		rules: {required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string; values?: readonly string[]} = {},
	): string | undefined {
		const value = input[key];
		if (value === undefined || value === null) {
			if (rules.required) this.fail(path, value, 'Member must not be null');
			return undefined;
		}
		if (typeof value !== 'string') throw serialization(path, 'a string', value);
		let good = true;
		if (rules.min !== undefined && value.length < rules.min) {
			this.fail(path, value, `Member must have length greater than or equal to ${rules.min}`);
			good = false;
		}
		if (rules.max !== undefined && value.length > rules.max) {
			this.fail(path, value, `Member must have length less than or equal to ${rules.max}`);
			good = false;
		}
		if (good && rules.pattern && !rules.pattern.test(value)) {
			this.fail(path, value, `Member must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`);
			good = false;
		}
		if (good && rules.values && !rules.values.includes(value)) {
			this.fail(path, value, `Member must satisfy enum value set: [${rules.values.join(', ')}]`);
			good = false;
		}
		return good ? value : undefined;
	}

	/** A resource name: pipeline, stage or action ([A-Za-z0-9.@\-_]+, 1-100). */
	name(input: Json, key: string, path: string, required = true): string | undefined {
		return this.string(input, key, path, {required, min: 1, max: 100, pattern: NAME_PATTERN, patternText: NAME_PATTERN_TEXT});
	}

	executionId(input: Json, key: string, path: string, required = true): string | undefined {
		return this.string(input, key, path, {required, pattern: EXECUTION_ID_PATTERN, patternText: EXECUTION_ID_PATTERN_TEXT});
	}

	integer(input: Json, key: string, path: string, rules: {required?: boolean; min?: number; max?: number} = {}): number | undefined {
		const value = input[key];
		if (value === undefined || value === null) {
			if (rules.required) this.fail(path, value, 'Member must not be null');
			return undefined;
		}
		if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization(path, 'an integer', value);
		if (rules.min !== undefined && value < rules.min) {
			this.fail(path, value, `Member must have value greater than or equal to ${rules.min}`);
			return undefined;
		}
		if (rules.max !== undefined && value > rules.max) {
			this.fail(path, value, `Member must have value less than or equal to ${rules.max}`);
			return undefined;
		}
		return value;
	}

	boolean(input: Json, key: string, path: string): boolean | undefined {
		const value = input[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') throw serialization(path, 'a boolean', value);
		return value;
	}

	object(input: Json, key: string, path: string, required = false): Json | undefined {
		const value = input[key];
		if (value === undefined || value === null) {
			if (required) this.fail(path, value, 'Member must not be null');
			return undefined;
		}
		if (typeof value !== 'object' || Array.isArray(value)) throw serialization(path, 'a structure', value);
		return value as Json;
	}

	list(input: Json, key: string, path: string, rules: {required?: boolean; min?: number; max?: number} = {}): unknown[] | undefined {
		const value = input[key];
		if (value === undefined || value === null) {
			if (rules.required) this.fail(path, value, 'Member must not be null');
			return undefined;
		}
		if (!Array.isArray(value)) throw serialization(path, 'a list', value);
		if (rules.min !== undefined && value.length < rules.min) this.fail(path, value, `Member must have length greater than or equal to ${rules.min}`);
		if (rules.max !== undefined && value.length > rules.max) this.fail(path, value, `Member must have length less than or equal to ${rules.max}`);
		return value;
	}

	/** A list whose members must be structures; yields [member, 'path.N.member']. */
	structures(input: Json, key: string, path: string, rules: {required?: boolean; min?: number; max?: number} = {}): Array<[Json, string]> {
		const list = this.list(input, key, path, rules) ?? [];
		return list.map((member, index) => {
			const memberPath = `${path}.${index + 1}.member`;
			if (typeof member !== 'object' || member === null || Array.isArray(member)) throw serialization(memberPath, 'a structure', member);
			return [member as Json, memberPath];
		});
	}

	/** A map of string to string. */
	stringMap(input: Json, key: string, path: string): Record<string, string> | undefined {
		const value = this.object(input, key, path);
		if (!value) return undefined;
		for (const [entryKey, entry] of Object.entries(value)) {
			if (typeof entry !== 'string') throw serialization(`${path}.${entryKey}`, 'a string', entry);
		}
		return value as Record<string, string>;
	}
}

export function serialization(path: string, expected: string, value: unknown): SimError {
	const found = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
	return new SimError('SerializationException', `Expected ${expected} at '${path}' but found ${found}.`);
}

/** Checks an input with one Checker and throws what it found. */
export function check<T>(fn: (checker: Checker) => T): T {
	const checker = new Checker();
	const result = fn(checker);
	checker.done();
	return result;
}
