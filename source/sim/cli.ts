/**
 * `pipetop sim`: runs the embedded CodePipeline-compatible service on its own, for the AWS CLI,
 * boto3 or any SDK pointed at it with --endpoint-url (or the profiles written by --aws-dir).
 */

import {parseArgs} from 'node:util';
import {RealClock, type Clock} from '../shared/clock.js';
import type {Scenario, SimWorld} from './contract.js';
import {startAdmin, type AdminOptions, type AdminServer} from './admin.js';
import {readFaultsArgument} from './fault-input.js';
import {ssoExpire, ssoLogin, writeSsoAwsDir} from './sso.js';
import {startSim, type RunningSim} from './start.js';

const USAGE = `Usage: pipetop sim [options]

Runs the embedded CodePipeline-compatible service (CodePipeline, CodeBuild, CloudWatch Logs,
and SQS with CodePipeline's EventBridge events when the scenario has "events").

Options:
  --port N          port to listen on (default 0: any free port)
  --host HOST       address to listen on (default 127.0.0.1)
  --scenario S      demo | empty | path to a scenario JSON file (default demo)
  --aws-dir DIR     write DIR/config and DIR/credentials with one profile per account
  --seed N          seed for everything random, so a run can be replayed (default 1)
  --speed X         sim time runs X times faster than real time (default 1)
  --faults F        faults from the start: a JSON object or a JSON file (docs/resilience.md),
                    e.g. '{"hangRate": 0.2, "scope": {"operations": ["PutApprovalResult"]}}'
  --admin-port N    serve the admin endpoint on 127.0.0.1:N (0: any free port) to change the
                    faults, end or renew the SSO session and read call counts while it runs
  --sso-profiles P  with --aws-dir: these profiles (comma-separated) log in through SSO
  --sso-home DIR    with --sso-profiles: where the SSO token cache goes (DIR/.aws/sso/cache);
                    run the client with HOME=DIR
  --help            show this help
`;

/** What this command needs from the world package (source/sim/world/index.ts). */
export type WorldModule = {
	createWorld(options: {scenario: Scenario; clock: Clock; seed: number}): SimWorld & {stop(): void};
	loadScenario(nameOrPath: string): Promise<Scenario>;
};

export type SimCommandIo = {
	stdout?: (line: string) => void;
	stderr?: (line: string) => void;
	/** Stops the sim like SIGINT does (used by tests that run the command in-process). */
	signal?: AbortSignal;
	/** Stands in for the world package (tests). */
	worldModule?: WorldModule;
};

type SimFlags = {
	port: number;
	host: string;
	scenario: string;
	awsDir?: string;
	seed: number;
	speed: number;
	faults?: string;
	adminPort?: number;
	ssoProfiles: string[];
	ssoHome?: string;
	help: boolean;
};

class UsageError extends Error {}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got '${text}'`);
	return value;
}

function parseFlags(argv: string[]): SimFlags {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				port: {type: 'string'},
				host: {type: 'string'},
				scenario: {type: 'string'},
				'aws-dir': {type: 'string'},
				seed: {type: 'string'},
				speed: {type: 'string'},
				faults: {type: 'string'},
				'admin-port': {type: 'string'},
				'sso-profiles': {type: 'string'},
				'sso-home': {type: 'string'},
				help: {type: 'boolean', short: 'h'},
			},
		});
	} catch (error) {
		// parseArgs explains itself well; keep only its first sentence, on one line.
		const message = (error as Error).message.split(/\.\s/)[0].replace(/\s+/g, ' ').replace(/\.$/, '');
		throw new UsageError(message);
	}
	const values = parsed.values;
	const speed = values.speed === undefined ? 1 : Number(values.speed);
	if (!(Number.isFinite(speed) && speed > 0)) throw new UsageError(`--speed must be a number above 0, got '${values.speed}'`);
	for (const flag of ['host', 'scenario', 'aws-dir', 'faults', 'sso-profiles', 'sso-home'] as const) {
		if (values[flag] !== undefined && values[flag].trim() === '') throw new UsageError(`--${flag} needs a value`);
	}
	const ssoProfiles = values['sso-profiles']?.split(',').map(name => name.trim()).filter(Boolean) ?? [];
	if (ssoProfiles.length > 0 && !(values['aws-dir'] && values['sso-home'])) throw new UsageError('--sso-profiles needs --aws-dir and --sso-home');
	return {
		port: integer('port', values.port, 0, 0, 65_535),
		host: values.host ?? '127.0.0.1',
		scenario: values.scenario ?? 'demo',
		awsDir: values['aws-dir'],
		seed: integer('seed', values.seed, 1, -2_147_483_648, 4_294_967_295),
		speed,
		faults: values.faults,
		adminPort: values['admin-port'] === undefined ? undefined : integer('admin-port', values['admin-port'], 0, 0, 65_535),
		ssoProfiles,
		ssoHome: values['sso-home'],
		help: values.help ?? false,
	};
}

function listenUrl(host: string, port: number): string {
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Resolves when SIGINT, SIGTERM or the abort signal arrives. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
	return new Promise(resolve => {
		const done = () => {
			process.off('SIGINT', done);
			process.off('SIGTERM', done);
			signal?.removeEventListener('abort', done);
			resolve();
		};
		process.once('SIGINT', done);
		process.once('SIGTERM', done);
		if (signal?.aborted) done();
		else signal?.addEventListener('abort', done, {once: true});
	});
}

function oneLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

/** --aws-dir: the profiles for every account (SSO for --sso-profiles, logged in), and what the admin endpoint's SSO routes do. */
async function writeProfiles(sim: RunningSim, flags: SimFlags, out: (line: string) => void): Promise<AdminOptions['sso']> {
	const dir = flags.awsDir as string;
	const profiles = sim.world.accounts().map(account => account.profile);
	const unknown = flags.ssoProfiles.filter(name => !profiles.includes(name));
	if (unknown.length > 0) throw new Error(`--sso-profiles: no account of the scenario has profile ${unknown.join(', ')} (profiles: ${profiles.join(', ')})`);
	const files = flags.ssoProfiles.length > 0 ? await writeSsoAwsDir(dir, sim.world.accounts(), sim.url, sim.sso, {ssoProfiles: flags.ssoProfiles}) : await sim.writeAwsDir(dir);
	out(`aws profiles ${profiles.join(', ')} written: AWS_CONFIG_FILE=${files.configFile} AWS_SHARED_CREDENTIALS_FILE=${files.credentialsFile}`);
	if (flags.ssoProfiles.length === 0) return undefined;
	const home = flags.ssoHome as string;
	await ssoLogin(sim.sso, home);
	out(`sso profiles ${flags.ssoProfiles.join(', ')} logged in: HOME=${home} AWS_ENDPOINT_URL_SSO=${sim.url} AWS_ENDPOINT_URL_SSO_OIDC=${sim.url}`);
	return {expire: () => ssoExpire(sim.sso, home), login: () => ssoLogin(sim.sso, home)};
}

/** Returns the exit code: 0 after a clean stop, 1 when the sim cannot run, 2 on bad flags. */
export async function simCommand(argv: string[], io: SimCommandIo = {}): Promise<number> {
	const out = io.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
	const err = io.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
	let flags: SimFlags;
	try {
		flags = parseFlags(argv);
	} catch (error) {
		err(`pipetop sim: ${oneLine(error)} (see pipetop sim --help)`);
		return 2;
	}
	if (flags.help) {
		out(USAGE.trimEnd());
		return 0;
	}

	const worlds: WorldModule = io.worldModule ?? (await import('./world/index.js'));
	let scenario: Scenario;
	try {
		scenario = await worlds.loadScenario(flags.scenario);
	} catch (error) {
		err(`pipetop sim: cannot load scenario '${flags.scenario}': ${oneLine(error)}`);
		return 1;
	}
	let faults = scenario.faults;
	try {
		if (flags.faults !== undefined) faults = await readFaultsArgument(flags.faults);
	} catch (error) {
		err(`pipetop sim: --faults: ${oneLine(error)}`);
		return 2;
	}
	const clock = new RealClock(flags.speed);
	let world: (SimWorld & {stop(): void}) | undefined;
	let sim: RunningSim | undefined;
	let admin: AdminServer | undefined;
	try {
		world = worlds.createWorld({scenario, clock, seed: flags.seed});
		sim = await startSim({world, clock, seed: flags.seed, host: flags.host, port: flags.port, faults});
		out(`listening on ${listenUrl(flags.host, sim.port)}`);
		for (const queue of sim.eventQueues) out(`events queue ${queue.url} (profile ${queue.profile}, region ${queue.region})`);
		const sso = flags.awsDir ? await writeProfiles(sim, flags, out) : undefined;
		if (flags.adminPort !== undefined) {
			admin = await startAdmin({sim, port: flags.adminPort, sso});
			out(`admin on ${admin.url} (GET/PUT /faults, GET /stats, POST /sso/expire, POST /sso/login)`);
		}
		await untilStopped(io.signal);
		return 0;
	} catch (error) {
		err(`pipetop sim: ${oneLine(error)}`);
		return 1;
	} finally {
		await admin?.close();
		await sim?.stop();
		world?.stop();
		clock.clearAll();
	}
}
