/**
 * `y` in a real terminal: the built console in tmux (private socket, `set-clipboard on`) copies
 * what is chosen through OSC 52, and tmux, acting as the terminal, puts it in its paste buffer;
 * the frame around it is unharmed. `?` names the config file pipetop would read. Needs
 * `npm run build` first (npm test builds before it runs the tests).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = privateTmux('pipetop-copy');
const session = 'copy';
const prompt = 'copy-ready$ ';
let home: string;

const tmux = server.run;
const send = (text: string) => tmux('send-keys', '-t', session, '-l', text);
const press = (key: string) => tmux('send-keys', '-t', session, key);
const waitFor = (what: string, check: (text: string) => boolean, timeoutMs?: number) => server.waitFor(session, what, check, timeoutMs);
const buffer = () => {
	try {
		return tmux('show-buffer');
	} catch {
		return '';
	}
};

describe.runIf(tmuxAvailable())('copying in tmux', () => {
	beforeAll(async () => {
		if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');
		home = await mkdtemp(join(tmpdir(), 'pipetop-copy-'));
		tmux(
			'new-session', '-d', '-s', session, '-x', '120', '-y', '40',
			'-e', 'TERM=tmux-256color', '-e', 'LANG=C.UTF-8', '-e', `HOME=${home}`, '-e', `XDG_CONFIG_HOME=${join(home, 'xdg')}`,
			`cd '${root}' && PS1='${prompt}' sh`,
		);
		// tmux takes an application's OSC 52 into a paste buffer only with set-clipboard on.
		tmux('set-option', '-g', 'set-clipboard', 'on');
		await waitFor('the shell prompt', text => text.includes(prompt.trim()));
	});

	afterAll(async () => {
		server.kill();
		if (home) await rm(home, {recursive: true, force: true});
	});

	test('y then a choice puts it in tmux\'s buffer; the screen stays whole; ? names the config file', {timeout: 180_000}, async () => {
		send('node bin/pipetop.js --demo');
		press('Enter');
		await waitFor('the fleet', text => /^pipetop .*45 pipelines/m.test(text), 60_000);
		await waitFor('the first load to finish', text => !text.includes('loading'), 90_000);
		send(':pipeline checkout-web-prod');
		press('Enter');
		await waitFor('the pipeline grid', text => /^checkout-web-prod {2}/m.test(text));
		send('y');
		await waitFor('the chooser', text => text.includes('Copy which?') && text.includes('pipeline name'));
		// Up from the first choice wraps to the last: the pipeline's name.
		press('Up');
		press('Enter');
		await waitFor('the copy to be said', text => text.includes('copied pipeline name'));
		expect(buffer()).toBe('checkout-web-prod');
		const after = await waitFor('the grid again', text => /^checkout-web-prod {2}/m.test(text));
		// Nothing of the sequence leaked onto the screen, and the frame kept its lines.
		expect(after).not.toMatch(/52;c;|\]8;/);
		expect(after.split('\n')[0]).toMatch(/^pipetop /);

		send('?');
		send('G');
		await waitFor('help with the config file', text => text.includes(`Config file: ${join(home, 'xdg', 'pipetop', 'config.json')} (not present: defaults apply)`));
		send('q');
		await waitFor('the shell prompt after quitting', text => text.trimEnd().endsWith(prompt.trim()));
	});
});
