/**
 * 7. A 20,000-pipeline store, under the heap limits bin/pipetop.js sets (run.js starts this
 * benchmark with the launcher's own flags for that fleet size): the console still mounts, answers
 * key presses and paints frames, and how much memory it holds. The store is the render
 * benchmark's 2,000 pipelines as the real engine wrote them, ten times over under other names
 * (loading 20,000 through the engine would take this machine minutes and measure the engine,
 * which idle.js and cold-start.js do).
 */
import './lib/as-shipped.js';
import {getHeapStatistics} from 'node:v8';
import {load} from './lib/dist.js';
import {timeBothFrames} from './lib/frames.js';
import {heapAfterGc} from './lib/gc.js';
import {mountConsole, timeKeyPresses} from './lib/live-console.js';
import {loadedStore} from './lib/loaded-store.js';
import {goal, log, runIfMain} from './lib/main.js';
import {round, summary} from './lib/stats.js';
import {KEYS} from './lib/terminal.js';

const {createFleetStore} = await load('store/create.js');

const NAME = 'large-fleet';
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The state with every pipeline `copies` times, each copy under a name of its own, in the same order. */
export function replicated(state, copies) {
	const pipelines = {};
	const order = [];
	for (const key of state.order) {
		for (let copy = 0; copy < copies; copy++) {
			const entry = state.pipelines[key];
			const copyKey = copy === 0 ? key : `${key}-${copy}`;
			// A deep copy: each copy holds its own memory, as a pipeline the engine loaded would.
			pipelines[copyKey] = copy === 0 ? entry : {...structuredClone(entry), key: copyKey, name: `${entry.name}-${copy}`};
			order.push(copyKey);
		}
	}
	const counts = Object.fromEntries(Object.entries(state.counts).map(([kind, count]) => [kind, count * copies]));
	return {...state, pipelines, order, counts, histories: {}, logs: {}};
}

export async function run({quick = false} = {}) {
	const fleetOptions = quick ? {accounts: 2, regions: 2, perSource: 50} : {accounts: 4, regions: 5, perSource: 100};
	const copies = 10;
	const loaded = await loadedStore(fleetOptions);
	const store = createFleetStore(replicated(loaded.store.getState(), copies));
	loaded.store.setState({pipelines: {}, order: []});
	const pipelines = store.getState().order.length;
	const startedReal = Date.now();
	const now = () => loaded.now + (Date.now() - startedReal);
	log(NAME, `store: ${pipelines} pipelines; heap limit ${round(getHeapStatistics().heap_size_limit / 1048576, 0)} MB`);

	const key = store.getState().order[0];
	const frames = timeBothFrames(store, key, {count: quick ? 10 : 20, columns: 200, rows: 50, now});
	const terminal = mountConsole(store, now, {columns: 200, rows: 50});
	await sleep(500);
	const pressed = await timeKeyPresses(terminal, quick ? 10 : 30, KEYS);
	terminal.unmount();
	const heapMb = heapAfterGc();
	const memory = process.memoryUsage();
	const heap = getHeapStatistics();
	const keyToWrite = summary(pressed.toWrite);
	log(NAME, `key->write p99 ${keyToWrite.p99} ms; heap ${round(heapMb, 1)} MB after GC, RSS ${round(memory.rss / 1048576, 1)} MB`);
	return {
		name: NAME,
		clock: 'real',
		setup: {...fleetOptions, copies, pipelines, columns: 200, rows: 50, execArgv: process.execArgv.filter(flag => flag.startsWith('--max-') || flag.startsWith('--heap'))},
		figures: {
			fleetFrameMs: frames.fleetFrameMs,
			pipelineFrameMs: frames.pipelineFrameMs,
			keyToWriteMs: keyToWrite,
			framesMissing: pressed.missing,
			heapAfterGcMb: round(heapMb, 1),
			heapLimitMb: round(heap.heap_size_limit / 1048576, 0),
			rssMb: round(memory.rss / 1048576, 1),
			liveKbPerPipeline: round((heapMb * 1024) / pipelines, 1),
		},
		goals: [goal(`${pipelines} pipelines: every key press painted, within the heap limit`, 'no frame missing', pressed.missing, pressed.missing === 0, 'missing')],
	};
}

await runIfMain(import.meta, run);
