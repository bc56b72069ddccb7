/**
 * The fleet engine: one SourceRunner per profile x region, one store, one batcher. It owns the
 * SDK clients (through source/aws/) and every timer (through the Clock, so tests run in
 * virtual time).
 */

import {createSourceApi, type AwsSourceSpec, type SourceApi} from '../aws/index.js';
import type {Clock, TimerHandle} from '../shared/clock.js';
import {createFleetStore, type FleetStore} from '../store/create.js';
import {initialFleetState, type FleetUpdate} from '../store/reducers.js';
import type {PipelineKey, SourceKey} from '../store/types.js';
import {Batcher} from './batcher.js';
import type {BudgetOptions} from './budget.js';
import {InFlight} from './calls.js';
import {Counters} from './counters.js';
import {DEFAULT_CALL_TIMEOUT_MS, DEFAULT_INTERVALS, Priority, STALE_FACTOR} from './defaults.js';
import {LogTailer} from './logs.js';
import {CauseReader} from './why/reader.js';
import {OnDemand} from './on-demand.js';
import {RuleResultsReader} from './rule-results.js';
import {refusesKeys} from '../store/source-standing.js';
import {AccountGroups} from './account-groups.js';
import {attachFeed, type FeedOptions} from './feed/attach.js';
import type {FeedConsumer} from './feed/consumer.js';
import {SourceRunner, type TraceEvent} from './source-runner.js';
import type {Intervals, PipetopEngine, SourceInspection} from './types.js';

export type EngineSource = {spec: AwsSourceSpec; readOnly: boolean; swept?: 'home' | 'other'};

export type EngineOptions = {
	sources: EngineSource[];
	clock: Clock;
	intervals?: Partial<Intervals>;
	budget?: Partial<BudgetOptions>;
	/** A call with no answer after this long is abandoned (default 10 s of the clock). */
	callTimeoutMs?: number;
	/** Data older than staleFactor x its interval is stale (default 2.5). */
	staleFactor?: number;
	store?: FleetStore;
	/** Every poll's start and end, for tests. */
	trace?: (event: TraceEvent) => void;
	/**
	 * Store updates at least this far apart, in real ms (default 25: at most ~40 a second, enough
	 * for any terminal). Virtual-time tests use 0, so settling never waits on the real clock.
	 */
	flushIntervalMs?: number;
	/** The change feed (CodePipeline's events through SQS); none: polling only. */
	feed?: FeedOptions;
};

/** Stale marks are refreshed this often. */
const SWEEP_MS = 1000;

export function createFleetEngine(options: EngineOptions): PipetopEngine {
	const {clock} = options;
	const intervals: Intervals = {...DEFAULT_INTERVALS, ...options.intervals};
	const store = options.store ?? createFleetStore(initialFleetState(clock.now()));
	const counters = new Counters(clock.now());
	const shutdown = new AbortController();
	const runners = new Map<SourceKey, SourceRunner>();
	const apis = new Map<SourceKey, SourceApi>();
	const index = new Map<PipelineKey, SourceRunner>();
	let started = false;
	let loaded = false;
	let loadedWaiters: Array<() => void> = [];
	let sweepTimer: TimerHandle | undefined;
	/** The last focus asked for: pipelines found later (first listing) get it too. */
	let focus = new Set<PipelineKey>();

	const checkLoaded = () => {
		if (loaded || !started) return;
		for (const runner of runners.values()) if (!runner.isLoaded()) return;
		loaded = true;
		batcher.push({type: 'initialLoad', value: false});
		for (const runner of runners.values()) runner.readFirstTags();
		const waiters = loadedWaiters;
		loadedWaiters = [];
		for (const resolve of waiters) resolve();
	};
	const batcher: Batcher = new Batcher(
		store,
		options.flushIntervalMs ?? 25,
		() => {
			const snapshot = counters.take();
			return snapshot ? [{type: 'counters', counters: snapshot}] : [];
		},
		() => {
			checkLoaded();
			inFlight.check();
		},
	);
	const inFlight = new InFlight(() => batcher.busy);

	// Which source reads each account and region, decided again when one learns its account or
	// fails or recovers; after the runner's own step, not in the middle of it.
	let regroupQueued = false;
	const changedSources = new Set<string>();
	const groups = new AccountGroups(new Map(options.sources.map(({spec}, index) => [spec.key, index])), key => {
		const runner = runners.get(key)!;
		return {key, region: runner.region, account: runner.account, readOnly: runner.readOnly, failed: runner.failed};
	});
	const regroup = () => {
		regroupQueued = false;
		if (shutdown.signal.aborted) return;
		const keys = [...changedSources];
		changedSources.clear();
		for (const [key, primary] of groups.changed(keys)) {
			const runner = runners.get(key)!;
			if (primary === undefined) runner.resume();
			else runner.standBy(primary);
		}
	};
	/** The change feed's hook (set once it is attached, below): a source learnt its account. */
	let accountRead: ((account: string, region: string) => void) | undefined;
	const emit = (update: FleetUpdate) => {
		batcher.push(update);
		if (update.type === 'sourcePatch' && update.patch.accountId !== undefined) accountRead?.(update.patch.accountId, runners.get(update.key)?.region ?? '');
		if (update.type !== 'sourcePatch' || !('accountId' in update.patch || 'health' in update.patch)) return;
		changedSources.add(update.key);
		if (regroupQueued) return;
		regroupQueued = true;
		queueMicrotask(regroup);
	};

	const locate = (key: PipelineKey) => {
		const runner = index.get(key);
		return runner ? {runner, name: key.slice(runner.key.length + 1)} : undefined;
	};

	for (const {spec, readOnly, swept} of options.sources) {
		const api = createSourceApi(spec, {
			onStart: () => inFlight.begin(spec.key),
			observe: event => {
				inFlight.end(spec.key);
				// A swept region the account has not enabled answers so by design: no error to count.
				counters.record(swept === 'other' && refusesKeys(event.error?.code) ? {...event, error: undefined} : event);
				batcher.touch();
			},
		});
		apis.set(spec.key, api);
		runners.set(
			spec.key,
			new SourceRunner({
				spec,
				readOnly,
				swept,
				api,
				clock,
				intervals,
				budget: options.budget,
				timeoutMs: options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
				staleFactor: options.staleFactor ?? STALE_FACTOR,
				shutdown: shutdown.signal,
				emit,
				onTimeout: () => {
					counters.timeout();
					batcher.touch();
				},
				onMembership: (key, present) => {
					const runner = runners.get(spec.key) as SourceRunner;
					if (!present) {
						index.delete(key);
						return;
					}
					index.set(key, runner);
					if (focus.has(key)) applyFocus(runner);
				},
				trace: options.trace,
			}),
		);
	}

	/** Gives one runner the focused pipelines it has. */
	const applyFocus = (runner: SourceRunner) => {
		const names = new Set<string>();
		for (const key of focus) if (index.get(key) === runner) names.add(key.slice(runner.key.length + 1));
		runner.setFocus(names);
	};

	const attached = options.feed
		? attachFeed({
				feed: options.feed,
				clock,
				intervals,
				readers: () => runners.values(),
				pipelines: () => index.size,
				emit,
				pipeline: key => store.getState().pipelines[key],
				record: event => {
					counters.record(event);
					batcher.touch();
				},
				onCall: begin => (begin ? inFlight.begin('events') : inFlight.end('events')),
				timeoutMs: options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
			})
		: undefined;
	const feed: FeedConsumer | undefined = attached?.consumer;
	accountRead = attached?.accountRead;

	const onDemand = new OnDemand({store, clock, activeInterval: intervals.active, emit, locate});
	const ruleResults = new RuleResultsReader({store, clock, activeInterval: intervals.active, emit, locate});
	const logs = new LogTailer({store, clock, followInterval: intervals.logFollow, emit, locate});
	const causes = new CauseReader({store, emit, locate});

	const sweep = () => {
		const now = clock.now();
		for (const runner of runners.values()) runner.sweep(now);
		sweepTimer = clock.setTimer(sweep, SWEEP_MS);
	};

	return {
		store,
		start() {
			if (started) return;
			started = true;
			for (const runner of runners.values()) runner.start();
			sweepTimer = clock.setTimer(sweep, SWEEP_MS);
			feed?.start();
			// No sources at all: the (empty) first load is complete at once.
			batcher.touch();
		},
		async stop() {
			shutdown.abort(Object.assign(new Error('engine stopped'), {name: 'AbortError'}));
			clock.clearTimer(sweepTimer);
			feed?.stop();
			logs.closeAll();
			for (const runner of runners.values()) runner.stop();
			batcher.flush();
			for (const api of apis.values()) api.destroy();
		},
		setFocus(keys) {
			focus = new Set(keys);
			for (const runner of runners.values()) applyFocus(runner);
		},
		refresh(key) {
			if (key === undefined) {
				for (const runner of runners.values()) runner.refresh();
				return;
			}
			const located = locate(key);
			located?.runner.refresh(located.name);
		},
		markDirty(key) {
			const located = locate(key);
			if (located) {
				located.runner.markDirty(located.name);
				return;
			}
			// Not known yet (just created?): its source lists again.
			for (const runner of runners.values()) if (key.startsWith(`${runner.key}/`)) runner.markDirty(key.slice(runner.key.length + 1));
		},
		loadHistory: (key, loadOptions) => onDemand.loadHistory(key, loadOptions),
		loadActionExecutions: (key, executionId, loadOptions) => onDemand.loadActionExecutions(key, executionId, loadOptions),
		loadDefinition: key => onDemand.loadDefinition(key),
		loadRuleResults: (key, loadOptions) => ruleResults.load(key, loadOptions),
		openLog: (key, buildId, logOptions) => logs.openLog(key, buildId, logOptions),
		closeLog: buildId => logs.closeLog(buildId),
		readCause: (subject, causeOptions) => causes.readCause(subject, causeOptions),
		whenIdle: () => inFlight.whenIdle(),
		sourceOf: key => index.get(key)?.key,
		async writeSlot(sourceKey) {
			const budget = runners.get(sourceKey)?.budget;
			if (!budget) return () => undefined;
			const grant = await budget.acquire(Priority.user);
			let released = false;
			return outcome => {
				if (released) return;
				released = true;
				budget.release(grant, outcome);
			};
		},
		apiFor: sourceKey => apis.get(sourceKey),
		whenLoaded() {
			if (loaded) return Promise.resolve();
			return new Promise<void>(resolve => {
				loadedWaiters.push(resolve);
			});
		},
		inspect() {
			const out: Record<SourceKey, SourceInspection> = {};
			for (const [key, runner] of runners) out[key] = runner.inspect();
			return out;
		},
		inFlight: sourceKey => inFlight.count(sourceKey),
		feedCalls: () => (feed ? {receivesSent: feed.receivesSent, receivesEnded: feed.receivesEnded} : undefined),
	};
}
