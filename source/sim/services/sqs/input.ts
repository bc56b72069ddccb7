/** Reading SQS request members: required strings, integers in range, lists of names. */

import {invalidParameterValue, missingParameter} from './errors.js';

export type Input = Record<string, unknown>;

export function optionalString(input: Input, name: string): string | undefined {
	const value = input[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw invalidParameterValue(`Value for parameter ${name} is invalid. Reason: it must be a string.`);
	return value;
}

export function requiredString(input: Input, name: string): string {
	const value = optionalString(input, name);
	if (value === undefined || value === '') throw missingParameter(name);
	return value;
}

/** An integer member within [min, max], SQS's wording when it is not. */
export function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
	const value = input[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalidParameterValue(`Value ${String(value)} for parameter ${name} is invalid. Reason: Must be between ${min} and ${max}, if provided.`);
	}
	return value;
}

export function stringList(input: Input, name: string): string[] {
	const value = input[name];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) throw invalidParameterValue(`Value for parameter ${name} is invalid. Reason: it must be a list of strings.`);
	return value as string[];
}

export function objectList(input: Input, name: string): Input[] {
	const value = input[name];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some(item => typeof item !== 'object' || item === null || Array.isArray(item))) {
		throw invalidParameterValue(`Value for parameter ${name} is invalid. Reason: it must be a list of structures.`);
	}
	return value as Input[];
}
