/**
 * 5. Start-up, as whole processes (the built `node bin/pipetop.js`), median of several runs:
 * - `pipetop --version` to exit;
 * - `pipetop --demo` under a 200 x 50 pty, to its first complete frame: the fleet rows are on
 *   screen, i.e. the terminal has been sent a row naming a known demo pipeline. Then `q`.
 */
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {goal, log, runIfMain} from './lib/main.js';
import {BIN, cleanEnv, exited, spawnInPty} from './lib/process.js';
import {round, summary} from './lib/stats.js';

const NAME = 'startup';
/** A pipeline of the built-in demo fleet (source/sim/scenarios/demo.ts). */
const KNOWN_PIPELINE = 'orders-api-dev';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;

function timeVersion(env) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [BIN, '--version'], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		child.stdout.on('data', chunk => (out += chunk));
		child.on('error', reject);
		child.on('exit', code => {
			if (code !== 0) reject(new Error(`pipetop --version exited ${code}`));
			else resolve({ms: performance.now() - started, version: out.trim()});
		});
	});
}

async function timeDemo(env) {
	const started = performance.now();
	let text = '';
	let found = false;
	let seen = () => undefined;
	const ms = new Promise((resolve, reject) => {
		seen = resolve;
		setTimeout(() => reject(new Error(`no "${KNOWN_PIPELINE}" on screen within 30 s; the screen said:\n${text.slice(-2000)}`)), 30_000).unref();
	});
	const child = spawnInPty(['--demo'], {
		env,
		onOutput(chunk) {
			if (found) return;
			// Chunks may split an escape sequence: strip what has arrived so far, as a whole.
			text += chunk;
			if (!text.replace(ANSI, '').includes(KNOWN_PIPELINE)) return;
			found = true;
			seen(performance.now() - started);
		},
	});
	try {
		await ms;
	} finally {
		// Quit as a user would; exited() kills it if it does not go (never leave a console behind).
		child.stdin.write('q');
		await exited(child, 10_000);
	}
	return {ms: await ms, exitCode: child.exitCode};
}

export async function run({quick = false} = {}) {
	const home = await mkdtemp(join(tmpdir(), 'pipetop-bench-home-'));
	const env = cleanEnv({HOME: home, XDG_CONFIG_HOME: join(home, 'xdg')});
	try {
		const versionRuns = [];
		let version;
		for (let index = 0; index < (quick ? 3 : 7); index++) {
			const result = await timeVersion(env);
			versionRuns.push(result.ms);
			version = result.version;
		}
		const demoRuns = [];
		const exitCodes = [];
		for (let index = 0; index < (quick ? 2 : 5); index++) {
			const result = await timeDemo(env);
			demoRuns.push(result.ms);
			exitCodes.push(result.exitCode);
		}
		const versionMs = summary(versionRuns, 1);
		const demoMs = summary(demoRuns, 1);
		log(NAME, `--version median ${versionMs.p50} ms; --demo first frame median ${demoMs.p50} ms`);
		return {
			name: NAME,
			clock: 'real',
			setup: {node: process.version, version, runs: {version: versionRuns.length, demo: demoRuns.length}, knownPipeline: KNOWN_PIPELINE},
			figures: {
				versionMs: {...versionMs, runs: versionRuns.map(ms => round(ms, 1))},
				demoFirstFrameMs: {...demoMs, runs: demoRuns.map(ms => round(ms, 1))},
				demoExitCodes: exitCodes,
			},
			goals: [],
		};
	} finally {
		await rm(home, {recursive: true, force: true});
	}
}

await runIfMain(import.meta, run);
