/** `pipetop status --demo`: the embedded demo fleet, in this process, never touching the user's ~/.aws. */

import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {bootstrap} from '../../source/app/bootstrap.js';
import type {CommandContext} from '../../source/app/context.js';
import {runStatus} from '../../source/commands/status.js';
import type {StatusDocument} from '../../source/commands/status-snapshot.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

let home = '';
let temp = '';
beforeEach(async () => {
	// A private TMPDIR, so what the demo leaves behind (nothing, we hope) is ours to see.
	temp = await mkdtemp(join(tmpdir(), 'pipetop-tmp-'));
	vi.stubEnv('TMPDIR', temp);
});
afterEach(async () => {
	vi.unstubAllEnvs();
	if (home) await rm(home, {recursive: true, force: true});
	if (temp) await rm(temp, {recursive: true, force: true});
});

async function context(): Promise<{context: CommandContext; stdout: () => string}> {
	home = await mkdtemp(join(temp, 'home-'));
	await mkdir(join(home, '.aws'));
	// A user's own setup, which the demo must neither read nor change.
	await writeFile(join(home, '.aws', 'config'), '[default]\nregion = eu-north-1\nendpoint_url = http://127.0.0.1:9\n');
	const out = new PassThrough();
	let text = '';
	out.on('data', (chunk: Buffer) => {
		text += chunk.toString('utf8');
	});
	const env = {PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AWS_PROFILE: 'default', AWS_REGION: 'eu-north-1'};
	return {context: {args: [], flags: {...DEFAULT_FLAGS, demo: true, json: true}, stdout: out as unknown as NodeJS.WriteStream, stderr: process.stderr, stdin: process.stdin, env}, stdout: () => text};
}

async function demoDirs(): Promise<string[]> {
	return (await readdir(temp)).filter(name => name.startsWith('pipetop-demo-'));
}

test('status --demo reads every demo profile in every region, then stops the service and removes its files', async () => {
	const {context: ctx, stdout} = await context();
	const code = await runStatus(ctx, {deadlineMs: 15_000});
	if (process.env.SHOW) { const d = JSON.parse(stdout()) as StatusDocument; console.log(d.complete, d.calls, d.pipelines.filter(p => !p.latestExecution || p.fetchedAt === null || p.stages.some(s => s.actions.some(a => !a.category)) || p.error).map(p => [p.key, p.fetchedAt, p.latestExecution?.id, p.error])); }
	expect(code).toBe(0);
	const document = JSON.parse(stdout()) as StatusDocument;
	expect(document.sources.map(source => source.key)).toEqual([
		'dev/us-east-1',
		'dev/us-west-2',
		'prod/ap-southeast-2',
		'prod/eu-west-1',
		'prod/us-east-1',
		'staging/eu-west-1',
		'staging/us-east-1',
	]);
	expect(document.pipelines.length).toBeGreaterThan(40);
	expect(document.counts.approval).toBeGreaterThan(0);
	expect(tmpdir()).toBe(temp);
	expect(await demoDirs()).toEqual([]);
	expect(await readFile(join(home, '.aws', 'config'), 'utf8')).toMatch(/eu-north-1/);
});

test('bootstrap --demo gives the service URL, the sources and the write API per source; close() cleans up', async () => {
	const {context: ctx} = await context();
	const app = await bootstrap(ctx);
	try {
		expect(app.demo?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(app.sources).toHaveLength(7);
		expect(app.sources.every(source => source.spec.endpoints.codepipeline === app.demo?.url)).toBe(true);
		expect(app.readOnly('prod')).toBe(false);
		const api = app.apiFor('prod/us-east-1');
		const listed = await api?.listPipelines({});
		expect(listed?.$metadata.requestId).toBeTruthy();
		expect(listed?.pipelines?.length).toBeGreaterThan(5);
	} finally {
		await app.close();
	}
	const configFile = app.sources[0].spec.paths.configFile;
	await expect(readFile(configFile)).rejects.toThrow(/ENOENT/);
});

test('--demo reads the demo\'s event queue (the header\'s "events ✓"); --no-events turns it off', async () => {
	const {context: ctx} = await context();
	const app = await bootstrap(ctx);
	try {
		app.engine.start();
		await vi.waitFor(() => expect(app.engine.store.getState().feed?.health).toBe('healthy'), {timeout: 15_000, interval: 50});
		expect(app.engine.store.getState().feed?.queueUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\d{12}\/pipetop-events$/);
	} finally {
		await app.close();
	}
	const off = await bootstrap({...ctx, flags: {...ctx.flags, events: false}});
	try {
		expect(off.engine.feedCalls()).toBeUndefined();
		expect(off.engine.store.getState().feed).toBeUndefined();
	} finally {
		await off.close();
	}
});
