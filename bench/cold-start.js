/**
 * 1. Cold start at scale, in REAL time: pipetop's engine (this process, RealClock) loads a fleet
 * of 4 accounts x 5 regions x 100 pipelines from the embedded service (its own process, 30 ms
 * latency per call, a token bucket of 10 calls/s per account+region, burst 10).
 *
 * Real time because the figure is meant to include what a user waits for: the wire's latency,
 * the SDK, the store and this machine's two cores. The floor is what the rate limit allows a
 * perfect client: per source, (calls it cannot do without - the bucket's burst) / rate, sources
 * in parallel. Calls it cannot do without: ListPipelines, then GetPipelineState per pipeline
 * (every state in the store); then GetPipeline and ListPipelineExecutions per pipeline (every
 * row complete: stage names, categories, the last execution's trigger and revision).
 */
import {load} from './lib/dist.js';
import {goal, log, runIfMain} from './lib/main.js';
import {fleetSize} from './lib/scenario.js';
import {startSimProcess} from './lib/sim-process.js';
import {median, round} from './lib/stats.js';
import {sourcesFor} from './lib/virtual-fleet.js';

const [{RealClock}, {createFleetEngine}] = await Promise.all([load('shared/clock.js'), load('engine/engine.js')]);

const NAME = 'cold-start';
const LIMIT = {perSecond: 10, burst: 10};
const LATENCY_MS = 30;
const GIVE_UP_MS = 300_000;

/** Seconds a token bucket needs for `calls` calls, starting full. */
function floorSeconds(calls) {
	return Math.max(0, calls - LIMIT.burst) / LIMIT.perSecond;
}

export async function run({quick = false} = {}) {
	const fleet = quick ? {accounts: 2, regions: 2, perSource: 40} : {accounts: 4, regions: 5, perSource: 100};
	const size = fleetSize(fleet);
	const sim = await startSimProcess({fleet, faults: {latencyMs: LATENCY_MS, rateLimit: LIMIT}});
	const {sources} = await sourcesFor(sim.files, sim.accounts, sim.dir);
	const clock = new RealClock();
	const engine = createFleetEngine({sources, clock});
	log(NAME, `${size.pipelines} pipelines in ${size.sources} sources; limit ${LIMIT.perSecond}/s per source, ${LATENCY_MS} ms latency`);

	let statesMs;
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const unsubscribe = engine.store.subscribe(state => {
		if (statesMs === undefined && state.counts.total === size.pipelines && state.counts.unknown === 0) statesMs = performance.now() - started;
	});
	engine.start();
	const loaded = await Promise.race([engine.whenLoaded().then(() => true), new Promise(resolve => setTimeout(resolve, GIVE_UP_MS, false))]);
	const loadedMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	unsubscribe();
	const stats = await sim.stats();
	const state = engine.store.getState();
	const inspection = Object.values(engine.inspect());
	await engine.stop();
	clock.clearAll();
	await sim.stop();

	const perSourceCalls = Object.values(stats.byAccountRegion).map(byOperation => Object.values(byOperation).reduce((sum, count) => sum + count, 0));
	const statesFloor = floorSeconds(1 + size.perSource);
	const loadFloor = floorSeconds(1 + 3 * size.perSource);
	const statesSeconds = statesMs === undefined ? undefined : statesMs / 1000;
	const throttledShare = stats.throttled / stats.requests;
	const errors = state.counters.errors;
	log(NAME, `states in ${round(statesSeconds, 1)} s (floor ${statesFloor} s), complete in ${round(loadedMs / 1000, 1)} s (floor ${loadFloor} s); ${stats.requests} calls, ${stats.throttled} throttled`);

	return {
		name: NAME,
		clock: 'real',
		setup: {...size, rateLimit: LIMIT, latencyMs: LATENCY_MS},
		figures: {
			statesSeconds: round(statesSeconds, 2),
			statesFloorSeconds: statesFloor,
			statesVsFloor: round(statesSeconds / statesFloor, 2),
			loadedSeconds: loaded ? round(loadedMs / 1000, 2) : null,
			loadedFloorSeconds: loadFloor,
			loadedVsFloor: loaded ? round(loadedMs / 1000 / loadFloor, 2) : null,
			calls: stats.requests,
			callsNeeded: size.sources * (1 + 3 * size.perSource),
			callsPerSourceMedian: median(perSourceCalls),
			throttled: stats.throttled,
			throttledShare: round(throttledShare, 4),
			errors,
			engineCpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
			simCpuSeconds: round(stats.cpuMs / 1000, 2),
			// Where each source's adaptive budget ended up (the service allowed 10/s).
			budgetRateMedian: round(median(inspection.map(source => source.rate)), 2),
			budgetCeilingMedian: round(median(inspection.map(source => source.ceiling ?? Number.NaN).filter(Number.isFinite)), 2),
		},
		goals: [
			goal('every state in the store, vs the floor', '<= 1.25x', round(statesSeconds / statesFloor, 2), statesSeconds / statesFloor <= 1.25, 'x'),
			goal('throttled calls', '< 2%', round(throttledShare * 100, 2), throttledShare < 0.02, '%'),
		],
	};
}

await runIfMain(import.meta, run);
