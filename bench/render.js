/**
 * 3. Rendering with 2,000 pipelines in the store (as the engine wrote them, ~5% running), in a
 * 200 x 50 terminal:
 * - a whole frame from scratch (the exported renderFleetFrame / renderPipelineFrame), p50/p99 of
 *   200, in a process holding only the store, started with the launcher's heap flags;
 * - the live console (Ink, incremental rendering, 30 fps cap, as `pipetop` runs it) on a memory
 *   terminal: the time from a store update to the frame it causes, from a key press (down) to
 *   the next write to the terminal, and how many frames (Ink renders) and terminal writes each
 *   store update costs, at the pace of idle polls (33 updates/s) and in a burst (200/s), against
 *   a quiet baseline (the clock redraws ages every second); in this process.
 */
import './lib/as-shipped.js';
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {DIST, load} from './lib/dist.js';
import {loadedStore} from './lib/loaded-store.js';
import {goal, log, runIfMain} from './lib/main.js';
import {mountConsole, timeKeyPresses, within} from './lib/live-console.js';
import {KEYS} from './lib/terminal.js';
import {round, summary} from './lib/stats.js';

const {applyUpdates} = await load('store/create.js');

const NAME = 'render';
const COLUMNS = 200;
const ROWS = 50;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const MISSING_MS = 2000;

/**
 * Frames from scratch timed in a process of its own that holds the store and nothing else, as
 * the console's process does (this one also holds the simulated world that loaded the store, and
 * its garbage): production frames with the heap flags the launcher under test starts the console
 * with (none for a build from before bin/heap-limits.js), development frames for reference.
 */
async function framesInChild(stateFile, key, count, now, {nodeEnv}) {
	const child = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'frames-child.js');
	const heapFlags = nodeEnv === 'production' ? await launcherHeapFlags() : [];
	const {stdout} = await promisify(execFile)(process.execPath, [...heapFlags, child, stateFile, key, String(count), String(COLUMNS), String(ROWS), String(now)], {env: {...process.env, NODE_ENV: nodeEnv}, maxBuffer: 1 << 24});
	return {...JSON.parse(stdout), heapFlags};
}

/** The store as JSON in a temp dir for the frame processes; `close()` removes it. */
async function savedState(store) {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-bench-frames-'));
	const file = join(dir, 'state.json');
	await writeFile(file, JSON.stringify(store.getState()));
	return {file, close: () => rm(dir, {recursive: true, force: true})};
}

/** The heap flags bin/pipetop.js (of the build under test) gives the console. */
async function launcherHeapFlags() {
	const file = join(DIST, '..', 'bin', 'heap-limits.js');
	if (!existsSync(file)) return [];
	const {heapFlags} = await import(pathToFileURL(file).href);
	return heapFlags({execArgv: [], nodeOptions: ''});
}

/** Counts renders and writes over `ms` while `tick` is called every `everyMs`. */
async function countFrames(terminal, ms, everyMs, tick) {
	const renders = terminal.renders.length;
	const writes = terminal.stdout.writes.length;
	let updates = 0;
	const end = performance.now() + ms;
	while (performance.now() < end) {
		if (tick) {
			tick();
			updates++;
		}
		await sleep(everyMs);
	}
	await sleep(50);
	return {updates, renders: terminal.renders.length - renders, writes: terminal.stdout.writes.length - writes};
}

export async function run({quick = false} = {}) {
	const fleetOptions = quick ? {accounts: 2, regions: 2, perSource: 50} : {accounts: 4, regions: 5, perSource: 100};
	const {store, now: virtualNow, counts} = await loadedStore(fleetOptions);
	const order = store.getState().order;
	log(NAME, `store: ${counts.total} pipelines (${counts.running} running)`);
	const startedReal = Date.now();
	const now = () => virtualNow + (Date.now() - startedReal);
	const runningKey = order.find(key => store.getState().pipelines[key].attention === 'running') ?? order[0];
	// 200 frames each, so that a p99 is a percentile and not the slowest of a few dozen.
	const samples = quick ? 15 : 200;

	const saved = await savedState(store);
	let production, development;
	try {
		production = await framesInChild(saved.file, runningKey, samples, now(), {nodeEnv: 'production'});
		development = await framesInChild(saved.file, runningKey, samples, now(), {nodeEnv: 'development'});
	} finally {
		await saved.close();
	}
	const {fleetFrameMs: fleetFrame, pipelineFrameMs: pipelineFrame} = production;
	log(NAME, `from scratch: fleet p50 ${fleetFrame.p50} ms, pipeline p50 ${pipelineFrame.p50} ms`);
	log(NAME, `with React's development build: fleet p50 ${development.fleetFrameMs.p50} ms, pipeline p50 ${development.pipelineFrameMs.p50} ms`);

	const terminal = mountConsole(store, now, {columns: COLUMNS, rows: ROWS});
	await sleep(500);
	const presses = quick ? 15 : 50;

	// A visible change to the row on top (the selected one): its data turns stale and back.
	const top = store.getState().order[0];
	const updateTimes = [];
	let missing = 0;
	for (let index = 0; index < presses; index++) {
		const entry = store.getState().pipelines[top];
		const rendered = terminal.nextRender();
		const started = performance.now();
		applyUpdates(store, [{type: 'pipelinePatch', key: top, patch: {stale: !entry.stale, fetchedAt: now()}}]);
		const at = await within(rendered, MISSING_MS);
		if (at === undefined) missing++;
		else updateTimes.push(at - started);
		await sleep(60);
	}

	// 200 presses, so that the p99 is a percentile and not the slowest press of a few dozen; the
	// first one (code the console has not run yet) is reported on its own too.
	const pressed = await timeKeyPresses(terminal, quick ? 30 : 200, KEYS, MISSING_MS);
	missing += pressed.missing;
	const {toWrite: keyToWrite, toRender: keyToRender} = pressed;
	log(NAME, `live: update->frame p99 ${summary(updateTimes).p99} ms, key->write p99 ${summary(keyToWrite).p99} ms`);

	// Off-screen pipelines, fetchedAt only: what every quiet poll does to the store.
	const keys = Object.keys(store.getState().pipelines);
	let cursor = 0;
	const poll = () => {
		const key = keys[cursor++ % keys.length];
		applyUpdates(store, [{type: 'pipelinePatch', key, patch: {fetchedAt: now()}}]);
	};
	const seconds = quick ? 2 : 4;
	const quiet = await countFrames(terminal, seconds * 1000, 100);
	const idlePace = await countFrames(terminal, seconds * 1000, 30, poll);
	const burst = await countFrames(terminal, seconds * 1000, 5, poll);
	terminal.unmount();
	const perUpdate = sample => ({
		updates: sample.updates,
		renders: sample.renders,
		writes: sample.writes,
		rendersPerUpdate: round(sample.renders / Math.max(1, sample.updates), 3),
		writesPerUpdate: round(sample.writes / Math.max(1, sample.updates), 3),
	});
	const keyWrite = summary(keyToWrite);
	return {
		name: NAME,
		clock: 'real',
		setup: {...fleetOptions, pipelines: counts.total, running: counts.running, columns: COLUMNS, rows: ROWS, maxFps: 30},
		figures: {
			fleetFrameMs: fleetFrame,
			pipelineFrameMs: pipelineFrame,
			reactBuild: production.nodeEnv,
			framesHeapFlags: production.heapFlags,
			development: {fleetFrameMs: development.fleetFrameMs, pipelineFrameMs: development.pipelineFrameMs},
			liveUpdateToFrameMs: summary(updateTimes),
			keyToRenderMs: summary(keyToRender),
			keyToWriteMs: keyWrite,
			firstKeyToWriteMs: round(keyToWrite[0] ?? Number.NaN, 2),
			// Updates or key presses that brought no frame within 2 s (counted, left out of the timings).
			framesMissing: missing,
			quietSeconds: {seconds, renders: quiet.renders, writes: quiet.writes},
			idlePollPace: perUpdate(idlePace),
			burst: perUpdate(burst),
		},
		goals: [
			// Issue 17's goals.
			goal('p99 fleet frame from scratch', '<= 12 ms', fleetFrame.p99, fleetFrame.p99 <= 12, 'ms'),
			goal('p99 pipeline frame from scratch', '<= 8 ms', pipelineFrame.p99, pipelineFrame.p99 <= 8, 'ms'),
			goal('key press to frame on the terminal, p99', '<= 35 ms', keyWrite.p99, keyWrite.p99 <= 35, 'ms'),
		],
	};
}

await runIfMain(import.meta, run);
