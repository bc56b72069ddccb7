/**
 * Bad input from the user's own files, as `pipetop status` meets it: pipetop's config file and
 * the AWS config and credentials files, missing, empty, malformed, with unknown keys, profiles
 * that chain in a loop, a credential_process that prints garbage, a region that does not exist.
 * Each gives one clear message (naming the file and line where there is one), never a stack
 * trace, and the profiles that are fine still work.
 */

import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {UsageError} from '../../source/config/usage-error.js';
import {runStatus} from '../../source/commands/status.js';
import {RealClock} from '../../source/shared/clock.js';
import type {SimAccount} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {livelyScenario} from './helpers/fleets.js';

let fleet: FleetHarness;
let alpha: SimAccount;
let dir: string;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 1}), seed: 31, start: false});
	alpha = fleet.world.account('alpha');
	dir = join(fleet.dir, 'bad');
	await mkdir(dir, {recursive: true});
});

afterAll(async () => {
	await fleet?.close();
});

type Outcome = {code: number; stdout: string; stderr: string; error?: string};

/** `pipetop status [--json] ARGS` in-process with these AWS files (and config file), on real time. */
async function status(files: {config?: string; credentials?: string; pipetop?: string}, flags: Record<string, unknown> = {}): Promise<Outcome> {
	const name = `case-${Math.random().toString(36).slice(2, 8)}`;
	const env: NodeJS.ProcessEnv = {...fleet.env, AWS_CONFIG_FILE: join(dir, `${name}.config`), AWS_SHARED_CREDENTIALS_FILE: join(dir, `${name}.credentials`)};
	if (files.config !== undefined) await writeFile(env.AWS_CONFIG_FILE!, files.config);
	if (files.credentials !== undefined) await writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, files.credentials);
	const configPath = join(dir, `${name}.json`);
	if (files.pipetop !== undefined) await writeFile(configPath, files.pipetop);
	const {context, stdout, stderr} = fleet.commandContext([], {...(files.pipetop !== undefined && {config: configPath}), ...flags});
	context.env = env;
	try {
		const code = await runStatus(context, {clock: new RealClock(), deadlineMs: 15_000});
		return {code, stdout: stdout().replaceAll(dir, 'DIR'), stderr: stderr().replaceAll(dir, 'DIR')};
	} catch (error) {
		// What the CLI prints for it: one line, exit 2 for usage and config problems.
		if (!(error instanceof UsageError)) throw error;
		return {code: 2, stdout: stdout(), stderr: stderr(), error: error.message.replaceAll(dir, 'DIR')};
	}
}

const good = (profile = 'alpha') => `[profile ${profile}]\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n`;
const keys = (profile = 'alpha') => `[${profile}]\naws_access_key_id = ${alpha.accessKeyId}\naws_secret_access_key = ${alpha.secretAccessKey}\n`;

function noStackTrace(outcome: Outcome): void {
	for (const text of [outcome.stdout, outcome.stderr, outcome.error ?? '']) expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
}

describe("pipetop's config file", () => {
	test('missing (--config): one line naming it', async () => {
		const {context} = fleet.commandContext([], {config: join(dir, 'nope.json')});
		await expect(runStatus(context, {clock: new RealClock()})).rejects.toThrow(/^config file .*nope\.json does not exist$/);
	});

	test('empty: an empty config, and everything works', async () => {
		const outcome = await status({config: good(), credentials: keys(), pipetop: ''}, {profile: 'alpha'});
		expect(outcome.code).toBe(0);
		expect(outcome.stdout).toMatch(/alpha-eu-west-1-0/);
	});

	test('malformed JSON: file and line', async () => {
		const outcome = await status({config: good(), credentials: keys(), pipetop: '{\n  "profiles": ["alpha",]\n}'});
		expect(outcome.error).toMatch(/^DIR\/case-\w+\.json:2: not valid JSON/);
	});

	test('an unknown key: file, line and the known ones', async () => {
		const outcome = await status({config: good(), credentials: keys(), pipetop: '{\n  "readOnly": true,\n  "colour": "none"\n}'});
		expect(outcome.error).toMatch(/^DIR\/case-\w+\.json:3: "colour" is not a known setting \(known here: profiles/);
	});
});

describe('AWS config and credentials files', () => {
	test('both missing: one line saying the profile is in neither file', async () => {
		const outcome = await status({});
		expect(outcome.error).toMatch(/^unknown profile "default": not in DIR\/case-\w+\.config or DIR\/case-\w+\.credentials$/);
	});

	test('both empty: the same', async () => {
		const outcome = await status({config: '', credentials: ''}, {profile: 'alpha'});
		expect(outcome.error).toMatch(/^unknown profile "alpha": not in /);
	});

	test('unknown keys in a profile are ignored, as the AWS CLI does', async () => {
		const outcome = await status({config: `${good()}colour = blue\ns3 =\n  max_concurrent_requests = 20\n`, credentials: keys()}, {profile: 'alpha'});
		expect(outcome.stderr).toBe('');
		expect(outcome.code).toBe(0);
	});

	test('profiles that chain in a loop: that source fails with one line, the others work', async () => {
		const loop = `[profile loop-a]\nrole_arn = arn:aws:iam::${alpha.accountId}:role/a\nsource_profile = loop-b\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n\n[profile loop-b]\nrole_arn = arn:aws:iam::${alpha.accountId}:role/b\nsource_profile = loop-a\nregion = eu-west-1\n`;
		const outcome = await status({config: `${good()}${loop}`, credentials: keys()}, {profile: 'alpha,loop-a'});
		expect(outcome.code).toBe(1);
		const line = outcome.stdout.split('\n').filter(text => text.startsWith('loop-a/eu-west-1: FAILED'));
		expect(line).toHaveLength(1);
		expect(line[0]).toMatch(/CredentialsProviderError: .*(cycle|loop|circular)/i);
		expect(line[0]).toMatch(/check role_arn and source_profile of profile "loop-a"/);
		expect(outcome.stdout).toMatch(/alpha\s+eu-west-1\s+alpha-eu-west-1-0/);
		noStackTrace(outcome);
	});

	test('a credential_process that prints garbage (even half a secret): one line, and the garbage is not repeated', async () => {
		const script = join(dir, 'creds.sh');
		await writeFile(script, '#!/bin/sh\necho \'{"Version": 1, "AccessKeyId": "AKIAGARBAGE0000", "SecretAccessKey": "half-a-secret-SHOULD-NOT-SHOW\'\n');
		await chmod(script, 0o700);
		const outcome = await status({config: `${good()}[profile proc]\ncredential_process = ${script}\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n`, credentials: keys()}, {profile: 'alpha,proc'});
		expect(outcome.code).toBe(1);
		const line = outcome.stdout.split('\n').filter(text => text.startsWith('proc/eu-west-1: FAILED'));
		expect(line).toHaveLength(1);
		expect(line[0]).toMatch(/credential_process/);
		expect(`${outcome.stdout}${outcome.stderr}`).not.toContain('half-a-secret');
		noStackTrace(outcome);
	});

	test('a region name pipetop cannot use, given as a flag: one line before any call', async () => {
		const outcome = await status({config: good(), credentials: keys()}, {profile: 'alpha', region: 'Frankfurt'});
		expect(outcome.error).toBe('--region "Frankfurt" is not a region name like eu-west-1 (or "all")');
	});

	test('a region that does not exist: that source fails with one line, nothing crashes', async () => {
		const outcome = await status({config: good().replace('eu-west-1', 'eu-nowhere-9'), credentials: keys()}, {profile: 'alpha'});
		expect(outcome.code).toBe(1);
		const lines = outcome.stdout.split('\n').filter(text => text.startsWith('alpha/eu-nowhere-9: FAILED'));
		expect(lines).toHaveLength(1);
		// Said for what it is, from the SDK's own region data, not "check the access keys".
		expect(lines[0]).toMatch(/\(unknown region "eu-nowhere-9": AWS has no such region \(closest: [a-z]+-[a-z]+-\d, [a-z]+-[a-z]+-\d, [a-z]+-[a-z]+-\d\)\)$/);
		expect(lines[0]).not.toMatch(/check the access keys/);
		noStackTrace(outcome);
	});

	test('a typo in a region name: unknown, and the region meant comes first among the closest', async () => {
		const outcome = await status({config: good(), credentials: keys()}, {profile: 'alpha', region: 'eu-wset-1'});
		expect(outcome.stdout).toMatch(/^alpha\/eu-wset-1: FAILED .*\(unknown region "eu-wset-1": AWS has no such region \(closest: eu-west-1, /m);
	});

	test('a malformed line in the AWS config names the file and the line', async () => {
		// The SDK's ini parser skips what it cannot read without a word (an unclosed "[profile alpha"
		// would make the profile vanish); pipetop checks the lines itself.
		const outcome = await status({config: `[profile alpha\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n`, credentials: keys()}, {profile: 'alpha'});
		expect(outcome.error).toMatch(/case-\w+\.config:1: section header not closed/);
		const stray = await status({config: `${good()}garbage line\n`, credentials: keys()}, {profile: 'alpha'});
		expect(stray.error).toMatch(/case-\w+\.config:4: /);
	});

	test('a region in the AWS config that is not a region name is refused naming the file and profile', async () => {
		// Checked like --region and the config file's regions, before it reaches AWS as an auth or network error.
		const outcome = await status({config: good().replace('eu-west-1', 'Frankfurt'), credentials: keys()}, {profile: 'alpha'});
		expect(outcome.error).toMatch(/^region "Frankfurt" of profile "alpha" \(in DIR\/case-\w+\.config\) is not a region name like eu-west-1$/);
	});
});
