/**
 * A whole pipetop fleet in one test process, in virtual time:
 *
 *   the embedded service (real HTTP on loopback, a World moved by a VirtualClock)
 *   + an AWS config dir written for it (a temp dir, never ~/.aws)
 *   + sources resolved from that dir the way the app does (source/app/sources.ts)
 *   + the real engine (real SDK clients, maxAttempts 1) on the same VirtualClock.
 *
 * Time moves only through `advance` / `until`, which fire every timer in due order and, after
 * each one, wait until the engine has no call in flight (calls to a dead region excepted: those
 * only end when their time limit passes, in virtual time). No sleeps, no mocks.
 *
 *   const fleet = await startFleetHarness({scenario: 'demo'});
 *   await fleet.until(state => !state.initialLoad);
 *   fleet.setFaults({rateLimit: {perSecond: 2}});
 *   await fleet.advance(60_000);
 *   await fleet.close();
 *
 * Used by the engine, command, console and action tests: keep it general.
 */

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources, type ResolvedSource} from '../../source/app/sources.js';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import {createFleetEngine, type EngineOptions} from '../../source/engine/engine.js';
import type {FeedOptions} from '../../source/engine/feed/attach.js';
import {addProfileAlias} from './profile-alias.js';
import type {Intervals, PipetopEngine} from '../../source/engine/types.js';
import {VirtualClock} from '../../source/shared/clock.js';
import {virtualTime} from '../../source/shared/virtual-time.js';
import type {FaultOptions, Scenario} from '../../source/sim/contract.js';
import {startSim, type RunningSim} from '../../source/sim/start.js';
import {builtinScenario, createWorld, type World} from '../../source/sim/world/index.js';
import type {FleetState} from '../../source/store/types.js';

export type FleetHarnessOptions = {
	/** A scenario, or a built-in one by name. Default 'demo'. */
	scenario?: Scenario | 'demo' | 'empty';
	seed?: number;
	/** Faults from the start (change them later with setFaults). */
	faults?: FaultOptions;
	/** Only these profiles (default: every account of the scenario). */
	profiles?: string[];
	/** Extra profiles with another profile's keys (alias -> profile): two profiles, one account. */
	aliases?: Record<string, string>;
	/** Profiles the config makes read-only. */
	readOnlyProfiles?: string[];
	/** Regions per profile (default: every region of the account). */
	regions?: (profile: string) => string[];
	intervals?: Partial<Intervals>;
	/** Engine tuning passed through (budget, callTimeoutMs, trace...). */
	engine?: Partial<Omit<EngineOptions, 'sources' | 'clock' | 'intervals'>>;
	/** Start the engine at once (default true). */
	start?: boolean;
	/** Virtual start time (default the VirtualClock's). */
	startAt?: number;
	/**
	 * Read the scenario's event queue (its `events` option) with the change feed: the queue's
	 * owner profile and region, and the feed's tuning (safety net, silence).
	 */
	feed?: Omit<FeedOptions, 'queue'>;
};

export type FleetHarness = {
	clock: VirtualClock;
	sim: RunningSim;
	world: World;
	engine: PipetopEngine;
	sources: ResolvedSource[];
	/** The AWS config dir written for the sim (config, credentials), and a HOME beside it. */
	dir: string;
	/** Environment pointing the AWS SDK/CLI at this dir (for bootstrap and child processes). */
	env: NodeJS.ProcessEnv;
	state(): FleetState;
	/** Replaces the sim's faults; dead regions are remembered so `settle` does not wait on them. */
	setFaults(faults: FaultOptions): void;
	/** Waits for in-flight calls (except to dead regions) and the store to settle; time does not move. */
	settle(): Promise<void>;
	/** Also waits for this engine's calls in settle (an app a command bootstrapped on the same clock). */
	track(engine: PipetopEngine): void;
	/** Moves virtual time forward by ms, timer by timer, settling after each. */
	advance(ms: number): Promise<void>;
	/** Advances until the predicate holds; throws after `withinMs` of virtual time (default 10 min). */
	until(predicate: (state: FleetState) => boolean, options?: {withinMs?: number; what?: string}): Promise<void>;
	/** A CommandContext for running a command in-process, with captured output and this fleet's env. */
	commandContext(args: string[], flags?: Partial<GlobalFlags>): {context: CommandContext; stdout: () => string; stderr: () => string};
	close(): Promise<void>;
};

export const DEFAULT_FLAGS: GlobalFlags = {
	allProfiles: false,
	readOnly: false,
	demo: false,
	json: false,
	exitStatus: false,
	reject: false,
	allActions: false,
	abandon: false,
	variable: [],
	enable: false,
	disable: false,
	notify: true,
	yes: false,
};

function capture(): {stream: NodeJS.WriteStream; text: () => string} {
	const stream = new PassThrough();
	let text = '';
	stream.on('data', (chunk: Buffer) => {
		text += chunk.toString('utf8');
	});
	return {stream: stream as unknown as NodeJS.WriteStream, text: () => text};
}

export async function startFleetHarness(options: FleetHarnessOptions = {}): Promise<FleetHarness> {
	const clock = new VirtualClock(options.startAt);
	const scenario = typeof options.scenario === 'object' ? options.scenario : builtinScenario(options.scenario ?? 'demo');
	const seed = options.seed ?? 1;
	const world = createWorld({scenario, clock, seed});
	const sim = await startSim({world, clock, seed, faults: options.faults});
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-fleet-'));
	const files = await sim.writeAwsDir(join(dir, 'aws'));
	for (const [alias, profile] of Object.entries(options.aliases ?? {})) await addProfileAlias(files, profile, alias);
	// Nothing of the machine's own AWS setup may leak in: only these files, no env overrides.
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: dir,
		XDG_CONFIG_HOME: join(dir, 'xdg'),
		AWS_CONFIG_FILE: files.configFile,
		AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
	};
	const accounts = world.accounts();
	const profiles = options.profiles ?? accounts.map(account => account.profile);
	const profileRegions: Record<string, string[]> = {};
	for (const account of accounts) profileRegions[account.profile] = options.regions?.(account.profile) ?? [...account.regions];
	for (const [alias, profile] of Object.entries(options.aliases ?? {})) profileRegions[alias] = profileRegions[profile];
	const settings = mergeSettings({readOnlyProfiles: options.readOnlyProfiles}, {...DEFAULT_FLAGS, profile: profiles.join(',')});
	const {sources} = await resolveSources(settings, {env, profileRegions});
	const feed = options.feed ? feedOptions(sim, sources, options.feed) : undefined;
	const engine = createFleetEngine({flushIntervalMs: 0, ...options.engine, sources, clock, intervals: options.intervals, feed});
	const receives = countReceives(world);
	let deadRegions = new Set(options.faults?.deadRegions ?? []);
	const others: PipetopEngine[] = [];

	// The feed's calls: its deletes (in the engine's count under "events") and its long polls on their way (see feedInTransit).
	const feedSource = {key: 'events', region: 'events'};
	const driven = (each: PipetopEngine) => ({
		inFlight: (key?: string) => (key === feedSource.key && each === engine ? each.inFlight(key) + feedInTransit([engine, ...others], sim, receives) : each.inFlight(key)),
		whenIdle: () => each.whenIdle(),
		sources: [...sources.map(({spec}) => spec), feedSource],
	});
	const time = virtualTime({clock, engines: () => [engine, ...others].map(driven), heldRegions: () => deadRegions});
	const settle = time.settle;
	const advance = time.advance;
	async function until(predicate: (state: FleetState) => boolean, untilOptions: {withinMs?: number; what?: string} = {}): Promise<void> {
		await time.until(() => predicate(engine.store.getState()), {withinMs: untilOptions.withinMs, what: `fleet harness: ${untilOptions.what ?? 'condition'}`});
	}

	if (options.start ?? true) engine.start();

	return {
		clock,
		sim,
		world,
		engine,
		sources,
		dir,
		env,
		state: () => engine.store.getState(),
		setFaults(faults) {
			sim.setFaults(faults);
			deadRegions = new Set(faults.deadRegions ?? []);
		},
		settle,
		track(other) {
			others.push(other);
		},
		advance,
		until,
		commandContext(args, flags = {}) {
			const out = capture();
			const err = capture();
			const context: CommandContext = {args, flags: {...DEFAULT_FLAGS, ...flags}, stdout: out.stream, stderr: err.stream, stdin: process.stdin, env};
			return {context, stdout: out.text, stderr: err.text};
		},
		async close() {
			await engine.stop();
			await sim.stop();
			world.stop();
			await rm(dir, {recursive: true, force: true});
		},
	};
}

/** The feed's options for the sim's first event queue, read with its owner's profile. */
function feedOptions(sim: RunningSim, sources: ResolvedSource[], tuning: Omit<FeedOptions, 'queue'>, queueIndex = 0): FeedOptions {
	const queue = sim.eventQueues[queueIndex];
	if (!queue) throw new Error('fleet harness: feed asked for, but the scenario has no events option');
	const spec = sources.find(source => source.spec.profile === queue.profile)?.spec ?? sources[0].spec;
	return {...tuning, queue: {queueUrl: queue.url, profile: queue.profile, region: queue.region, endpoint: sim.url, paths: spec.paths, credentialKind: spec.credentialKind}};
}

/** ReceiveMessage calls the world has answered (settled), wrapped around its handle(). */
function countReceives(world: World): {settled: number} {
	const count = {settled: 0};
	const handle = world.handle.bind(world);
	world.handle = (context, operation, input) => {
		if (operation !== 'ReceiveMessage') return handle(context, operation, input);
		const settle = () => {
			count.settled++;
		};
		let answer: unknown;
		try {
			answer = handle(context, operation, input);
		} catch (error) {
			settle();
			throw error;
		}
		if (answer instanceof Promise) return answer.finally(settle);
		settle();
		return answer;
	};
	return count;
}

/**
 * The feed's long poll is always open, so it is not "in flight" while the service holds it; it
 * is while on its way there (sent, not yet handled) or back (answered, not yet read).
 */
function feedInTransit(engines: PipetopEngine[], sim: RunningSim, receives: {settled: number}): number {
	let sent = 0;
	let ended = 0;
	for (const engine of engines) {
		const calls = engine.feedCalls();
		sent += calls?.receivesSent ?? 0;
		ended += calls?.receivesEnded ?? 0;
	}
	if (sent === 0) return 0;
	const stats = sim.stats();
	const arrived = stats.byOperation.ReceiveMessage ?? 0;
	// Refused at the front (throttled, denied): answered at once, never handed to the world.
	const refused = arrived - (stats.handledByOperation.ReceiveMessage ?? 0);
	return Math.max(0, sent - arrived) + Math.max(0, receives.settled + refused - ended);
}

/** The feed's options for one of the sim's event queues (a second console reads the second queue). */
export function feedOptionsFor(fleet: Pick<FleetHarness, 'sim' | 'sources'>, queueIndex: number, tuning: Omit<FeedOptions, 'queue'> = {}): FeedOptions {
	return feedOptions(fleet.sim, fleet.sources, tuning, queueIndex);
}
