/**
 * Faults from outside the process: `pipetop sim --faults JSON|FILE` and the admin endpoint's
 * `PUT /faults`. The text is untrusted, so its shape is checked here (every name known, every
 * value of the right JSON type) before validateFaults checks the ranges: a typo such as
 * `hangrate` must say so, not switch nothing on in silence.
 */

import {readFile} from 'node:fs/promises';
import type {FaultOptions} from './contract.js';
import {validateFaults} from './http/faults.js';

/** Bad fault input: its message is one line, meant for the user as it is. */
export class FaultInputError extends Error {}

type Kind = 'rate' | 'number' | 'strings' | 'names' | {[member: string]: Kind};

const shapes: Record<string, Kind> = {
	latencyMs: 'number',
	rateLimit: {perSecond: 'number', burst: 'number'},
	serverErrorRate: 'rate',
	dropRate: 'rate',
	deadRegions: 'strings',
	deniedAccounts: 'strings',
	malformedRate: 'rate',
	throttleRate: 'rate',
	hangRate: 'rate',
	lostAnswerRate: 'rate',
	misbehave: {unknownEnums: 'rate', wrongTypes: 'strings', renames: 'names'},
	scope: {accountIds: 'strings', regions: 'strings', operations: 'strings'},
};

/** The names a fault object may hold, for messages and the docs. */
export const faultNames = Object.keys(shapes);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownName(name: string, path: string, known: string[]): FaultInputError {
	const near = known.find(candidate => candidate.toLowerCase() === name.toLowerCase());
	const where = path ? ` in ${path}` : '';
	return new FaultInputError(`unknown fault ${JSON.stringify(name.slice(0, 40))}${where}${near ? ` (did you mean "${near}"?)` : ''}; known: ${known.join(', ')}`);
}

function check(value: unknown, kind: Kind, path: string): void {
	const wrong = (expected: string) => new FaultInputError(`${path} must be ${expected}`);
	if (kind === 'rate' || kind === 'number') {
		if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong(kind === 'rate' ? 'a number from 0 to 1' : 'a number');
		return;
	}
	if (kind === 'strings') {
		if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) throw wrong('a list of strings');
		return;
	}
	if (kind === 'names') {
		if (!isObject(value) || !Object.values(value).every(item => typeof item === 'string')) throw wrong('an object of names to names');
		return;
	}
	if (!isObject(value)) throw wrong('an object');
	for (const [member, inner] of Object.entries(value)) {
		const innerKind = kind[member];
		if (!innerKind) throw unknownName(member, path, Object.keys(kind));
		check(inner, innerKind, `${path}.${member}`);
	}
}

/** Checks a parsed value and returns it as fault options; throws FaultInputError. */
export function faultsFrom(value: unknown): FaultOptions {
	if (!isObject(value)) throw new FaultInputError('faults must be a JSON object, e.g. {"hangRate": 0.5}');
	for (const [name, inner] of Object.entries(value)) {
		const kind = shapes[name];
		if (!kind) throw unknownName(name, '', faultNames);
		check(inner, kind, name);
	}
	const faults = value as FaultOptions;
	try {
		validateFaults(faults);
	} catch (error) {
		throw new FaultInputError((error as Error).message);
	}
	return faults;
}

/** Parses JSON text as fault options; the parser's complaint, when there is one, on one short line. */
export function parseFaults(text: string): FaultOptions {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new FaultInputError(`not JSON: ${(error as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`);
	}
	return faultsFrom(value);
}

/** `--faults`: JSON when it starts like JSON (`{`, `[`), else the path of a JSON file. */
export async function readFaultsArgument(argument: string): Promise<FaultOptions> {
	if (/^\s*[{[]/.test(argument)) return parseFaults(argument);
	let text: string;
	try {
		text = await readFile(argument, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new FaultInputError(`cannot read ${argument.slice(0, 200)}${code ? ` (${code})` : ''}: give a JSON object or the path of a file holding one`);
	}
	try {
		return parseFaults(text);
	} catch (error) {
		throw new FaultInputError(`${argument.slice(0, 200)}: ${(error as Error).message}`);
	}
}
