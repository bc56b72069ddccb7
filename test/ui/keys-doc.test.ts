/**
 * docs/keys.md is generated from the keymap. This test fails when they differ; to regenerate:
 *   PIPETOP_WRITE_KEYS_DOC=1 npx vitest run test/ui/keys-doc.test.ts
 * which writes the file and still fails (review the diff, then run again without the variable).
 */
import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {consoleKeymap} from '../../source/ui/views/registry.js';
import {keysMarkdown} from '../../source/ui/render/help.js';

const path = fileURLToPath(new URL('../../docs/keys.md', import.meta.url));

test('docs/keys.md lists every binding of the keymap', async () => {
	const keymap = consoleKeymap();
	const expected = keysMarkdown(keymap);
	const actual = await readFile(path, 'utf8').catch(() => '');
	if (actual !== expected && process.env.PIPETOP_WRITE_KEYS_DOC === '1') await writeFile(path, expected);
	expect(actual, 'docs/keys.md is out of date: run PIPETOP_WRITE_KEYS_DOC=1 npx vitest run test/ui/keys-doc.test.ts').toBe(expected);
	for (const spec of keymap.specs) expect(actual).toContain(`\`${spec.command}\``);
});
