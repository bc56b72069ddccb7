/**
 * The built binary, `pipetop --all-profiles --region all`, in a real terminal (tmux on a private
 * socket, 120x40) against the embedded service: two accounts in different regions, one of them in
 * an opt-in region it enabled, both with opt-in regions they did not enable. Every pipeline shows,
 * no source fails, and the sources view counts the regions without pipelines in one line per
 * profile. Needs `npm run build` first (npm test builds before it runs the tests).
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {REGIONS_SCENARIO} from '../helpers/regions-scenario.js';
import {privateTmux, tmuxAvailable} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = privateTmux('pipetop-regions');
const session = 'regions';
let fleet: FleetHarness;

const send = (text: string) => server.run('send-keys', '-t', session, '-l', text);
const waitFor = (what: string, check: (text: string) => boolean, timeoutMs?: number) => server.waitFor(session, what, check, timeoutMs);

describe.runIf(tmuxAvailable())('pipetop --region all in tmux', () => {
	beforeAll(async () => {
		if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');
		// The service only answers (its world's clock stands still): the binary runs on real time.
		fleet = await startFleetHarness({scenario: REGIONS_SCENARIO, start: false});
		const env = Object.entries({TERM: 'tmux-256color', LANG: 'C.UTF-8', HOME: fleet.env.HOME, XDG_CONFIG_HOME: fleet.env.XDG_CONFIG_HOME, AWS_CONFIG_FILE: fleet.env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: fleet.env.AWS_SHARED_CREDENTIALS_FILE});
		server.run('new-session', '-d', '-s', session, '-x', '120', '-y', '40', ...env.flatMap(([name, value]) => ['-e', `${name}=${value}`]), `cd '${root}' && exec node bin/pipetop.js --all-profiles --region all`);
	});

	afterAll(async () => {
		server.kill();
		await fleet?.close();
	});

	test('every pipeline, no failed source, and the empty regions collapsed', {timeout: 120_000}, async () => {
		const screen = await waitFor('the fleet loaded', text => /^pipetop .* 4 pipelines/m.test(text) && !text.includes('loading'), 60_000);
		for (const name of ['checkout', 'checkout-eu', 'ledger', 'ledger-jakarta']) expect(screen).toMatch(new RegExp(` ${name} +✓✓ +Succeeded`));
		expect(screen).toContain('✓ alpha/eu-west-1  ✓ alpha/us-east-1  ✓ beta/ap-southeast-3  ✓ beta/eu-west-1');
		expect(screen.split('\n').slice(1).join('\n')).not.toContain('✗');

		send('S');
		const sources = await waitFor('the sources view', text => text.includes('Sources 4:'));
		expect(sources).toContain('Sources 4: 4 ok, 0 stale, 0 failed');
		expect(sources).toMatch(/^ {3}alpha {3}15 regions without pipelines, \d+ opt-in regions not enabled in this account$/m);
		expect(sources).toMatch(/^ {3}beta {4}17 regions without pipelines, \d+ opt-in regions not enabled in this account$/m);
		expect(sources).not.toMatch(/failed,|UnrecognizedClient/);
		send('q');
	});
});
