/**
 * 2. Steady state, in VIRTUAL time: the 2,000-pipeline fleet with about 5% of pipelines running
 * at any moment (runs of 150 s, a start every ~50 min per pipeline), 10 calls/s per source.
 * After the first load and a warm-up, 10 minutes of virtual time are measured:
 * - calls per minute, by operation, and throttles;
 * - data age (now - fetchedAt) of every pipeline, sampled each virtual second, grouped by
 *   running as shown (the store says running: the engine polls it at the active cadence),
 *   running in truth (the service says so: includes starts not seen yet), and idle;
 * - how long after an execution starts the store shows it.
 * Then the naive alternative (GetPipelineState for every pipeline every 5 s) on the same fleet
 * and limit, for a minute, with the same measures. Calls answer in zero virtual time here, so
 * the wire's latency (real time) is left out: ages measure the scheduler alone.
 */
import {load} from './lib/dist.js';
import {goal, log, runIfMain} from './lib/main.js';
import {startNaivePoller} from './lib/naive.js';
import {fleetScenario, RUN_SECONDS} from './lib/scenario.js';
import {mean, round, summary} from './lib/stats.js';
import {startVirtualFleet} from './lib/virtual-fleet.js';
import {worldTruth} from './lib/world-truth.js';

const {newestStageExecutionId} = await load('store/attention.js');

const NAME = 'steady-state';
const LIMIT = {perSecond: 10, burst: 10};
const RUNNING_SHARE = 0.05;
const NAIVE_INTERVAL_MS = 5000;
const WARM_UP_MS = 60_000;
const FEED_ACCOUNT = {profile: 'tools', accountId: '219999999999', regions: ['us-east-1']};

function totalCalls(stats) {
	return stats.requests;
}

/** Ages (s) of every pipeline at this moment, into the three groups. */
function sampleAges(state, truth, now, since, groups) {
	let truthRunning = 0;
	for (const key of truth.keys) {
		const entry = state.pipelines[key];
		const age = (now - (entry?.fetchedAt ?? since)) / 1000;
		const shown = entry !== undefined && (entry.attention === 'running' || entry.attention === 'approval');
		const running = truth.running(key);
		if (running) truthRunning++;
		if (shown) groups.shownRunning.push(age);
		if (running) groups.truthRunning.push(age);
		if (!shown && !running) groups.idle.push(age);
	}
	return truthRunning;
}

/**
 * @param {{feed?: object, runningShare?: number, warmUpMs?: number, sampleEverySeconds?: number}} options
 * feed: the change feed on, with this tuning, reading a queue every account sends its events to
 * (bench/feed.js); runningShare 0: at rest; warmUpMs: virtual time between the first load and the
 * measure (default a minute); sampleEverySeconds: how often the ages are sampled (default 1).
 */
export async function measurePipetop(fleetOptions, seconds, {feed, runningShare = RUNNING_SHARE, warmUpMs = WARM_UP_MS, sampleEverySeconds = 1} = {}) {
	const fleet0 = fleetScenario({...fleetOptions, runningShare});
	// The queue in an account of its own, as the setup has it (docs/events.md): the service's rate
	// limit is per account and region, and SQS's own limits are far above CodePipeline's.
	const scenario = feed ? {...fleet0, accounts: [...fleet0.accounts, FEED_ACCOUNT], events: {account: FEED_ACCOUNT.profile}} : fleet0;
	const fleet = await startVirtualFleet({scenario, faults: {rateLimit: LIMIT}, feed});
	const {clock, engine} = fleet;
	const truth = worldTruth(fleet.world);
	// The world runs ahead on its own first: its first starts are spread over one period, so
	// after one run's length the running share is what it will stay.
	await fleet.advance(RUN_SECONDS * 1000);
	fleet.sim.resetStats();
	engine.start();
	// The first load in virtual time too: the scheduler against the floor, whatever the machine.
	const statesMs = await fleet.until(() => {
		const {counts} = engine.store.getState();
		return counts.total === truth.keys.length && counts.unknown === 0;
	});
	const loadMs = statesMs + (await fleet.until(() => !engine.store.getState().initialLoad));
	const loadStats = fleet.sim.stats();
	// Then a minute (or as asked) for the engine to leave its first-load pace for its steady cadence.
	await fleet.advance(warmUpMs);
	log(NAME, `pipetop: first load took ${round(loadMs / 1000, 1)} virtual s; measuring ${seconds} virtual s`);

	fleet.sim.resetStats();
	const countersBefore = structuredClone(engine.store.getState().counters);
	const from = clock.now();
	// When the store first showed each execution (by id): in a stage, or as the latest execution.
	const shownAt = new Map();
	const unsubscribe = engine.store.subscribe((state, previous) => {
		if (state.pipelines === previous.pipelines) return;
		for (const key in state.pipelines) {
			const entry = state.pipelines[key];
			if (entry === previous.pipelines[key]) continue;
			for (const id of [newestStageExecutionId(entry.stages), entry.latestExecution?.executionId]) if (id && !shownAt.has(id)) shownAt.set(id, clock.now());
		}
	});
	const groups = {shownRunning: [], truthRunning: [], idle: []};
	const runningCounts = [];
	const realStart = performance.now();
	for (let second = 0; second < seconds; second += sampleEverySeconds) {
		await fleet.advance(sampleEverySeconds * 1000);
		runningCounts.push(sampleAges(engine.store.getState(), truth, clock.now(), from, groups));
	}
	unsubscribe();
	const stats = fleet.sim.stats();
	const counters = engine.store.getState().counters;
	const byOperation = {};
	for (const [operation, count] of Object.entries(counters.callsByOperation)) byOperation[operation] = round(((count - (countersBefore.callsByOperation[operation] ?? 0)) * 60) / seconds, 1);
	// Starts far enough before the end that the idle cadence had its chance to see them.
	const starts = truth.startedBetween(from, clock.now() - 60_000);
	const delays = [];
	let unseen = 0;
	for (const start of starts) {
		const at = shownAt.get(start.id);
		if (at === undefined) unseen++;
		else delays.push((at - start.startTime) / 1000);
	}
	const perSource = truth.keys.length / Object.keys(loadStats.byAccountRegion).length;
	const result = {
		firstLoad: {
			statesSeconds: round(statesMs / 1000, 2),
			statesFloorSeconds: (1 + perSource - LIMIT.burst) / LIMIT.perSecond,
			completeSeconds: round(loadMs / 1000, 2),
			completeFloorSeconds: (1 + 3 * perSource - LIMIT.burst) / LIMIT.perSecond,
			calls: loadStats.requests,
			throttled: loadStats.throttled,
		},
		callsPerMinute: round((totalCalls(stats) * 60) / seconds, 1),
		callsPerMinuteByOperation: byOperation,
		throttled: stats.throttled,
		runningShare: round(mean(runningCounts) / truth.keys.length, 4),
		ageSeconds: {shownRunning: summary(groups.shownRunning), truthRunning: summary(groups.truthRunning), idle: summary(groups.idle)},
		startShownAfterSeconds: {...summary(delays), starts: starts.length, unseen},
		realSeconds: round((performance.now() - realStart) / 1000, 1),
	};
	await fleet.close();
	return result;
}

export async function measureNaive(fleetOptions, seconds) {
	const fleet = await startVirtualFleet({scenario: fleetScenario({...fleetOptions, runningShare: RUNNING_SHARE}), faults: {rateLimit: LIMIT}, engine: false});
	const {clock} = fleet;
	const truth = worldTruth(fleet.world);
	await fleet.advance(RUN_SECONDS * 1000);
	const poller = startNaivePoller({sources: fleet.sources, pipelines: fleet.world.pipelines(), clock, intervalMs: NAIVE_INTERVAL_MS});
	fleet.addClient(poller);
	const started = clock.now();
	await fleet.advance(2 * NAIVE_INTERVAL_MS);
	log(NAME, `naive: measuring ${seconds} virtual s`);
	fleet.sim.resetStats();
	const from = clock.now();
	const groups = {shownRunning: [], truthRunning: [], idle: []};
	const realStart = performance.now();
	const state = {pipelines: {}};
	for (let second = 0; second < seconds; second++) {
		await fleet.advance(1000);
		for (const key of truth.keys) state.pipelines[key] = {fetchedAt: poller.fetchedAt.get(key) ?? started, attention: 'idle'};
		sampleAges(state, truth, clock.now(), from, groups);
	}
	const stats = fleet.sim.stats();
	poller.stop();
	const result = {
		callsPerMinute: round((totalCalls(stats) * 60) / seconds, 1),
		throttled: stats.throttled,
		throttledShare: round(stats.throttled / stats.requests, 4),
		ageSeconds: {truthRunning: summary(groups.truthRunning), idle: summary(groups.idle)},
		realSeconds: round((performance.now() - realStart) / 1000, 1),
	};
	await fleet.close();
	return result;
}

export async function run({quick = false} = {}) {
	const fleetOptions = quick ? {accounts: 2, regions: 2, perSource: 40} : {accounts: 4, regions: 5, perSource: 100};
	const pipetop = await measurePipetop(fleetOptions, quick ? 120 : 600);
	const naive = await measureNaive(fleetOptions, quick ? 20 : 60);
	const ratio = naive.callsPerMinute / pipetop.callsPerMinute;
	log(NAME, `pipetop ${pipetop.callsPerMinute} calls/min, naive ${naive.callsPerMinute} (${round(ratio, 2)}x)`);
	return {
		name: NAME,
		clock: 'virtual',
		setup: {...fleetOptions, rateLimit: LIMIT, runningShareTarget: RUNNING_SHARE, naiveIntervalSeconds: NAIVE_INTERVAL_MS / 1000},
		figures: {pipetop, naive, naiveCallsVsPipetop: round(ratio, 2)},
		goals: [
			goal('data age p95, running pipelines (as shown)', '< 5 s', pipetop.ageSeconds.shownRunning.p95, pipetop.ageSeconds.shownRunning.p95 < 5, 's'),
			goal('data age p95, idle pipelines', '< 60 s', pipetop.ageSeconds.idle.p95, pipetop.ageSeconds.idle.p95 < 60, 's'),
			goal('calls vs naive 5 s polling', '>= 5x fewer', round(ratio, 2), ratio >= 5, 'x'),
			goal('throttled calls in steady state', '0', pipetop.throttled, pipetop.throttled === 0),
		],
	};
}

await runIfMain(import.meta, run);
