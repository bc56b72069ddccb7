/**
 * Secrets on bad lines (issue 18, items 1-3): a typo in the credentials or AWS config file, a line
 * of 2 MB, a credential_process that fails while printing a token. Every output is searched for
 * the test profiles' secrets and the process's token: `status`, `status --json`, the console's
 * start (the bootstrap it runs first) and its frames. What is said instead: the file, the line
 * number and the setting's name; the profile whose process failed and its exit status.
 */

import {chmod, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {bootstrap} from '../../source/app/bootstrap.js';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {UsageError} from '../../source/config/usage-error.js';
import {runStatus} from '../../source/commands/status.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {RealClock} from '../../source/shared/clock.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';
import {livelyScenario} from './helpers/fleets.js';

const TOKEN = 'tok-FROM-THE-COMMAND-LINE-0123456789';
const PRINTED = 'IQoJb3JpZ2luX2VjEPRINTED-BY-THE-PROCESS';

let fleet: FleetHarness;
let secrets: string[];
let script: string;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 1}), seed: 18, start: false});
	secrets = fleet.world.accounts().map(account => account.secretAccessKey);
	// A credential_process with a token on its command line that fails, printing a token and half an answer.
	script = join(fleet.dir, 'creds.sh');
	await writeFile(script, `#!/bin/sh\necho "session token ${PRINTED}" >&2\necho '{"Version": 1, "SecretAccessKey": "${PRINTED}'\nexit 3\n`);
	await chmod(script, 0o700);
});

afterAll(async () => {
	await fleet?.close();
});

function expectNothingSecret(where: string, text: string): void {
	for (const secret of [...secrets, TOKEN, PRINTED]) {
		expect(text.includes(secret), `${where} holds a secret`).toBe(false);
		expect(text.includes(secret.slice(0, 16)), `${where} holds part of a secret`).toBe(false);
	}
}

type Seen = {code: number; outputs: Array<[string, string]>};

/** status, status --json and the console's bootstrap on these AWS files; every output collected. */
async function everyOutput(files: {config: string; credentials: string}, profile: string): Promise<Seen> {
	const name = `case-${Math.random().toString(36).slice(2, 8)}`;
	const env: NodeJS.ProcessEnv = {...fleet.env, AWS_CONFIG_FILE: join(fleet.dir, `${name}.config`), AWS_SHARED_CREDENTIALS_FILE: join(fleet.dir, `${name}.credentials`)};
	await writeFile(env.AWS_CONFIG_FILE!, files.config);
	await writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, files.credentials);
	const outputs: Array<[string, string]> = [];
	let code = 0;
	for (const json of [false, true]) {
		const {context, stdout, stderr} = fleet.commandContext([], {profile, json});
		context.env = env;
		try {
			code = await runStatus(context, {clock: new RealClock(), deadlineMs: 15_000});
		} catch (error) {
			if (!(error instanceof UsageError)) throw error;
			code = 2;
			outputs.push([`status${json ? ' --json' : ''} error`, error.message]);
		}
		outputs.push([`status${json ? ' --json' : ''} stdout`, stdout()], [`status${json ? ' --json' : ''} stderr`, stderr()]);
	}
	// The console starts with the same bootstrap; a problem there is its one line on stderr.
	const {context} = fleet.commandContext([], {profile});
	context.env = env;
	await bootstrap(context).then(
		async app => app.close(),
		(error: unknown) => {
			outputs.push(['console start', error instanceof Error ? error.message : String(error)]);
		},
	);
	for (const [where, text] of outputs) expectNothingSecret(where, text);
	return {code, outputs};
}

const alpha = () => fleet.world.account('alpha');
const good = `[profile alpha]\nregion = eu-west-1\nendpoint_url = URL\n`;
const keys = () => `[alpha]\naws_access_key_id = ${alpha().accessKeyId}\naws_secret_access_key = ${alpha().secretAccessKey}\n`;

describe('a malformed line', () => {
	test('a colon for "=" before a secret in the credentials file, in a profile not even in use: file, line and key only', async () => {
		const beta = fleet.world.account('beta');
		const credentials = `${keys()}\n[beta]\naws_access_key_id = ${beta.accessKeyId}\naws_secret_access_key: ${beta.secretAccessKey}\n`;
		const seen = await everyOutput({config: good.replace('URL', fleet.sim.url), credentials}, 'alpha');
		expect(seen.code).toBe(2);
		const errors = seen.outputs.filter(([where]) => where.endsWith('error') || where === 'console start');
		expect(errors).toHaveLength(3);
		for (const [, text] of errors) expect(text).toMatch(/case-\w+\.credentials:7: the line for "aws_secret_access_key" is not "name = value" \(its value is not shown\)$/);
	});

	test('the same in the AWS config file, and a line outside any section', async () => {
		const config = `${good.replace('URL', fleet.sim.url)}aws_secret_access_key ${alpha().secretAccessKey}\n`;
		const seen = await everyOutput({config, credentials: keys()}, 'alpha');
		expect(seen.outputs.find(([where]) => where === 'status error')?.[1]).toMatch(/case-\w+\.config:4: the line for "aws_secret_access_key" is not "name = value"/);
		const outside = await everyOutput({config: `${alpha().secretAccessKey}\n${good.replace('URL', fleet.sim.url)}`, credentials: keys()}, 'alpha');
		expect(outside.outputs.find(([where]) => where === 'status error')?.[1]).toMatch(/case-\w+\.config:1: the line is outside any \[section\] \(its value is not shown\)$/);
	});

	test('a line of 2 MB gives a message of one short line, in either file', async () => {
		const huge = 'x'.repeat(2_000_000);
		for (const files of [
			{config: good.replace('URL', fleet.sim.url), credentials: `${keys()}${huge}\n`},
			{config: `[profile ${huge}\nregion = eu-west-1\n`, credentials: keys()},
			{config: good.replace('URL', fleet.sim.url).replace('eu-west-1', huge), credentials: keys()},
			{config: good.replace('URL', huge), credentials: keys()},
		]) {
			const seen = await everyOutput(files, 'alpha');
			expect(seen.code).toBe(2);
			for (const [where, text] of seen.outputs) expect(text.length, where).toBeLessThan(400);
		}
	});
});

describe('a credential_process that fails', () => {
	const config = () => `${good.replace('URL', fleet.sim.url)}[profile proc]\ncredential_process = ${script} --token ${TOKEN}\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n`;

	test('status and status --json: which profile and its exit status; nothing it printed, not its command line', async () => {
		const seen = await everyOutput({config: config(), credentials: keys()}, 'alpha,proc');
		expect(seen.code).toBe(1);
		const text = seen.outputs.find(([where]) => where === 'status stdout')?.[1] ?? '';
		expect(text).toMatch(/proc\/eu-west-1: FAILED .*the credential_process of profile "proc" failed with exit status 3/);
		expect(text).toMatch(/alpha\s+eu-west-1\s+alpha-eu-west-1-0/);
		const json = JSON.parse(seen.outputs.find(([where]) => where === 'status --json stdout')?.[1] ?? '{}') as {sources: Array<{key: string; error?: {message: string}}>};
		expect(json.sources.find(source => source.key === 'proc/eu-west-1')?.error?.message).toMatch(/profile "proc" failed with exit status 3/);
	});

	test('the console: the header and the sources view say which profile and the exit status, no frame holds the token', async () => {
		await writeFile(fleet.env.AWS_CONFIG_FILE!, `${await readFile(fleet.env.AWS_CONFIG_FILE!, 'utf8')}\n${config().slice(config().indexOf('[profile proc]'))}`);
		const settings = mergeSettings({}, {...DEFAULT_FLAGS, profile: 'alpha,proc'});
		const {sources} = await resolveSources(settings, {env: fleet.env, profileRegions: {alpha: ['eu-west-1'], proc: ['eu-west-1']}});
		const engine = createFleetEngine({flushIntervalMs: 0, sources, clock: fleet.clock});
		fleet.track(engine);
		engine.start();
		try {
			const console_ = openConsole({...fleet, engine}, {columns: 120, rows: 30});
			await fleet.until(() => engine.store.getState().sources['proc/eu-west-1']?.health === 'failed', {what: 'proc failed'});
			await console_.settle(0);
			const frames = [console_.terminal.text()];
			expect(console_.terminal.lines()[1]).toContain('proc/eu-west-1');
			await console_.terminal.press('S');
			frames.push(console_.terminal.text());
			expect(frames[1]).toContain('the credential_process of profile "proc" failed with exit status 3');
			for (const frame of [...frames, ...console_.terminal.stdout.frames, ...console_.terminal.stderr.writes, ...console_.raw]) expectNothingSecret('a console frame', frame);
			expectNothingSecret('the store', JSON.stringify(engine.store.getState()));
			console_.close();
		} finally {
			await engine.stop();
		}
	});
});
