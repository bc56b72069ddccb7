/**
 * docs/config.md tells the truth: its example is a config the loader accepts, and it names every
 * setting the validator knows (asked of the validator itself, which lists them on a typo).
 */
import {readFile} from 'node:fs/promises';
import {expect, test} from 'vitest';
import {validateConfig} from '../../source/config/validate.js';

const doc = await readFile(new URL('../../docs/config.md', import.meta.url), 'utf8');

/** The settings the validator knows at a level, from its answer to an unknown one. */
function knownAt(path: string[]): string[] {
	let value: Record<string, unknown> = {zzUnknown: 1};
	for (const segment of [...path].reverse()) value = {[segment]: value};
	const result = validateConfig(value);
	const message = 'problem' in result ? result.problem.message : '';
	const known = /known here: ([^)]*)\)/.exec(message)?.[1];
	expect(known, `the validator names the settings of ${path.join('.') || 'the top level'}`).toBeDefined();
	return known!.split(', ');
}

test('the example in docs/config.md is a valid config', () => {
	const example = /## Example\n```json\n([\s\S]*?)```/.exec(doc)?.[1];
	expect(example).toBeDefined();
	expect(validateConfig(JSON.parse(example!))).toHaveProperty('config');
});

test('docs/config.md names every setting, nested ones with their parent', () => {
	const top = knownAt([]);
	expect(top).toContain('profiles');
	for (const field of top) expect(doc.includes(`\`${field}\``) || doc.includes(`\`${field}.`), field).toBe(true);
	for (const parent of ['intervals', 'notifications', 'theme', 'events']) {
		for (const field of knownAt([parent])) expect(doc).toContain(`\`${parent}.${field}\``);
	}
	expect(doc).toContain('$XDG_CONFIG_HOME/pipetop/config.json');
	expect(doc).toContain('~/.config/pipetop/config.json');
});
