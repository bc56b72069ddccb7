/**
 * Everything a command needs before it can show or change anything: the config file merged with
 * the flags, the sources (profile x region) from the AWS files, the engine over them, and with
 * --demo the embedded service. Bad usage or config throws UsageError (exit 2).
 *
 * The engine comes back stopped: the console and `status` call `engine.start()`; `watch` and the
 * operator commands may only need `apiFor`.
 */

import type {SourceApi} from '../aws/index.js';
import type {CommandContext} from './context.js';
import {loadConfig} from '../config/load.js';
import type {PipetopConfig} from '../config/types.js';
import {createFleetEngine, type EngineOptions} from '../engine/engine.js';
import type {FeedOptions} from '../engine/feed/attach.js';
import type {PipetopEngine} from '../engine/types.js';
import {RealClock, type Clock} from '../shared/clock.js';
import type {SourceKey} from '../store/types.js';
import {startDemo, type RunningDemo} from './demo.js';
import {resolveFeed} from './feed.js';
import {mergeSettings, type Settings} from './settings.js';
import {resolveSources, type ResolvedSource} from './sources.js';

export type BootstrapOptions = {
	/** The engine's clock (default: real time). */
	clock?: Clock;
	/** Engine tuning (budget, timeouts) for tests and benchmarks. */
	engine?: Partial<Omit<EngineOptions, 'sources' | 'clock'>>;
	/** Sees the app once built (tests on virtual time wait for its engine to be idle before moving the clock). */
	onBootstrapped?: (app: Bootstrapped) => void;
};

export type Bootstrapped = {
	config: PipetopConfig;
	/** The config file read, if any. */
	configPath?: string;
	settings: Settings;
	engine: PipetopEngine;
	/** The change feed's queue and tuning; undefined: polling only. */
	feed?: FeedOptions;
	sources: ResolvedSource[];
	/** Things worth telling the user that did not stop the start (a profile skipped). */
	warnings: string[];
	/** Whether writes are refused for this profile (--read-only, config readOnly or readOnlyProfiles). */
	readOnly(profile: string): boolean;
	/** The API of one source: typed writes for the action layer (and reads, for watch). */
	apiFor(sourceKey: SourceKey): SourceApi | undefined;
	demo?: {url: string; stop(): Promise<void>};
	/** Stops the engine and the demo service, and removes the demo's files. */
	close(): Promise<void>;
};

export async function bootstrap(context: CommandContext, options: BootstrapOptions = {}): Promise<Bootstrapped> {
	const {config, path: configPath} = await loadConfig({path: context.flags.config, env: context.env});
	let settings = mergeSettings(config, context.flags);
	let demo: RunningDemo | undefined;
	if (context.flags.demo) {
		demo = await startDemo();
		// The demo fleet is all its profiles, whatever ~/.aws or the config file say; its feed is on unless --no-events.
		settings = {...settings, profiles: undefined, allProfiles: true, endpointUrl: undefined, events: context.flags.events === false ? undefined : demo.events};
	}
	try {
		const resolved = await resolveSources(settings, {
			env: context.env,
			...(demo && {paths: demo.paths, profileRegions: demo.profileRegions}),
		});
		const {warnings} = resolved;
		// With --region all, every region of each partition: the engine's listings sort them (store/source-standing.ts).
		const {sources} = resolved;
		const feed = resolveFeed(settings, resolved, context.env, demo !== undefined);
		const engine = createFleetEngine({...options.engine, sources, clock: options.clock ?? new RealClock(), intervals: {...settings.intervals, ...options.engine?.intervals}, feed});
		const readOnly = (profile: string) => settings.readOnly || settings.readOnlyProfiles.includes(profile);
		let closed = false;
		const app: Bootstrapped = {
			config,
			configPath,
			settings,
			engine,
			...(feed && {feed}),
			sources,
			warnings,
			readOnly,
			apiFor: sourceKey => engine.apiFor(sourceKey),
			...(demo && {demo: {url: demo.url, stop: demo.stop}}),
			async close() {
				if (closed) return;
				closed = true;
				await engine.stop();
				await demo?.stop();
			},
		};
		options.onBootstrapped?.(app);
		return app;
	} catch (error) {
		await demo?.stop();
		throw error;
	}
}
