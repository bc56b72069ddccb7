/**
 * docs/keys.md is generated from the keymap. This test fails when they differ; to regenerate:
 *   PIPETOP_WRITE_KEYS_DOC=1 npx vitest run test/ui/keys-doc.test.ts
 */
import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {defaultKeymap} from '../../source/ui/keymap.js';
import {keysMarkdown} from '../../source/ui/render/help.js';

const path = fileURLToPath(new URL('../../docs/keys.md', import.meta.url));

test('docs/keys.md lists every binding of the keymap', async () => {
	const expected = keysMarkdown(defaultKeymap);
	if (process.env.PIPETOP_WRITE_KEYS_DOC === '1') await writeFile(path, expected);
	const actual = await readFile(path, 'utf8').catch(() => '');
	expect(actual, 'docs/keys.md is out of date: run PIPETOP_WRITE_KEYS_DOC=1 npx vitest run test/ui/keys-doc.test.ts').toBe(expected);
	for (const spec of defaultKeymap.specs) expect(actual).toContain(`\`${spec.command}\``);
});
