/**
 * The layers of docs/architecture.md, held by reading every import line of source/:
 * - ui imports neither commands nor app (it receives an engine; it never bootstraps one);
 * - commands import no .tsx file (the console is mounted through ui/mount.ts);
 * - only source/aws/ imports the AWS SDK;
 * - the embedded service imports nothing of the app but the shared clock;
 * - no runtime import cycle (type-only imports are erased and do not count).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = join(root, 'source');

type Import = {from: string; specifier: string; target?: string; typeOnly: boolean};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

const files = sourceFiles(sourceDir);
const byStem = new Map(files.map(file => [file.replace(/\.tsx?$/, ''), file]));
const rel = (file: string) => relative(root, file);

/** Static imports, re-exports and dynamic `import('...')` of one file. */
export function importsOf(file: string, text: string): Import[] {
	const found: Import[] = [];
	const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
	for (const match of text.matchAll(statement)) {
		const specifier = match[4] ?? match[5] ?? match[6];
		// `import {type A, type B} from` is type-only too.
		const names = match[3] ?? '';
		const allTypes = /^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}$/.test(names.trim());
		const typeOnly = Boolean(match[2]) || allTypes;
		let target: string | undefined;
		if (specifier.startsWith('.')) target = byStem.get(resolve(dirname(file), specifier).replace(/\.js$/, ''));
		found.push({from: file, specifier, target, typeOnly});
	}
	return found;
}

const imports = files.flatMap(file => importsOf(file, readFileSync(file, 'utf8')));
const within = (file: string | undefined, folder: string) => file !== undefined && rel(file).startsWith(`source/${folder}/`);
const describeImport = (each: Import) => `${rel(each.from)} imports ${each.specifier}`;

describe('the layers hold', () => {
	test('every relative import resolves to a file of source/ (so the rules below see them all)', () => {
		const unresolved = imports.filter(each => each.specifier.startsWith('.') && !each.target).map(describeImport);
		expect(unresolved).toEqual([]);
	});

	test('ui imports neither commands nor app', () => {
		const wrong = imports.filter(each => within(each.from, 'ui') && (within(each.target, 'commands') || within(each.target, 'app')));
		expect(wrong.map(describeImport)).toEqual([]);
	});

	test('commands import no .tsx file', () => {
		const wrong = imports.filter(each => within(each.from, 'commands') && each.target?.endsWith('.tsx'));
		expect(wrong.map(describeImport)).toEqual([]);
	});

	test('only source/aws imports the AWS SDK', () => {
		const wrong = imports.filter(each => each.specifier.startsWith('@aws-sdk/') && !within(each.from, 'aws') && !each.typeOnly);
		expect(wrong.map(describeImport)).toEqual([]);
		// And types too: views never depend on wire shapes.
		expect(imports.filter(each => each.specifier.startsWith('@aws-sdk/') && !within(each.from, 'aws')).map(describeImport)).toEqual([]);
	});

	test('the embedded service imports nothing of the app but the shared clock', () => {
		const wrong = imports.filter(
			each => within(each.from, 'sim') && each.target !== undefined && !within(each.target, 'sim') && rel(each.target) !== 'source/shared/clock.ts',
		);
		expect(wrong.map(describeImport)).toEqual([]);
	});

	test('no runtime import cycle', () => {
		const graph = new Map<string, string[]>();
		for (const each of imports) {
			if (each.typeOnly || !each.target) continue;
			graph.set(each.from, [...(graph.get(each.from) ?? []), each.target]);
		}
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string) => {
			state.set(file, 'open');
			stack.push(file);
			for (const next of graph.get(file) ?? []) {
				if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' -> '));
				else if (!state.has(next)) visit(next);
			}
			stack.pop();
			state.set(file, 'done');
		};
		for (const file of files) if (!state.has(file)) visit(file);
		expect(cycles).toEqual([]);
	});
});

describe('the import reader', () => {
	// The rules above are only as good as the reader: it must see each kind of import.
	test('sees static, type-only, re-export and dynamic imports', () => {
		const file = join(sourceDir, 'ui', 'example.ts');
		const found = importsOf(
			file,
			[
				"import {a} from './model/ui-store.js';",
				"import type {B} from '../store/types.js';",
				"import {type C, type D} from '../store/types.js';",
				"export {E} from './keymap.js';",
				"const lazy = await import('../commands/console.js');",
				"import '@aws-sdk/client-sqs';",
			].join('\n'),
		);
		expect(found.map(each => [each.specifier, each.typeOnly, each.target === undefined ? undefined : rel(each.target)])).toEqual([
			['./model/ui-store.js', false, 'source/ui/model/ui-store.ts'],
			['../store/types.js', true, 'source/store/types.ts'],
			['../store/types.js', true, 'source/store/types.ts'],
			['./keymap.js', false, 'source/ui/keymap.ts'],
			['../commands/console.js', false, 'source/commands/console.ts'],
			['@aws-sdk/client-sqs', false, undefined],
		]);
	});
});
