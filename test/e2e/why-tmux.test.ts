/**
 * "Why did it fail?" in a real terminal: the built `pipetop --demo` in tmux, from the fleet to a
 * CloudFormation deploy's failed resource and its reason, with the keys a user presses.
 * Needs `npm run build` first (npm test builds before it runs the tests).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = privateTmux('pipetop-why');
const pane = 'why';
let home: string;
const keys = (...args: string[]) => server.run('send-keys', '-t', pane, ...args);

describe.runIf(tmuxAvailable())('why, in tmux', () => {
	beforeAll(async () => {
		if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');
		home = await mkdtemp(join(tmpdir(), 'pipetop-why-'));
		const env = ['TERM=tmux-256color', 'LANG=C.UTF-8', `HOME=${home}`, `XDG_CONFIG_HOME=${join(home, 'xdg')}`].flatMap(entry => ['-e', entry]);
		server.run('new-session', '-d', '-s', pane, '-x', '140', '-y', '40', ...env, `cd '${root}' && exec node bin/pipetop.js --demo`);
	});

	afterAll(async () => {
		server.kill();
		if (home) await rm(home, {recursive: true, force: true});
	});

	test('/notifications-prod Enter, then w: the failed resource and its status reason at the top', {timeout: 180_000}, async () => {
		await server.waitFor(pane, 'the fleet, loaded', text => /^pipetop .*45 pipelines/m.test(text) && !text.includes('loading'), 90_000);
		keys('-l', '/notifications-prod');
		keys('Enter');
		await server.waitFor(pane, 'the filtered fleet', text => /^›✗ prod .*notifications-prod /m.test(text));
		keys('-l', 'w');
		const why = await server.waitFor(pane, 'the cause', text => text.includes('UPDATE_FAILED: Resource handler returned message'), 60_000);
		expect(why).toMatch(/^Why Deploy\/DeployStack {2}CloudFormation {2}Failed {2}notifications-prod$/m);
		expect(why).toMatch(/^HandlerFunction \(AWS::Lambda::Function\) UPDATE_FAILED: Resource handler returned message: "Resource of type/m);
		expect(why).toContain("'notifications-prod-handler' was not found\" (HandlerErrorCode: NotFound)");
		expect(why).toMatch(/HandlerAlias {2}AWS::Lambda::Alias {2}UPDATE_FAILED {2}Resource update cancelled/);
		keys('-l', 'q');
	});
});
