/**
 * The built program in a real terminal (tmux): `node bin/pipetop.js --demo`, an approval waiting
 * in the demo fleet is reviewed and approved from the keyboard, and the pipeline moves on.
 * Needs `npm run build` first (npm test does it) and tmux (a private server: test/helpers/tmux.ts).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = resolve(import.meta.dirname, '..', '..');
const built = existsSync(join(root, 'dist', 'cli.js'));
const server = privateTmux('pipetop-approve');
const session = 'approve';
let stateDir: string | undefined;

const tmux = server.run;
const screen = () => server.screen(session);
const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 30_000) => server.waitFor(session, what, check, timeoutMs);

async function keys(...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		tmux('send-keys', '-t', session, key);
		await new Promise(done => {
			setTimeout(done, 80);
		});
	}
}

/** Types a fleet filter and waits until the console shows it applied. */
async function filter(text: string): Promise<void> {
	await keys('/');
	await waitFor(shown => shown.split('\n').some(line => line.startsWith('/')), 'the filter prompt');
	tmux('send-keys', '-t', session, '-l', text);
	await waitFor(shown => shown.includes(`/${text}`), 'the typed filter');
	await keys('Enter');
	await waitFor(shown => shown.includes(`filter ${text}`), 'the filter applied');
}

afterEach(async () => {
	server.kill();
	if (stateDir) await rm(stateDir, {recursive: true, force: true});
	stateDir = undefined;
});

describe.runIf(built && tmuxAvailable())('approve in the demo, in tmux', () => {
	it('reviews a waiting approval, approves it with y, and the pipeline moves on', async () => {
		stateDir = await mkdtemp(join(tmpdir(), 'pipetop-e2e-approve-'));
		const command = `cd ${root} && XDG_STATE_HOME=${stateDir} XDG_CONFIG_HOME=${stateDir} node bin/pipetop.js --demo`;
		tmux('new-session', '-d', '-s', session, '-x', '140', '-y', '40', command);
		await waitFor(text => /‖ [1-9]\d* approval/.test(text) && text.includes('Approval') && !text.includes('loading'), 'the demo loaded, an approval waiting');

		// Only pipelines waiting for approval; the cursor is on the first.
		await filter('Approval');
		await keys('a');
		const review = await waitFor(text => text.includes('Review approval'), 'the approval dialog');
		const pipeline = /Pipeline (\S+)/.exec(review)?.[1] as string;
		const execution = /Execution (\S+)/.exec(review)?.[1] as string;
		expect(pipeline).toBeTruthy();
		expect(review).toMatch(/Account \d{12}/);
		expect(review).toContain('Waiting for');

		await keys('Enter');
		tmux('send-keys', '-t', session, '-l', 'e2e approves');
		await waitFor(text => text.includes('> e2e approves'), 'the summary typed');
		// A double Enter only reaches the confirm step.
		await keys('Enter', 'Enter');
		await waitFor(text => text.includes('Enter does not confirm here'), 'the confirm step');
		await keys('y');
		await waitFor(text => text.includes('Accepted by AWS'), 'the answer');
		await keys('Enter');
		await waitFor(text => !text.includes('Review approval'), 'the dialog closed');
		await keys('Escape');
		await waitFor(text => !text.includes('filter Approval'), 'the filter cleared');
		await filter(pipeline);
		// The approved execution no longer waits: `a` on the pipeline finds nothing, or (QUEUED and
		// PARALLEL pipelines) the next execution waiting behind it.
		await keys('a');
		const after = await waitFor(text => text.includes('no pending approval') || /Review approval[\s\S]*Execution \S+/.test(text), 'a second look at the approval');
		expect(after).not.toContain(`Execution ${execution}`);
		if (after.includes('Review approval')) await keys('Escape');
		// The demo's own log, each line marked: the real audit log never sees the demo.
		const audit = (await readFile(join(stateDir, 'pipetop', 'audit-demo.jsonl'), 'utf8')).trim().split('\n').map(line => JSON.parse(line));
		expect(audit).toEqual([expect.objectContaining({demo: true, via: 'console', action: 'approve', pipeline, outcome: 'done', parameters: {status: 'Approved', summary: 'e2e approves'}})]);
		expect(existsSync(join(stateDir, 'pipetop', 'audit.jsonl'))).toBe(false);
		await keys('q');
	}, 60_000);
});
