/** `pipetop sim` run in-process: flag errors, help, and a start-and-stop with a stand-in world. */

import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CodePipelineClient, ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {fromIni} from '@aws-sdk/credential-providers';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {describe, expect, it} from 'vitest';
import {simCommand, type WorldModule} from '../../source/sim/cli.js';
import type {Scenario} from '../../source/sim/contract.js';
import {startSim} from '../../source/sim/start.js';
import {codePipeline} from './http/helpers/clients.js';
import {DEFAULT_ACCOUNT, TestWorld} from './http/helpers/test-world.js';

type Captured = {code: number; stdout: string[]; stderr: string[]};

async function runCli(argv: string[], extra: {signal?: AbortSignal; worldModule?: WorldModule; onLine?: (line: string) => void} = {}): Promise<Captured> {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const code = await simCommand(argv, {
		stdout: line => {
			stdout.push(line);
			extra.onLine?.(line);
		},
		stderr: line => stderr.push(line),
		signal: extra.signal,
		worldModule: extra.worldModule,
	});
	return {code, stdout, stderr};
}

/** The world package stood in for by the test world; records what it was asked to build. */
function fakeWorlds(seen: {scenario?: string; seed?: number; stopped?: boolean} = {}): WorldModule {
	return {
		async loadScenario(name: string): Promise<Scenario> {
			if (name !== 'demo') throw new Error(`no scenario named '${name}'\n(try demo or empty)`);
			seen.scenario = name;
			return {accounts: [], pipelines: []};
		},
		createWorld({seed}) {
			seen.seed = seed;
			return Object.assign(new TestWorld(), {stop: () => void (seen.stopped = true)});
		},
	};
}

describe('pipetop sim flags', () => {
	it.each([
		[['--bogus'], /^pipetop sim: Unknown option '--bogus' \(see pipetop sim --help\)$/],
		[['--port', 'abc'], /--port must be a whole number from 0 to 65535, got 'abc'/],
		[['--port', '70000'], /--port must be a whole number/],
		[['--port'], /--port/],
		[['--seed', '1.5'], /--seed must be a whole number/],
		[['--speed', '0'], /--speed must be a number above 0, got '0'/],
		[['--speed', 'fast'], /--speed must be a number above 0/],
		[['--scenario', ''], /--scenario needs a value/],
		[['extra'], /Unexpected argument 'extra'/],
	])('refuses %j with exit 2 and one line on stderr', async (argv, message) => {
		const result = await runCli(argv, {worldModule: fakeWorlds()});
		expect(result.code).toBe(2);
		expect(result.stdout).toEqual([]);
		expect(result.stderr).toHaveLength(1);
		expect(result.stderr[0]).not.toContain('\n');
		expect(result.stderr[0]).not.toMatch(/\bat .*\.(ts|js):\d+/);
		expect(result.stderr[0]).toMatch(message);
	});

	it('prints help on --help and exits 0', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout.join('\n')).toContain('Usage: pipetop sim');
	});

	it('reports a scenario that cannot be loaded on one line and exits 1', async () => {
		const result = await runCli(['--scenario', 'nope.json'], {worldModule: fakeWorlds()});
		expect(result.code).toBe(1);
		expect(result.stderr).toEqual(["pipetop sim: cannot load scenario 'nope.json': no scenario named 'nope.json' (try demo or empty)"]);
	});

	it('reports a port in use and exits 1', async () => {
		const other = await startSim({world: new TestWorld()});
		try {
			const seen: {stopped?: boolean} = {};
			const result = await runCli(['--port', String(other.port)], {worldModule: fakeWorlds(seen)});
			expect(result.code).toBe(1);
			expect(result.stderr[0]).toMatch(/^pipetop sim: .*EADDRINUSE/);
			expect(seen.stopped).toBe(true);
		} finally {
			await other.stop();
		}
	});
});

describe('pipetop sim running', () => {
	it('listens on loopback, writes the AWS dir, serves calls, and stops with exit 0', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'pipetop-sim-cli-'));
		const controller = new AbortController();
		const seen: {scenario?: string; seed?: number; stopped?: boolean} = {};
		let url = '';
		let running: Promise<Captured> | undefined;
		const ready = new Promise<void>(resolve => {
			const onLine = (line: string) => {
				const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
				if (match) url = match[1];
				if (line.startsWith('aws profiles')) resolve();
			};
			running = runCli(['--seed', '9', '--aws-dir', dir, '--speed', '60'], {signal: controller.signal, worldModule: fakeWorlds(seen), onLine});
		});
		try {
			await ready;
			expect(url).not.toBe('');
			expect(seen).toMatchObject({scenario: 'demo', seed: 9});
			const answer = await codePipeline(url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({}));
			expect(answer.pipelines?.length).toBe(2);
			expect(await readFile(join(dir, 'config'), 'utf8')).toContain(`endpoint_url = ${url}`);
		} finally {
			controller.abort();
			const result = await running!;
			expect(result.code).toBe(0);
			expect(result.stderr).toEqual([]);
			expect(result.stdout[1]).toBe(`aws profiles default, prod written: AWS_CONFIG_FILE=${join(dir, 'config')} AWS_SHARED_CREDENTIALS_FILE=${join(dir, 'credentials')}`);
			expect(seen.stopped).toBe(true);
			await rm(dir, {recursive: true, force: true});
		}
	});
});

describe('pipetop sim with the real world', () => {
	it('serves the demo scenario to every profile it writes', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'pipetop-sim-demo-'));
		const controller = new AbortController();
		let url = '';
		let running: Promise<Captured> | undefined;
		const ready = new Promise<void>(resolve => {
			running = runCli(['--scenario', 'demo', '--aws-dir', dir], {
				signal: controller.signal,
				onLine: line => {
					url = /^listening on (\S+)$/.exec(line)?.[1] ?? url;
					if (line.startsWith('aws profiles')) resolve();
				},
			});
			void running.then(() => resolve());
		});
		try {
			await ready;
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const files = {filepath: join(dir, 'credentials'), configFilepath: join(dir, 'config')};
			const {configFile} = await loadSharedConfigFiles(files);
			const profiles = Object.keys(configFile);
			expect(profiles.length).toBeGreaterThan(0);
			for (const profile of profiles) {
				const client = new CodePipelineClient({region: configFile[profile].region, endpoint: configFile[profile].endpoint_url, credentials: fromIni({profile, ...files}), maxAttempts: 1});
				const answer = await client.send(new ListPipelinesCommand({}));
				expect(Array.isArray(answer.pipelines)).toBe(true);
			}
		} finally {
			controller.abort();
			const result = await running!;
			expect(result.stderr).toEqual([]);
			expect(result.code).toBe(0);
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('names a scenario file that does not exist and exits 1', async () => {
		const result = await runCli(['--scenario', join(tmpdir(), 'no-such-scenario.json')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toHaveLength(1);
		expect(result.stderr[0]).toMatch(/^pipetop sim: cannot load scenario '.*no-such-scenario\.json': .*no such file/);
	});
});
