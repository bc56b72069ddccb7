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
 * The change feed's options for the sim's first event queue (the scenario's `events`), read with
 * its owner's profile through the sim's endpoint.
 */
function feedOptions(sim, sources, tuning) {
	const queue = sim.eventQueues[0];
	if (!queue) throw new Error('bench: a feed asked for, but the scenario has no events option');
	const {spec} = sources.find(source => source.spec.profile === queue.profile) ?? sources[0];
	return {...tuning, queue: {queueUrl: queue.url, profile: queue.profile, region: queue.region, endpoint: sim.url, paths: spec.paths, credentialKind: spec.credentialKind}};
}

/**
 * The feed's long poll is parked in the service most of the time, which is not "in flight"; it is
 * while on its way there (sent, not yet handled) or back (answered, not yet read by the engine).
 * ReceiveMessage calls are counted where the world takes them and answers them (not in the
 * service's stats, which the benchmarks reset).
 */
function feedTransit(world, engine) {
	let arrived = 0;
	let settled = 0;
	const handle = world.handle.bind(world);
	world.handle = (context, operation, input) => {
		if (operation !== 'ReceiveMessage') return handle(context, operation, input);
		arrived++;
		try {
			const answer = handle(context, operation, input);
			if (answer instanceof Promise) return answer.finally(() => settled++);
			settled++;
			return answer;
		} catch (error) {
			settled++;
			throw error;
		}
	};
	return () => {
		const calls = engine.feedCalls();
		if (!calls || calls.receivesSent === 0) return 0;
		return Math.max(0, calls.receivesSent - arrived) + Math.max(0, settled - calls.receivesEnded);
	};
}

/**
 * @param {{scenario: object, seed?: number, faults?: object, engine?: boolean | object, feed?: object}} options
 * engine: false for no engine (a benchmark brings its own client), an object for engine options;
 * feed: the change feed's tuning (safetyNetMs...) to read the scenario's event queue with.
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
	const feed = options.feed ? feedOptions(sim, sources, options.feed) : undefined;
	const engine = options.engine === false ? undefined : createFleetEngine({flushIntervalMs: 0, ...(options.engine ?? {}), sources, clock, feed});
	const inTransit = feed && engine ? feedTransit(world, engine) : () => 0;
	/** Other clients whose calls must end before time moves (a naive poller). */
	const clients = [];

	const drivenEngine = () => (engine ? [{inFlight: () => engine.inFlight() + inTransit(), whenIdle: () => engine.whenIdle()}] : []);
	// A machine loaded by other work can hold one call for seconds of real time: give it room.
	const time = virtualTime({clock, engines: () => [...drivenEngine(), ...clients], limitMs: 60_000});
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
