/**
 * 4. The cost of being idle, with 2,000 pipelines and nothing changing (no execution starts):
 * A. the console as a whole process (`node bin/pipetop.js` under a 200 x 50 pty, real time,
 *    the service in its own process with 30 ms latency): once loaded, CPU time and resident
 *    memory over one minute, and the bytes it wrote to its terminal;
 * B. memory over 100,000 polls: the engine and store in this process, on a clock running 60x
 *    real time (the poll cadence is the default one, so 2,000 pipelines polled each virtual
 *    minute is 50 polls a pipeline); heap after a full GC every 10,000 polls. Also what one
 *    store write costs at this size, since every poll makes one.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {load} from './lib/dist.js';
import {heapAfterGc} from './lib/gc.js';
import {goal, log, runIfMain} from './lib/main.js';
import {cleanEnv, cpuSeconds, exited, findPipetop, memoryMb, spawnInPty} from './lib/process.js';
import {REGIONS, fleetSize} from './lib/scenario.js';
import {startSimProcess} from './lib/sim-process.js';
import {round, summary} from './lib/stats.js';
import {sourcesFor} from './lib/virtual-fleet.js';

const [{RealClock}, {createFleetEngine}, {applyUpdates}] = await Promise.all([load('shared/clock.js'), load('engine/engine.js'), load('store/create.js')]);

const NAME = 'idle';
/** Part B stops here (real time) if the polls are not done, and reports how far it got. */
const GIVE_UP_MS = 420_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until the service answered a definition and a latest execution for every pipeline. */
async function whenLoaded(sim, pipelines, giveUpMs) {
	const end = Date.now() + giveUpMs;
	for (;;) {
		const stats = await sim.stats();
		const handled = stats.handledByOperation;
		if ((handled.GetPipeline ?? 0) >= pipelines && (handled.ListPipelineExecutions ?? 0) >= pipelines) return true;
		if (Date.now() > end) return false;
		await sleep(500);
	}
}

/** CPU and calls over `seconds` of the window, as rates. */
function rates(cpu, calls, seconds) {
	return {cpuSecondsPerMinute: round((cpu * 60) / seconds, 3), cpuShareOfCore: round(cpu / seconds, 4), callsPerMinute: round((calls * 60) / seconds, 1)};
}

/**
 * @param {{events?: boolean, firstSeconds?: number}} options events: the console reads the fleet's
 *   change feed (bench/feed.js); firstSeconds: also report the window's first this many seconds
 *   on their own (what the load leaves behind falls there: see bench/README.md, section 8)
 */
export async function consoleAtIdle(fleetOptions, windowSeconds, {events = false, firstSeconds} = {}) {
	const size = fleetSize(fleetOptions);
	const sim = await startSimProcess({fleet: fleetOptions, faults: {latencyMs: 30}, ...(events && {events: {account: 'bench0'}})});
	const home = await mkdtemp(join(tmpdir(), 'pipetop-bench-home-'));
	let bytes = 0;
	const regions = REGIONS.slice(0, fleetOptions.regions).join(',');
	const env = cleanEnv({HOME: home, XDG_CONFIG_HOME: join(home, 'xdg'), AWS_CONFIG_FILE: sim.files.configFile, AWS_SHARED_CREDENTIALS_FILE: sim.files.credentialsFile});
	const feedArgs = events ? ['--events', sim.eventsQueueUrl] : [];
	const child = spawnInPty(['--all-profiles', '--region', regions, '--no-notify', ...feedArgs], {env, onOutput: text => (bytes += text.length)});
	try {
		const started = Date.now();
		const loaded = await whenLoaded(sim, size.pipelines, 180_000);
		if (!loaded) throw new Error('the console did not load the fleet within 3 minutes');
		log(NAME, `console loaded ${size.pipelines} pipelines in ${round((Date.now() - started) / 1000, 1)} s; idling ${windowSeconds} s`);
		await sleep(5000);
		const pid = findPipetop(child.pid);
		if (!pid) throw new Error('could not find the pipetop process under script');
		const cpuBefore = cpuSeconds(pid);
		const memoryBefore = memoryMb(pid);
		const callsBefore = (await sim.stats()).requests;
		const bytesBefore = bytes;
		const windowStart = performance.now();
		let first;
		if (firstSeconds !== undefined && firstSeconds < windowSeconds) {
			await sleep(firstSeconds * 1000);
			const seconds = (performance.now() - windowStart) / 1000;
			first = {seconds: round(seconds, 1), ...rates(cpuSeconds(pid) - cpuBefore, (await sim.stats()).requests - callsBefore, seconds)};
		}
		await sleep(windowStart + windowSeconds * 1000 - performance.now());
		const elapsed = (performance.now() - windowStart) / 1000;
		const cpu = cpuSeconds(pid) - cpuBefore;
		const memory = memoryMb(pid);
		const calls = (await sim.stats()).requests - callsBefore;
		return {
			windowSeconds: round(elapsed, 1),
			...(first && {first}),
			...rates(cpu, calls, elapsed),
			rssMb: round(memory.rss, 1),
			rssAtWindowStartMb: round(memoryBefore.rss, 1),
			peakRssMb: round(memory.peak, 1),
			terminalBytesPerMinute: Math.round(((bytes - bytesBefore) * 60) / elapsed),
		};
	} finally {
		child.stdin.write('q');
		await exited(child, 5000);
		await sim.stop();
		await rm(home, {recursive: true, force: true});
	}
}

async function memoryOverPolls(fleetOptions, totalPolls) {
	const sim = await startSimProcess({fleet: fleetOptions});
	const {sources} = await sourcesFor(sim.files, sim.accounts, sim.dir);
	const speed = 60;
	const clock = new RealClock(speed);
	// At 60x a 10 s call limit would be 167 ms of real time: keep it out of the way.
	const engine = createFleetEngine({sources, clock, callTimeoutMs: 3_600_000});
	engine.start();
	await engine.whenLoaded();
	const polls = () => engine.store.getState().counters.callsByOperation.GetPipelineState ?? 0;
	const base = polls();
	const samples = [{polls: 0, heapMb: round(heapAfterGc(), 2), rssMb: round(process.memoryUsage().rss / 1048576, 1)}];
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const step = totalPolls / 10;
	// A machine busy with other work may not get there in time: stop, and say how far it got.
	const giveUpAt = started + GIVE_UP_MS;
	let cut = false;
	for (let mark = step; mark <= totalPolls && !cut; mark += step) {
		while (polls() - base < mark && !(cut = performance.now() > giveUpAt)) await sleep(100);
		samples.push({polls: polls() - base, heapMb: round(heapAfterGc(), 2), rssMb: round(process.memoryUsage().rss / 1048576, 1)});
		log(NAME, `${samples.at(-1).polls} polls: heap ${samples.at(-1).heapMb} MB (${round((performance.now() - started) / 1000, 0)} s)`);
	}
	const cpu = process.cpuUsage(cpuBefore);
	const realSeconds = (performance.now() - started) / 1000;
	const counters = engine.store.getState().counters;
	await engine.stop();
	clock.clearAll();
	await sim.stop();

	// What one quiet poll's store write costs with this many pipelines.
	const store = engine.store;
	const keys = Object.keys(store.getState().pipelines);
	const writes = [];
	for (let index = 0; index < 2000; index++) {
		const key = keys[index % keys.length];
		const started = performance.now();
		applyUpdates(store, [{type: 'pipelinePatch', key, patch: {fetchedAt: store.getState().pipelines[key].fetchedAt + 1}}]);
		writes.push((performance.now() - started) * 1000);
	}
	return {
		samples,
		cutShort: cut,
		realSeconds: round(realSeconds, 1),
		virtualMinutes: round((realSeconds * speed) / 60, 1),
		errors: counters.errors,
		cpuMsPerPoll: round((cpu.user + cpu.system) / 1000 / (samples.at(-1).polls || 1), 3),
		storeWriteMicroseconds: summary(writes, 1),
	};
}

export async function run({quick = false, consoleOnly = false} = {}) {
	const fleetOptions = quick ? {accounts: 2, regions: 2, perSource: 50} : {accounts: 4, regions: 5, perSource: 100};
	const consoleIdle = await consoleAtIdle(fleetOptions, quick ? 15 : 60);
	log(NAME, `console: ${consoleIdle.cpuSecondsPerMinute} CPU s/min, ${consoleIdle.rssMb} MB`);
	if (consoleOnly) return {name: NAME, clock: 'real', setup: {...fleetOptions, pipelines: fleetSize(fleetOptions).pipelines, latencyMs: 30}, figures: {console: consoleIdle}, goals: []};
	const totalPolls = quick ? 10_000 : 100_000;
	const memory = await memoryOverPolls(fleetOptions, totalPolls);
	const first = memory.samples[1].heapMb;
	const last = memory.samples.at(-1).heapMb;
	const growth = last - first;
	// Noise: how far samples in the first half stray from each other once warm.
	const firstHalf = memory.samples.slice(1, 6).map(sample => sample.heapMb);
	const noise = Math.max(...firstHalf) - Math.min(...firstHalf);
	const allowed = Math.max(2, noise, first * 0.05);
	log(NAME, `heap ${first} MB after ${memory.samples[1].polls} polls, ${last} MB after ${memory.samples.at(-1).polls}`);
	return {
		name: NAME,
		clock: 'real (A); real at 60x (B)',
		setup: {...fleetOptions, pipelines: fleetSize(fleetOptions).pipelines, latencyMs: 30, rateLimit: null, polls: totalPolls},
		figures: {console: consoleIdle, memory: {...memory, heapGrowthMb: round(growth, 2), heapNoiseMb: round(noise, 2), allowedGrowthMb: round(allowed, 2)}},
		goals: [
			goal('CPU of the idle console', '< 1% of a core', round(consoleIdle.cpuShareOfCore * 100, 2), consoleIdle.cpuShareOfCore < 0.01, '%'),
			goal('resident memory of the idle console', '<= 160 MB', consoleIdle.rssMb, consoleIdle.rssMb <= 160, 'MB'),
			goal(`heap growth from ${memory.samples[1].polls} to ${memory.samples.at(-1).polls} polls`, `within noise (<= ${round(allowed, 1)} MB)`, round(growth, 2), growth <= allowed, 'MB'),
		],
	};
}

await runIfMain(import.meta, run);
