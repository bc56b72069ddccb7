/**
 * 3. Rendering with 2,000 pipelines in the store (as the engine wrote them, ~5% running), in a
 * 200 x 50 terminal, in this process:
 * - a whole frame from scratch (the exported renderFleetFrame / renderPipelineFrame): p50/p99;
 * - the live console (Ink, incremental rendering, 30 fps cap, as `pipetop` runs it) on a memory
 *   terminal: the time from a store update to the frame it causes, from a key press (down) to
 *   the next write to the terminal, and how many frames (Ink renders) and terminal writes each
 *   store update costs, at the pace of idle polls (33 updates/s) and in a burst (200/s), against
 *   a quiet baseline (the clock redraws ages every second).
 */
import './lib/as-shipped.js';
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {createElement} from 'react';
import {render} from 'ink';
import {load} from './lib/dist.js';
import {timeBothFrames} from './lib/frames.js';
import {loadedStore} from './lib/loaded-store.js';
import {goal, log, runIfMain} from './lib/main.js';
import {KEYS, MemoryStdin, MemoryStdout} from './lib/terminal.js';
import {round, summary} from './lib/stats.js';

const [{ConsoleApp}, {createConsoleServices}, {applyUpdates}] = await Promise.all([
	load(['ui/shell/console-app.js', 'ui/app/console-app.js']),
	load(['ui/shell/create-services.js', 'ui/app/create-services.js']),
	load('store/create.js'),
]);

const NAME = 'render';
const COLUMNS = 200;
const ROWS = 50;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
/** The promise's value, or undefined after ms (a frame that never comes must not hang the run). */
const within = (promise, ms) => Promise.race([promise, sleep(ms).then(() => undefined)]);
const MISSING_MS = 2000;

/** An engine that serves the store as it is (the console asks it for focus and history: no-ops). */
function storeOnlyEngine(store) {
	const nothing = async () => undefined;
	return {store, start() {}, stop: nothing, setFocus() {}, refresh() {}, markDirty() {}, loadHistory: nothing, loadActionExecutions: nothing, loadDefinition: nothing, openLog: nothing, closeLog() {}, whenIdle: nothing, sourceOf: key => store.getState().pipelines[key]?.sourceKey};
}

/** The same frames timed in a child process with React's development build (what `npm run dev`-style runs pay). */
async function developmentFrames(store, key, count, now) {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-bench-frames-'));
	try {
		const file = join(dir, 'state.json');
		await writeFile(file, JSON.stringify(store.getState()));
		const child = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'frames-child.js');
		const {stdout} = await promisify(execFile)(process.execPath, [child, file, key, String(count), String(COLUMNS), String(ROWS), String(now)], {env: {...process.env, NODE_ENV: 'development'}, maxBuffer: 1 << 24});
		return JSON.parse(stdout);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}

/** Mounts the console as `pipetop` does, on a memory terminal; counts Ink renders. */
function mountConsole(store, now) {
	const stdout = new MemoryStdout(COLUMNS, ROWS);
	const stdin = new MemoryStdin();
	const renders = [];
	let nextRender;
	const services = createConsoleServices({engine: storeOnlyEngine(store), now, env: {TERM: 'xterm-256color', LANG: 'C.UTF-8'}, notify: false});
	const instance = render(createElement(ConsoleApp, {services}), {
		stdout,
		stdin,
		stderr: new MemoryStdout(COLUMNS, ROWS),
		interactive: true,
		incrementalRendering: true,
		maxFps: 30,
		exitOnCtrlC: false,
		patchConsole: false,
		onRender: ({renderTime}) => {
			const at = performance.now();
			renders.push({at, renderTime});
			nextRender?.(at);
			nextRender = undefined;
		},
	});
	return {
		stdout,
		stdin,
		renders,
		/** Resolves with the time of the next Ink render. */
		nextRender: () => new Promise(resolve => (nextRender = resolve)),
		unmount: () => instance.unmount(),
	};
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
	const samples = quick ? 15 : 40;

	const {fleetFrameMs: fleetFrame, pipelineFrameMs: pipelineFrame} = timeBothFrames(store, runningKey, {count: samples, columns: COLUMNS, rows: ROWS, now});
	log(NAME, `from scratch: fleet p50 ${fleetFrame.p50} ms, pipeline p50 ${pipelineFrame.p50} ms`);
	const development = await developmentFrames(store, runningKey, samples, now());
	log(NAME, `with React's development build: fleet p50 ${development.fleetFrameMs.p50} ms, pipeline p50 ${development.pipelineFrameMs.p50} ms`);

	const terminal = mountConsole(store, now);
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

	const keyToWrite = [];
	const keyToRender = [];
	for (let index = 0; index < presses; index++) {
		const rendered = terminal.nextRender();
		const written = new Promise(resolve => (terminal.stdout.onWrite = resolve));
		const started = performance.now();
		terminal.stdin.press(index % 20 < 10 ? KEYS.down : KEYS.up);
		const renderedAt = await within(rendered, MISSING_MS);
		const writtenAt = await within(written, MISSING_MS);
		if (renderedAt === undefined || writtenAt === undefined) missing++;
		if (renderedAt !== undefined) keyToRender.push(renderedAt - started);
		if (writtenAt !== undefined) keyToWrite.push(writtenAt - started);
		terminal.stdout.onWrite = undefined;
		// Key presses a person makes, not a held key: each one after the 30 fps window passed.
		await sleep(45 + (index % 5) * 7);
	}
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
	const worstFrameP99 = Math.max(fleetFrame.p99, pipelineFrame.p99);
	return {
		name: NAME,
		clock: 'real',
		setup: {...fleetOptions, pipelines: counts.total, running: counts.running, columns: COLUMNS, rows: ROWS, maxFps: 30},
		figures: {
			fleetFrameMs: fleetFrame,
			pipelineFrameMs: pipelineFrame,
			reactBuild: process.env.NODE_ENV,
			development: {fleetFrameMs: development.fleetFrameMs, pipelineFrameMs: development.pipelineFrameMs},
			liveUpdateToFrameMs: summary(updateTimes),
			keyToRenderMs: summary(keyToRender),
			keyToWriteMs: keyWrite,
			// Updates or key presses that brought no frame within 2 s (counted, left out of the timings).
			framesMissing: missing,
			quietSeconds: {seconds, renders: quiet.renders, writes: quiet.writes},
			idlePollPace: perUpdate(idlePace),
			burst: perUpdate(burst),
		},
		goals: [
			goal('p99 frame, fleet and pipeline, from scratch', '< 16 ms', worstFrameP99, worstFrameP99 < 16, 'ms'),
			goal('key press to frame on the terminal, p99', '< 50 ms', keyWrite.p99, keyWrite.p99 < 50, 'ms'),
		],
	};
}

await runIfMain(import.meta, run);
