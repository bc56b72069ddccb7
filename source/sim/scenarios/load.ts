/**
 * loadScenario: 'demo', 'empty', or a JSON scenario file. A file's `definitionFile` entries are
 * read relative to the scenario file and replaced by `definition`; every error names the file
 * and the problem.
 */

import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, isAbsolute, resolve} from 'node:path';
import type {Scenario} from '../contract.js';
import {builtinScenario} from './builtin.js';
import {validateScenario} from './validate.js';

function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
	}
}

/** Replaces each definitionFile by the definition it points at (paths relative to baseDir). */
export function resolveDefinitionFiles(value: unknown, baseDir: string, where: string, read: (path: string) => string): void {
	if (typeof value !== 'object' || value === null) return;
	const pipelines = (value as {pipelines?: unknown}).pipelines;
	if (!Array.isArray(pipelines)) return;
	pipelines.forEach((entry: Record<string, unknown>, index) => {
		if (typeof entry !== 'object' || entry === null || entry.definitionFile === undefined) return;
		if (entry.definition !== undefined) throw new Error(`${where}: pipelines[${index}] has both "definition" and "definitionFile"; give one`);
		if (typeof entry.definitionFile !== 'string') throw new Error(`${where}: pipelines[${index}].definitionFile must be a path`);
		const path = isAbsolute(entry.definitionFile) ? entry.definitionFile : resolve(baseDir, entry.definitionFile);
		let text: string;
		try {
			text = read(path);
		} catch (error) {
			throw new Error(`${where}: pipelines[${index}].definitionFile ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
		}
		entry.definition = parseJson(text, path);
		delete entry.definitionFile;
	});
}

export async function loadScenario(nameOrPath: string): Promise<Scenario> {
	if (nameOrPath === 'demo' || nameOrPath === 'empty') return builtinScenario(nameOrPath);
	const file = resolve(nameOrPath);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new Error(`${file}: cannot read scenario (${code === 'ENOENT' ? 'no such file; built-in scenarios are "demo" and "empty"' : (code ?? (error as Error).message)})`);
	}
	const value = parseJson(text, file);
	const files = new Map<string, string>();
	// Read definition files first (async), then resolve synchronously from what was read.
	const pipelines = (value as {pipelines?: unknown})?.pipelines;
	if (Array.isArray(pipelines)) {
		for (const entry of pipelines as Array<Record<string, unknown>>) {
			if (typeof entry?.definitionFile !== 'string') continue;
			const path = isAbsolute(entry.definitionFile) ? entry.definitionFile : resolve(dirname(file), entry.definitionFile);
			try {
				files.set(path, await readFile(path, 'utf8'));
			} catch {
				// Reported with the pipeline's index by resolveDefinitionFiles below.
			}
		}
	}
	resolveDefinitionFiles(value, dirname(file), file, path => {
		const text = files.get(path);
		if (text === undefined) return readFileSync(path, 'utf8');
		return text;
	});
	validateScenario(value, file);
	return value;
}
