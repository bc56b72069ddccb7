/**
 * A fleet in virtual time, in this process: the embedded service (real HTTP on loopback, its
 * world and rate limiter on a VirtualClock) and, optionally, the real engine on the same clock.
 *
 * Time moves only through advance(): every timer fires in due order and, after each, we wait
 * until no call is in flight, so virtual time measures what the scheduler decides, never how
 * fast this machine is. The wire's own latency is real time and costs no virtual time: in these
 * benchmarks a call answers in zero virtual milliseconds.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {load, ROOT} from './dist.js';

// The time driver is the tests' own (source/shared/virtual-time.ts), from this build even when
// PIPETOP_BENCH_DIST measures another: both sides of an A/B move time the same way.
const {virtualTime} = await import(pathToFileURL(join(ROOT, 'dist', 'shared', 'virtual-time.js')).href);

const [{VirtualClock}, {startSim}, {createWorld}, {createFleetEngine}, {resolveSources}, {mergeSettings}] = await Promise.all([
	load('shared/clock.js'),
	load('sim/start.js'),
	load('sim/world/index.js'),
	load('engine/engine.js'),
	load('app/sources.js'),
	load('app/settings.js'),
]);

/** Flags as the CLI would pass them: every profile of the sim, each with all its regions. */
export const FLAGS = {allProfiles: true, readOnly: false, demo: false, json: false, exitStatus: false, reject: false, allActions: false, abandon: false, variable: [], enable: false, disable: false, notify: false, yes: false};

/**
 * Sources (profile x region) for an AWS dir written by the sim, resolved the way the app does.
 * @param {{configFile: string, credentialsFile: string}} files
 * @param {Array<{profile: string, regions: string[]}>} accounts
 */
export async function sourcesFor(files, accounts, dir) {
	const env = {PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile};
	const profileRegions = Object.fromEntries(accounts.map(account => [account.profile, [...account.regions]]));
	const {sources} = await resolveSources(mergeSettings({}, FLAGS), {env, profileRegions});
	return {sources, env};
}

/**
 * @param {{scenario: object, seed?: number, faults?: object, engine?: boolean | object}} options
 * engine: false for no engine (a benchmark brings its own client), an object for engine options.
 */
export async function startVirtualFleet(options) {
	const clock = new VirtualClock();
	const seed = options.seed ?? 1;
	const world = createWorld({scenario: options.scenario, clock, seed});
	const sim = await startSim({world, clock, seed, faults: options.faults});
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-bench-'));
	const files = await sim.writeAwsDir(join(dir, 'aws'));
	const {sources, env} = await sourcesFor(files, world.accounts(), dir);
	// No real-time gap between store flushes: here it would only stretch the run (every step
	// waits for the flush), while virtual time, not store traffic, is what is measured.
	const engine = options.engine === false ? undefined : createFleetEngine({flushIntervalMs: 0, ...(options.engine ?? {}), sources, clock});
	/** Other clients whose calls must end before time moves (a naive poller). */
	const clients = [];

	const drivenEngine = () => (engine ? [{inFlight: key => engine.inFlight(key), whenIdle: () => engine.whenIdle()}] : []);
	const time = virtualTime({clock, engines: () => [...drivenEngine(), ...clients]});
	const settle = time.settle;
	/** Fires every timer due within ms, settling after each; `each` runs after every settle. */
	const advance = (ms, each) => time.advance(ms, each);
	/** Advances until predicate() holds; returns the virtual ms it took, or undefined past `withinMs`. */
	const until = (predicate, withinMs = 600_000) => time.reach(predicate, {withinMs});

	return {
		clock,
		world,
		sim,
		engine,
		sources,
		env,
		dir,
		files,
		addClient: client => clients.push(client),
		settle,
		advance,
		until,
		async close() {
			await engine?.stop();
			await sim.stop();
			world.stop();
			await rm(dir, {recursive: true, force: true});
		},
	};
}
