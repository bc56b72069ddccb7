/**
 * 6. Against what a user would do without pipetop, on the same 200-pipeline fleet (4 accounts x
 * 5 regions x 10, the service in its own process with 30 ms latency and 10 calls/s per
 * account+region), in one run:
 * - `pipetop status --json` as a whole process (median of 3): every pipeline's state, stages,
 *   definition and latest execution;
 * - a shell loop with the AWS CLI: list-pipelines per profile and region, then
 *   get-pipeline-state for each pipeline (state only), one process per call as a script does.
 * The CLI reads the service's endpoint from `endpoint_url` in the profiles written by the
 * service (AWS CLI v1 >= 1.29 does). Skipped with a note when no `aws` is on PATH.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {goal, log, runIfMain} from './lib/main.js';
import {BIN} from './lib/process.js';
import {REGIONS, fleetSize} from './lib/scenario.js';
import {startSimProcess} from './lib/sim-process.js';
import {median, round} from './lib/stats.js';

const NAME = 'vs-cli';
const LIMIT = {perSecond: 10, burst: 10};

function runProcess(command, args, env) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('exit', code => resolve({code, ms: performance.now() - started, stdout, stderr}));
	});
}

/** The loop a user would write; one `aws` process per call. */
const LOOP = `
set -u
for profile in $PROFILES; do
	for region in $REGIONS; do
		for name in $("$AWS" codepipeline list-pipelines --profile "$profile" --region "$region" --query 'pipelines[].name' --output text); do
			"$AWS" codepipeline get-pipeline-state --profile "$profile" --region "$region" --name "$name" > /dev/null || echo "failed: $name" >&2
		done
	done
done
`;

/**
 * The AWS CLI, or undefined. Behind a pyenv shim, the real script it runs: the shim's own start
 * (a shell script and `pyenv exec`) is no part of the CLI's cost.
 */
function findAwsCli() {
	const found = spawnSync('sh', ['-c', 'command -v aws'], {encoding: 'utf8'});
	if (found.status !== 0) return undefined;
	let path = found.stdout.trim();
	const pyenv = spawnSync('pyenv', ['which', 'aws'], {encoding: 'utf8'});
	if (pyenv.status === 0 && existsSync(pyenv.stdout.trim())) path = pyenv.stdout.trim();
	const version = spawnSync(path, ['--version'], {encoding: 'utf8'});
	if (version.status !== 0) return undefined;
	return {path, version: `${version.stdout}${version.stderr}`.trim()};
}

export async function run({quick = false} = {}) {
	const fleet = {accounts: 4, regions: 5, perSource: quick ? 2 : 10};
	const size = fleetSize(fleet);
	const regions = REGIONS.slice(0, fleet.regions);
	const sim = await startSimProcess({fleet, faults: {latencyMs: 30, rateLimit: LIMIT}});
	const home = await mkdtemp(join(tmpdir(), 'pipetop-bench-home-'));
	const env = {
		PATH: process.env.PATH,
		HOME: home,
		XDG_CONFIG_HOME: join(home, 'xdg'),
		AWS_CONFIG_FILE: sim.files.configFile,
		AWS_SHARED_CREDENTIALS_FILE: sim.files.credentialsFile,
		AWS_EC2_METADATA_DISABLED: 'true',
	};
	try {
		// The rate limiter's buckets refill between runs: each run starts as a fresh user would.
		const pause = () => new Promise(resolve => setTimeout(resolve, 2000));
		const pipetopRuns = [];
		let pipetopCalls = 0;
		let pipetopThrottled = 0;
		let statusDocument;
		for (let index = 0; index < 3; index++) {
			await sim.resetStats();
			const result = await runProcess(process.execPath, [BIN, 'status', '--json', '--all-profiles', '--region', regions.join(',')], env);
			if (result.code !== 0) throw new Error(`pipetop status exited ${result.code}: ${result.stderr}`);
			statusDocument = JSON.parse(result.stdout);
			const stats = await sim.stats();
			pipetopRuns.push(result.ms);
			pipetopCalls = stats.requests;
			pipetopThrottled = stats.throttled;
			await pause();
		}
		const pipetopMs = median(pipetopRuns);
		const pipetop = {
			medianSeconds: round(pipetopMs / 1000, 2),
			runsSeconds: pipetopRuns.map(ms => round(ms / 1000, 2)),
			calls: pipetopCalls,
			throttled: pipetopThrottled,
			pipelines: statusDocument.pipelines.length,
			complete: statusDocument.complete,
		};
		log(NAME, `pipetop status --json: ${pipetop.medianSeconds} s, ${pipetopCalls} calls`);

		const cli = findAwsCli();
		if (!cli) {
			return {name: NAME, clock: 'real', setup: {...size, rateLimit: LIMIT, latencyMs: 30}, figures: {pipetop, cli: null}, notes: ['skipped the AWS CLI loop: no `aws` on PATH'], goals: []};
		}
		await sim.resetStats();
		const profiles = sim.accounts.map(account => account.profile);
		const loop = await runProcess('bash', ['-c', LOOP], {...env, AWS: cli.path, PROFILES: profiles.join(' '), REGIONS: regions.join(' ')});
		const stats = await sim.stats();
		const failed = (loop.stderr.match(/^failed: /gm) ?? []).length;
		const reads = stats.handledByOperation.GetPipelineState ?? 0;
		const cliResult = {
			version: cli.version,
			path: cli.path,
			seconds: round(loop.ms / 1000, 2),
			calls: stats.requests,
			throttled: stats.throttled,
			pipelinesRead: reads,
			failed,
			exitCode: loop.code,
		};
		if (reads < size.pipelines) log(NAME, `warning: the CLI loop read ${reads} of ${size.pipelines} pipelines; stderr: ${loop.stderr.slice(0, 500)}`);
		const ratio = loop.ms / pipetopMs;
		log(NAME, `aws CLI loop: ${cliResult.seconds} s, ${stats.requests} calls (${round(ratio, 1)}x pipetop's time)`);
		return {
			name: NAME,
			clock: 'real',
			setup: {...size, rateLimit: LIMIT, latencyMs: 30},
			figures: {pipetop, cli: cliResult, cliTimeVsPipetop: round(ratio, 2), cliCallsVsPipetop: round(stats.requests / pipetopCalls, 2)},
			notes: ['pipetop status reads more per pipeline (state, definition, latest execution) than the loop (state only).'],
			goals: [goal('pipetop status vs the AWS CLI loop, same fleet', 'faster', round(ratio, 2), ratio > 1, 'x')],
		};
	} finally {
		await sim.stop();
		await rm(home, {recursive: true, force: true});
	}
}

await runIfMain(import.meta, run);
