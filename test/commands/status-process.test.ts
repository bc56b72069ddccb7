/**
 * The headless commands as real processes (node bin/pipetop.js after a build): `status --json`,
 * `watch --exit-status`, an operator action and bad usage, against the embedded service started
 * by this test in real time. In-process tests cannot see how the process itself ends.
 */

import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {RealClock} from '../../source/shared/clock.js';
import {startSim, type RunningSim} from '../../source/sim/start.js';
import {createWorld, type World} from '../../source/sim/world/index.js';
import {quietScenario, TEAM} from '../engine/scenarios.js';

const root = join(import.meta.dirname, '..', '..');
let clock: RealClock;
let world: World;
let sim: RunningSim;
let dir = '';
let env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
	// npm test builds before the tests run. Never rebuild here: other test files (the tmux ones)
	// start dist/ at the same time, and a rewrite under them made them hang in CI.
	if (!existsSync(join(root, 'dist', 'commands', 'status.js'))) throw new Error('dist/ is missing: run "npm run build" first');
	clock = new RealClock();
	const fast = {'Source/Checkout': {seconds: 1}, 'Build/Compile': {seconds: 1}, 'Deploy/Ship': {seconds: 1}};
	const scenario = quietScenario({perSource: 3, behaviour: fast});
	scenario.pipelines[1].behaviour = {...fast, 'Build/Compile': {seconds: 1, outcomes: ['Failed']}};
	world = createWorld({scenario, clock});
	sim = await startSim({world, clock});
	dir = await mkdtemp(join(tmpdir(), 'pipetop-process-'));
	const files = await sim.writeAwsDir(join(dir, 'aws'));
	await writeFile(join(dir, 'config.json'), JSON.stringify({intervals: {activeSeconds: 1}}));
	env = {PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg'), AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile};
}, 120_000);

afterAll(async () => {
	await sim?.stop();
	world?.stop();
	clock?.clearAll();
	if (dir) await rm(dir, {recursive: true, force: true});
});

/** Runs bin/pipetop.js; async, so this process's sim keeps answering meanwhile. */
function pipetop(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		execFile(process.execPath, [join(root, 'bin', 'pipetop.js'), ...args], {cwd: dir, env: {...env, ...extraEnv}, timeout: 60_000}, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({code, stdout, stderr});
		});
	});
}

test('status --json prints the fleet and exits 0; with an account refused, 1', async () => {
	const ok = await pipetop(['status', '--json', '--all-profiles']);
	expect(ok.stderr).toBe('');
	expect(ok.code).toBe(0);
	const document = JSON.parse(ok.stdout) as {sources: Array<{key: string; health: string}>; pipelines: Array<{name: string; latestExecution: unknown}>};
	expect(document.sources).toEqual([expect.objectContaining({key: 'team/eu-west-1', health: 'ok'})]);
	expect(document.pipelines.map(pipeline => pipeline.name).sort()).toEqual(['team-eu-west-1-p0', 'team-eu-west-1-p1', 'team-eu-west-1-p2']);

	sim.setFaults({deniedAccounts: [TEAM.accountId]});
	try {
		const denied = await pipetop(['status', '--all-profiles']);
		expect(denied.code).toBe(1);
		expect(denied.stdout).toMatch(/team\/eu-west-1: FAILED AccessDeniedException/);
	} finally {
		sim.setFaults({});
	}
});

test('watch --exit-status follows a run to its end: 0 when it succeeds, 1 when it fails', async () => {
	world.startExecution(TEAM.profile, 'eu-west-1', 'team-eu-west-1-p0');
	const good = await pipetop(['watch', 'team-eu-west-1-p0', '--profile', 'team', '--exit-status']);
	expect(good.stderr).toBe('');
	expect(good.stdout).toMatch(/Deploy\/Ship +Succeeded/);
	expect(good.stdout).toMatch(/execution Succeeded\n$/);
	expect(good.code).toBe(0);

	world.startExecution(TEAM.profile, 'eu-west-1', 'team-eu-west-1-p1');
	const bad = await pipetop(['watch', 'team-eu-west-1-p1', '--all-profiles', '--exit-status', '--json']);
	expect(bad.code).toBe(1);
	const last = JSON.parse(bad.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
	expect(last).toMatchObject({type: 'end', status: 'Failed', exitCode: 1});
});

test('bad usage is one line on stderr and exit 2', async () => {
	const unknown = await pipetop(['watch', 'no-such-pipeline', '--all-profiles']);
	expect(unknown.code).toBe(2);
	expect(unknown.stderr).toBe('pipetop: pipeline "no-such-pipeline" not found in team/eu-west-1\n');
	const flag = await pipetop(['status', '--bogus']);
	expect(flag.code).toBe(2);
	expect(flag.stderr).toBe('pipetop: unknown flag --bogus (try: pipetop --help)\n');
	const profile = await pipetop(['status', '--profile', 'nobody']);
	expect(profile.code).toBe(2);
	expect(profile.stderr).toMatch(/^pipetop: unknown profile "nobody": not in .*\n$/);
});

test('start as a process: the run starts once, the audit log records it, and the process ends by itself', async () => {
	const before = sim.stats().byOperation.StartPipelineExecution ?? 0;
	const started = await pipetop(['start', 'team-eu-west-1-p2', '--profile', 'team', '--yes', '--json', '--client-request-token', 'process-test-1']);
	expect(started.stderr).toBe('');
	expect(started.code).toBe(0);
	const result = JSON.parse(started.stdout) as {outcome: string; resultExecutionId: string};
	expect(result.outcome).toBe('done');
	expect(sim.stats().byOperation.StartPipelineExecution).toBe(before + 1);
	const state = world.call(TEAM.profile, 'eu-west-1', 'ListPipelineExecutions', {pipelineName: 'team-eu-west-1-p2'}) as {pipelineExecutionSummaries: Array<{pipelineExecutionId: string}>};
	expect(state.pipelineExecutionSummaries.map(summary => summary.pipelineExecutionId)).toContain(result.resultExecutionId);
	const audit = await readFile(join(dir, '.local', 'state', 'pipetop', 'audit.jsonl'), 'utf8');
	expect(audit).toContain('"clientRequestToken":"process-test-1"');
	expect(audit).toContain('"outcome":"done"');
});

test('reading the fleet loads no AWS SDK client but CodePipeline\'s (each other one is megabytes of memory)', async () => {
	const record = join(dir, 'clients.txt');
	const hook = join(root, 'test', 'fixtures', 'hooks', 'record-sdk-clients.mjs');
	const result = await pipetop(['status', '--json', '--all-profiles'], {NODE_OPTIONS: `--import=${hook}`, PIPETOP_TEST_RECORD_CLIENTS: record});
	expect(result.stderr).toBe('');
	const clients = new Set((await readFile(record, 'utf8')).split('\n').filter(Boolean));
	expect([...clients].sort()).toEqual(['client-codepipeline']);
});
