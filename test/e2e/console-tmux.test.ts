/**
 * The built console end to end, in a real terminal: tmux on a private socket at a fixed size
 * runs `node bin/pipetop.js --demo`, keys are sent to it and the screen is read back with
 * capture-pane. Needs `npm run build` first (npm test builds before it runs the tests).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = privateTmux('pipetop-test');
const session = 'e2e';
const prompt = 'e2e-ready$ ';
// capture-pane drops trailing blanks: look for the prompt without its space.
const promptMark = prompt.trim();
let home: string;

const tmux = server.run;
const screen = () => server.screen(session);
const paneFlag = (format: string) => tmux('display-message', '-p', '-t', session, format).trim();
const send = (text: string) => tmux('send-keys', '-t', session, '-l', text);
const press = (key: string) => tmux('send-keys', '-t', session, key);

const waitFor = (what: string, check: (text: string) => boolean, timeoutMs?: number) => server.waitFor(session, what, check, timeoutMs);

describe.runIf(tmuxAvailable())('the console in tmux', () => {
	beforeAll(async () => {
		if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');
		home = await mkdtemp(join(tmpdir(), 'pipetop-e2e-'));
		tmux(
			'new-session', '-d', '-s', session, '-x', '120', '-y', '40',
			'-e', 'TERM=tmux-256color', '-e', 'LANG=C.UTF-8', '-e', `HOME=${home}`, '-e', `XDG_CONFIG_HOME=${join(home, 'xdg')}`,
			// sh takes its prompt from an assignment, not from the environment tmux passes.
			`cd '${root}' && PS1='${prompt}' sh`,
		);
		await waitFor('the shell prompt', text => text.includes(promptMark));
	});

	afterAll(async () => {
		server.kill();
		if (home) await rm(home, {recursive: true, force: true});
	});

	test('pipetop --demo in tmux: fleet, a pipeline, its grid, a build log, and a clean exit', {timeout: 180_000}, async () => {
		send('node bin/pipetop.js --demo');
		press('Enter');
		// The fleet, on the alternate screen.
		const fleet = await waitFor('the fleet', text => /^pipetop .*45 pipelines/m.test(text) && /PIPELINE +STAGES +STATUS/.test(text), 60_000);
		expect(paneFlag('#{alternate_on}')).toBe('1');
		expect(fleet.split('\n').filter(line => /^[› ][✓✗●‖·■⊘↷~] /.test(line)).length).toBeGreaterThan(20);
		await waitFor('the first load to finish', text => !text.includes('loading'), 90_000);

		// A pipeline, by command mode.
		send(':pipeline checkout-web-prod');
		press('Enter');
		const grid = await waitFor('the pipeline grid', text => /^checkout-web-prod {2}/m.test(text) && /^. Build {2}/m.test(text));
		expect(grid).toMatch(/^. Source {2}/m);
		expect(grid).toMatch(/^ 1│ +[✓✗●] Build {2}/m);
		expect(grid).toMatch(/^. Deploy {2}/m);

		// The build log of its Build action.
		send('j');
		send('l');
		const log = await waitFor('the build log', text => text.includes('Build log Build/Build') && text.includes('[Container]'));
		expect(log).toMatch(/follow (on|off) {2}\d+ lines/);

		// Quit: the alternate screen is left and the shell prompt is back.
		send('q');
		const after = await waitFor('the shell prompt after quitting', text => paneFlag('#{alternate_on}') === '0' && text.trimEnd().endsWith(promptMark));
		expect(paneFlag('#{pane_current_command}')).toBe('sh');
		expect(after).not.toContain('pipetop  ✗');
		expect(after).toContain(`${prompt}node bin/pipetop.js --demo`);
	});
});
