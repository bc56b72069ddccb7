/**
 * Reads pipetop's config file: `$XDG_CONFIG_HOME/pipetop/config.json` (default
 * ~/.config/pipetop/config.json) or --config FILE. A missing default file means an empty config;
 * a missing --config file, bad JSON or a bad field is a UsageError naming the file, the line when
 * known, the field and what is wrong.
 */

import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {UsageError} from './usage-error.js';
import type {PipetopConfig} from './types.js';
import {validateConfig} from './validate.js';

export type LoadedConfig = {config: PipetopConfig; /** The file read, when there was one. */ path?: string};

export function defaultConfigPath(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
	return join(base, 'pipetop', 'config.json');
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset && index < text.length; index++) if (text[index] === '\n') line++;
	return line;
}

/**
 * Where JSON.parse stopped. V8 says "at position N" (with "line L column C") for most errors;
 * for an unexpected token it quotes up to 10 characters either side instead, which we find again.
 */
function parseErrorLine(text: string, message: string): number | undefined {
	const line = /line (\d+) column \d+/.exec(message);
	if (line) return Number(line[1]);
	const position = /at position (\d+)/.exec(message);
	if (position) return lineAt(text, Number(position[1]));
	if (/Unexpected end of JSON input/.test(message)) return lineAt(text, text.length);
	// V8 quotes the text around the token: "text", ..."text", "text"... or ..."text"... (10 characters a side when cut).
	const quoted = /Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
	if (quoted) {
		const [, token, cut, context] = quoted;
		const at = text.indexOf(context);
		if (at >= 0) return lineAt(text, cut ? at + 10 : at + Math.max(0, context.indexOf(token)));
	}
	return undefined;
}

/** A cheap guess at the line of a field: each path segment's quoted name, searched in order. */
function fieldLine(text: string, field: string): number | undefined {
	let from = 0;
	let found = -1;
	for (const segment of field.split('.')) {
		const name = segment.replace(/\[\d+\]$/, '');
		if (!name) continue;
		const at = text.indexOf(JSON.stringify(name), from);
		if (at < 0) return found < 0 ? undefined : lineAt(text, found);
		found = at;
		from = at + 1;
	}
	return found < 0 ? undefined : lineAt(text, found);
}

export async function loadConfig(options: {path?: string; env: NodeJS.ProcessEnv}): Promise<LoadedConfig> {
	const explicit = options.path !== undefined;
	const path = options.path ?? defaultConfigPath(options.env);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && !explicit) return {config: {}};
		if (code === 'ENOENT') throw new UsageError(`config file ${path} does not exist`);
		if (code === 'EACCES') throw new UsageError(`cannot read config file ${path} (permission denied)`);
		if (code === 'EISDIR') throw new UsageError(`config file ${path} is a directory`);
		throw new UsageError(`cannot read config file ${path}: ${(error as Error).message}`);
	}
	if (text.trim() === '') return {config: {}, path};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = (error as Error).message;
		const line = parseErrorLine(text, message);
		throw new UsageError(`${path}${line ? `:${line}` : ''}: not valid JSON (${message})`);
	}
	const result = validateConfig(value);
	if ('problem' in result) {
		const {field, message} = result.problem;
		const line = field ? fieldLine(text, field) : undefined;
		throw new UsageError(`${path}${line ? `:${line}` : ''}: ${field ? `"${field}" ` : ''}${message}`);
	}
	return {config: result.config, path};
}
