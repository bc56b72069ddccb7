/**
 * Faults from the outside (issue 18): the built binary's `pipetop sim --faults ... --admin-port 0`
 * runs as its own process, and `pipetop status --json` (the built binary too) reads it while the
 * admin endpoint flips faults and ends and renews the SSO session at runtime. Nothing in this
 * process touches the service but HTTP.
 */

import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {Scenario} from '../../source/sim/contract.js';
import {definition} from '../engine/scenarios.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'pipetop.js');
const KEYS = {profile: 'keys', accountId: '111122223333', regions: ['eu-west-1']};
const SSO = {profile: 'sso-team', accountId: '444455556666', regions: ['eu-west-1']};
const NO_STACK = /\n\s+at .+:\d+:\d+/;

let dir = '';
let sim: ChildProcess | undefined;
let admin = '';
let env: NodeJS.ProcessEnv = {};

/** Starts the built `pipetop sim` and reads its start lines (the URLs it prints) until the admin line. */
async function startSimProcess(args: string[]): Promise<Map<string, string>> {
	const child = spawn(process.execPath, [bin, 'sim', ...args], {cwd: dir, env: {PATH: process.env.PATH, HOME: dir}, stdio: ['ignore', 'pipe', 'pipe']});
	sim = child;
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const seen = new Map<string, string>();
	for await (const line of createInterface({input: child.stdout!})) {
		const [word] = line.split(' ');
		seen.set(word, line);
		if (word === 'admin') return seen;
	}
	throw new Error(`pipetop sim ended before its admin line: ${stderr}`);
}

beforeAll(async () => {
	if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build" first');
	dir = await mkdtemp(join(tmpdir(), 'pipetop-sim-admin-'));
	const scenario: Scenario = {
		accounts: [KEYS, SSO],
		pipelines: [KEYS, SSO].map(account => ({profile: account.profile, region: 'eu-west-1', definition: definition(`${account.profile}-web`, account.accountId, 'eu-west-1'), history: 1})),
	};
	await writeFile(join(dir, 'scenario.json'), JSON.stringify(scenario));
	const faults = JSON.stringify({deniedAccounts: [KEYS.accountId]});
	const lines = await startSimProcess(['--scenario', join(dir, 'scenario.json'), '--aws-dir', join(dir, 'aws'), '--sso-profiles', SSO.profile, '--sso-home', dir, '--faults', faults, '--admin-port', '0']);
	admin = /admin on (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.get('admin')!)![1];
	const url = /listening on (\S+)/.exec(lines.get('listening')!)![1];
	const files = lines.get('aws')!;
	env = {
		PATH: process.env.PATH,
		HOME: dir,
		XDG_CONFIG_HOME: join(dir, 'xdg'),
		AWS_CONFIG_FILE: /AWS_CONFIG_FILE=(\S+)/.exec(files)![1],
		AWS_SHARED_CREDENTIALS_FILE: /AWS_SHARED_CREDENTIALS_FILE=(\S+)/.exec(files)![1],
		AWS_ENDPOINT_URL_SSO: url,
		AWS_ENDPOINT_URL_SSO_OIDC: url,
	};
}, 120_000);

afterAll(async () => {
	sim?.kill('SIGTERM');
	if (sim && sim.exitCode === null) await new Promise(resolve => sim!.once('close', resolve));
	await rm(dir, {recursive: true, force: true});
});

type Status = {code: number | null; stderr: string; document: {sources: Array<{profile: string; health: string; error: {code: string; message: string; hint?: string | null} | null}>; pipelines: Array<{name: string}>}};

function status(): Promise<Status> {
	const child = spawn(process.execPath, [bin, 'status', '--json', '--all-profiles'], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise(resolve => child.on('close', code => resolve({code, stderr, document: JSON.parse(stdout)})));
}

async function call(method: string, path: string, body?: unknown): Promise<{status: number; json: any}> {
	const response = await fetch(`${admin}${path}`, {method, ...(body === undefined ? {} : {body: typeof body === 'string' ? body : JSON.stringify(body)})});
	return {status: response.status, json: await response.json()};
}

const health = (result: Status, profile: string) => result.document.sources.find(source => source.profile === profile);

test('faults given at start, flipped at runtime through the admin endpoint; SSO ended and renewed; counts read', async () => {
	// --faults: the keys account is refused from the start; the SSO account answers.
	const refused = await status();
	expect(health(refused, KEYS.profile)).toMatchObject({health: 'failed', error: {code: 'AccessDeniedException'}});
	expect(health(refused, SSO.profile)?.health).toBe('ok');
	expect(refused.document.pipelines.map(pipeline => pipeline.name)).toEqual(['sso-team-web']);
	expect(await call('GET', '/faults')).toEqual({status: 200, json: {deniedAccounts: [KEYS.accountId]}});

	// Healthy again at runtime: both accounts answer.
	expect((await call('PUT', '/faults', {})).status).toBe(200);
	const healthy = await status();
	expect(healthy.code).toBe(0);
	expect(healthy.document.pipelines.map(pipeline => pipeline.name).sort()).toEqual(['keys-web', 'sso-team-web']);

	// The SSO session ends: that profile's source says to log in again; the other carries on.
	expect(await call('POST', '/sso/expire')).toEqual({status: 200, json: {session: 'expired'}});
	const expired = await status();
	expect(health(expired, SSO.profile)?.health).toBe('failed');
	expect(JSON.stringify(health(expired, SSO.profile)?.error)).toMatch(/aws sso login --profile sso-team/);
	expect(health(expired, KEYS.profile)?.health).toBe('ok');
	expect((await call('POST', '/sso/login')).status).toBe(200);
	expect(health(await status(), SSO.profile)?.health).toBe('ok');

	// The counts: four runs of two sources listed pipelines (all but the one whose SSO session was over), refusals counted.
	const stats = await call('GET', '/stats');
	expect(stats.status).toBe(200);
	expect(stats.json.byOperation.ListPipelines).toBe(7);
	expect(stats.json.errors.AccessDeniedException).toBeGreaterThanOrEqual(1);
	// Role credentials for the three runs with a live session; the expired one asked nothing (the
	// SDK reads the cached token's expiry and gives up before calling the portal).
	expect(stats.json.sso).toMatchObject({credentialRequests: 3, issued: 3});
	for (const result of [refused, healthy, expired]) expect(result.stderr).not.toMatch(NO_STACK);
}, 120_000);

test('the admin endpoint refuses bad faults with a message and keeps the ones in force', async () => {
	await call('PUT', '/faults', {throttleRate: 0.1});
	expect(await call('PUT', '/faults', '{"hangrate": 1}')).toEqual({status: 400, json: {message: expect.stringMatching(/^unknown fault "hangrate" \(did you mean "hangRate"\?\)/)}});
	expect(await call('PUT', '/faults', '{not json')).toEqual({status: 400, json: {message: expect.stringMatching(/^not JSON: /)}});
	expect(await call('PUT', '/faults', {dropRate: 2})).toEqual({status: 400, json: {message: 'dropRate must be between 0 and 1, got 2'}});
	expect((await call('GET', '/faults')).json).toEqual({throttleRate: 0.1});
	expect((await call('GET', '/nothing')).status).toBe(404);
	await call('PUT', '/faults', {});
});
