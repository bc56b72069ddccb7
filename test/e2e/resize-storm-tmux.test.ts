/**
 * Storms of resizes in a real terminal (issue 18): the built console in tmux, resize-window a few
 * dozen times in a row (some with no pause at all), then the last size. Before the fix, a frame
 * laid out for an old size sometimes landed after the terminal had shrunk, scrolled the screen,
 * and the incremental renderer kept the shifted picture for good (the header gone, a row twice):
 * seen in about a third of such storms. Now the screen is painted afresh once the size is still,
 * so after every storm the frame is whole: one header on the first line, the footer on the last.
 */
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = privateTmux('pipetop-storm');
const session = 'storm';
let home = '';

/** The frame a user expects at rows x columns: the header first, once; the footer last; nothing wider. */
function sound(text: string, columns: number, rows: number): boolean {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines.length === rows && /^pipetop /.test(lines[0]) && lines.filter(line => /^pipetop /.test(line)).length === 1 && /^q quit/.test(lines.at(-1) ?? '') && lines.every(line => line.length <= columns * 4);
}

describe.runIf(tmuxAvailable())('resize storms in tmux', () => {
	beforeAll(async () => {
		if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');
		home = await mkdtemp(join(tmpdir(), 'pipetop-storm-'));
		server.run('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-e', 'TERM=tmux-256color', '-e', 'LANG=C.UTF-8', '-e', `HOME=${home}`, '-e', `XDG_CONFIG_HOME=${join(home, 'xdg')}`, `cd '${root}' && node bin/pipetop.js --demo`);
		await server.waitFor(session, 'the fleet', text => /^pipetop .*45 pipelines/m.test(text) && !text.includes('loading'), 90_000);
	}, 120_000);

	afterAll(async () => {
		server.kill();
		if (home) await rm(home, {recursive: true, force: true});
	});

	test('after each of twelve seeded storms the frame is whole at the last size', {timeout: 240_000}, async () => {
		// A small seeded generator (the one the storm was first reproduced with), so a failure replays.
		let seed = 7;
		const draw = (below: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed % below;
		};
		for (let index = 0; index < 12; index++) {
			const count = 5 + draw(40);
			for (let step = 0; step < count; step++) {
				server.run('resize-window', '-t', session, '-x', String(20 + draw(200)), '-y', String(5 + draw(60)));
				// Some resizes leave Ink time to draw a frame for that size, the others land while it draws.
				if (draw(3) === 0) await new Promise(resolve => setTimeout(resolve, draw(30)));
			}
			const columns = 60 + draw(140);
			const rows = 15 + draw(45);
			server.run('resize-window', '-t', session, '-x', String(columns), '-y', String(rows));
			// A condition, polled: the console paints afresh once the size has been still.
			const text = await server.waitFor(session, `a whole frame at ${columns}x${rows} after storm ${index} (${count} resizes)`, screen => sound(screen, columns, rows), 20_000);
			expect(sound(text, columns, rows)).toBe(true);
		}
	});
});
