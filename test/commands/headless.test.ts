/**
 * The headless commands as a script or CI sees them (issue 12, "Headless"), through the built
 * binary: `--help` on a subcommand is that subcommand's help and nothing else; an error has one
 * `pipetop:` prefix; a reader that goes away (`| head`) ends the command quietly; the Node 20
 * launcher passes a kill on to the pinned Node's process and ends as it did.
 */

import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {RealClock} from '../../source/shared/clock.js';
import {startSim, type RunningSim} from '../../source/sim/start.js';
import type {Scenario} from '../../source/sim/contract.js';
import {createWorld, type World} from '../../source/sim/world/index.js';
import {quietScenario} from '../engine/scenarios.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'pipetop.js');
let world: World;
let scenario: Scenario;
let dir = '';
let env: NodeJS.ProcessEnv = {};
let stopService: () => Promise<void> = async () => undefined;

beforeAll(async () => {
	if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build" first');
	const clock = new RealClock();
	// Builds take ten minutes: a watched execution is still running when its reader goes away.
	scenario = quietScenario({perSource: 2, behaviour: {'Source/Checkout': {seconds: 1}, 'Build/Compile': {seconds: 600}, 'Deploy/Ship': {seconds: 1}}});
	world = createWorld({scenario, clock});
	const sim: RunningSim = await startSim({world, clock});
	dir = await mkdtemp(join(tmpdir(), 'pipetop-headless-'));
	const {configFile, credentialsFile} = await sim.writeAwsDir(join(dir, 'aws'));
	env = {PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg'), AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile};
	stopService = async () => {
		await sim.stop();
		world.stop();
		clock.clearAll();
		await rm(dir, {recursive: true, force: true});
	};
}, 120_000);

afterAll(() => stopService());

type Ended = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

function ended(child: ChildProcess): Promise<Ended> {
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise(resolve => child.on('close', (code, signal) => resolve({code, signal, stdout, stderr})));
}

/** Runs the built binary under this Node (22); `closedStdout` closes the reading end at once, as `| head` does when done. */
function pipetop(args: string[], options: {closedStdout?: boolean; node?: string} = {}): {child: ChildProcess; done: Promise<Ended>} {
	const child = spawn(options.node ?? process.execPath, [bin, ...args], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
	if (options.closedStdout) child.stdout.destroy();
	return {child, done: ended(child)};
}

const profile = () => world.accounts()[0].profile;
const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('--help on a subcommand', () => {
	test.each([
		['status', ['status', '--help'], /^ {4}\$ pipetop status \[--json\]$/m],
		['watch', ['watch', 'some-pipeline', '--help'], /^ {4}\$ pipetop watch PIPELINE /m],
		['approve', ['approve', '--help'], /^ {4}\$ pipetop approve PIPELINE --stage S --action A/m],
		['stop', ['stop', 'some-pipeline', '--yes', '--help'], /^ {4}\$ pipetop stop PIPELINE/m],
		['rollback', ['rollback', 'some-pipeline', '--stage', 'Deploy', '--help'], /^ {4}\$ pipetop rollback PIPELINE --stage S \[--target-execution-id ID\]$/m],
		['override', ['override', '--help'], /^ {4}\$ pipetop override PIPELINE --stage S --condition-type BEFORE_ENTRY\|ON_SUCCESS$/m],
	])('%s --help prints its own help, reads nothing and exits 0', async (_name, args, usage) => {
		// A profile that does not exist: anything that read the fleet would fail.
		const {done} = pipetop([...args, '--profile', 'no-such-profile']);
		const result = await done;
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(usage);
		expect(result.stdout.match(/\$ pipetop /g)).toHaveLength(1);
	});
});

test('an error has one prefix: "pipetop: approve: ...", not "pipetop: pipetop approve: ..."', async () => {
	const result = await pipetop(['approve', 'gate']).done;
	expect(result.code).toBe(2);
	expect(result.stderr).toBe('pipetop: approve: --stage is required\n');
});

describe('a reader that goes away', () => {
	test('status --json with its stdout closed: no stack trace, exit 0', async () => {
		const result = await pipetop(['status', '--json', '--profile', profile()], {closedStdout: true}).done;
		expect(result.stderr).not.toMatch(/EPIPE|Error/);
		expect(result.stderr).not.toMatch(NO_STACK);
		expect(result.code).toBe(0);
	});

	test('watch with its stdout closed while it follows a running execution: no stack trace, exit 0', async () => {
		const {profile: owner, region, definition} = scenario.pipelines[0];
		const name = (definition as {pipeline: {name: string}}).pipeline.name;
		world.startExecution(owner, region, name);
		const result = await pipetop(['watch', name, '--profile', owner, '--region', region], {closedStdout: true}).done;
		expect(result.stderr).not.toMatch(/EPIPE|Error/);
		expect(result.stderr).not.toMatch(NO_STACK);
		expect(result.code).toBe(0);
	});
});

/** A Node older than 22 on this machine (the launcher's reason to exist), if there is one. */
function oldNode(): string | undefined {
	let found: string[] = [];
	try {
		found = execFileSync('which', ['-a', 'node'], {encoding: 'utf8', env: {PATH: '/usr/local/bin:/usr/bin:/bin'}}).split('\n').filter(Boolean);
	} catch {
		// No node on the system path.
	}
	return ['/usr/local/bin/node', ...found].find(candidate => existsSync(candidate) && Number(execFileSync(candidate, ['--version'], {encoding: 'utf8'}).slice(1).split('.')[0]) < 22);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitFor<T>(check: () => T | undefined, what: string): Promise<T> {
	for (let tries = 0; tries < 400; tries++) {
		const value = check();
		if (value !== undefined) return value;
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	throw new Error(`${what}: not within 20 s`);
}

const node20 = oldNode();

test.skipIf(!node20)('the launcher under Node 20: SIGTERM reaches the pinned Node process, which is gone when the launcher ends', async () => {
	// `pipetop sim` runs until it is stopped: something long-running to kill.
	const launcher = pipetop(['sim', '--port', '0', '--scenario', 'empty'], {node: node20});
	let started = '';
	launcher.child.stdout?.on('data', (chunk: Buffer) => (started += chunk.toString()));
	await waitFor(() => (started.includes('http://') ? true : undefined), 'the sim printing its address');
	const launcherPid = launcher.child.pid!;
	const childPid = await waitFor(() => {
		const children = readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8').trim();
		return children ? Number(children.split(' ')[0]) : undefined;
	}, 'the pinned Node child');
	try {
		expect(isAlive(childPid)).toBe(true);
		launcher.child.kill('SIGTERM');
		const result = await launcher.done;
		// The sim stops cleanly on SIGTERM (exit 0): the launcher ends as its child did.
		expect(result.signal === 'SIGTERM' || result.code === 0, JSON.stringify(result)).toBe(true);
		await waitFor(() => (isAlive(childPid) ? undefined : true), 'the child ending');
	} finally {
		// An orphan left by a launcher that does not pass the signal on must not outlive the test.
		if (isAlive(childPid)) process.kill(childPid, 'SIGKILL');
	}
}, 60_000);
