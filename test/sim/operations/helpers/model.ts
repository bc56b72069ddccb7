/**
 * botocore's CodePipeline model, read from the copy installed on this machine, so that tests can
 * hold every error the embedded service answers to the list the model gives for the operation.
 * undefined where botocore is not installed (tests then say they are skipped).
 */

import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';

type Model = {operations: Record<string, {errors?: Array<{shape: string}>}>; shapes: Record<string, unknown>};

function load(): Model | undefined {
	try {
		const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
		const base = join(dir, 'data', 'codepipeline', '2015-07-09');
		for (const [name, read] of [['service-2.json.gz', (path: string) => gunzipSync(readFileSync(path)).toString('utf8')], ['service-2.json', (path: string) => readFileSync(path, 'utf8')]] as const) {
			try {
				return JSON.parse(read(join(base, name))) as Model;
			} catch {
				// Try the other file name.
			}
		}
	} catch {
		// No python3 or no botocore.
	}
	return undefined;
}

export const MODEL = load();

/** The errors the model lists for an operation. */
export function modelledErrors(operation: string): string[] {
	const entry = MODEL?.operations[operation];
	if (!entry) throw new Error(`the model has no operation ${operation}`);
	return (entry.errors ?? []).map(error => error.shape);
}

type Shape = {type: string; members?: Record<string, {shape: string}>; member?: {shape: string}; value?: {shape: string}; required?: string[]; enum?: string[]; min?: number; max?: number};

/**
 * What is wrong with an answer (as the world returns it, before JSON) against the operation's
 * output shape: unknown members, missing required ones, wrong types, enum values and limits the
 * model does not allow. Empty when it conforms. Timestamps are epoch seconds (numbers) on this wire.
 */
export function shapeProblems(operation: string, answer: unknown): string[] {
	const model = MODEL;
	if (!model) return [];
	const output = (model.operations[operation] as {output?: {shape: string}}).output?.shape;
	const problems: string[] = [];
	const walk = (shapeName: string, value: unknown, path: string): void => {
		const shape = model.shapes[shapeName] as Shape;
		const fail = (what: string) => problems.push(`${path}: ${what}`);
		switch (shape.type) {
			case 'structure': {
				if (typeof value !== 'object' || value === null || Array.isArray(value)) return void fail(`expected a structure (${shapeName})`);
				for (const required of shape.required ?? []) if ((value as Record<string, unknown>)[required] === undefined) fail(`missing required ${required}`);
				for (const [key, member] of Object.entries(value)) {
					const declared = shape.members?.[key];
					if (!declared) fail(`${key} is not a member of ${shapeName}`);
					else walk(declared.shape, member, `${path}.${key}`);
				}
				return;
			}
			case 'list':
				if (!Array.isArray(value)) return void fail('expected a list');
				if (shape.max !== undefined && value.length > shape.max) fail(`more than ${shape.max} members`);
				value.forEach((member, index) => walk(shape.member!.shape, member, `${path}[${index}]`));
				return;
			case 'map':
				if (typeof value !== 'object' || value === null || Array.isArray(value)) return void fail('expected a map');
				for (const [key, member] of Object.entries(value)) walk(shape.value!.shape, member, `${path}.${key}`);
				return;
			case 'string':
				if (typeof value !== 'string') return void fail(`expected a string, got ${JSON.stringify(value)}`);
				if (shape.enum && !shape.enum.includes(value)) fail(`${value} is not one of ${shape.enum.join('|')}`);
				if (shape.min !== undefined && value.length < shape.min) fail(`shorter than ${shape.min}`);
				if (shape.max !== undefined && value.length > shape.max) fail(`longer than ${shape.max}`);
				return;
			case 'integer':
			case 'long':
				if (!Number.isInteger(value)) return void fail(`expected an integer, got ${JSON.stringify(value)}`);
				if (shape.min !== undefined && (value as number) < shape.min) fail(`below ${shape.min}`);
				if (shape.max !== undefined && (value as number) > shape.max) fail(`above ${shape.max}`);
				return;
			case 'boolean':
				if (typeof value !== 'boolean') fail('expected a boolean');
				return;
			case 'timestamp':
				if (typeof value !== 'number') fail('expected epoch seconds');
				return;
			default:
				fail(`unhandled shape type ${shape.type}`);
		}
	};
	if (output) walk(output, answer, operation);
	return problems;
}
