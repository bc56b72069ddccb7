/**
 * The console mounted as `pipetop` mounts it (Ink, incremental rendering, 30 fps cap) on a
 * memory terminal, on a store served as it is: render.js and large-fleet.js time it. Ink is
 * imported from where the build under test resolves it, so an A/B run (bench/run.js) measures
 * the packages of that build's tree.
 */
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createElement} from 'react';
import {DIST, load} from './dist.js';
import {MemoryStdin, MemoryStdout} from './terminal.js';

const [{render}, {ConsoleApp}, {createConsoleServices}] = await Promise.all([
	import(pathToFileURL(createRequire(join(DIST, 'cli.js')).resolve('ink')).href),
	load(['ui/shell/console-app.js', 'ui/app/console-app.js']),
	load(['ui/shell/create-services.js', 'ui/app/create-services.js']),
]);

/** An engine that serves the store as it is (the console asks it for focus and history: no-ops). */
export function storeOnlyEngine(store) {
	const nothing = async () => undefined;
	return {store, start() {}, stop: nothing, setFocus() {}, refresh() {}, markDirty() {}, loadHistory: nothing, loadActionExecutions: nothing, loadDefinition: nothing, openLog: nothing, closeLog() {}, whenIdle: nothing, sourceOf: key => store.getState().pipelines[key]?.sourceKey};
}

/** Mounts the console on a columns x rows memory terminal; counts Ink renders. */
export function mountConsole(store, now, {columns, rows}) {
	const stdout = new MemoryStdout(columns, rows);
	const stdin = new MemoryStdin();
	const renders = [];
	let nextRender;
	const services = createConsoleServices({engine: storeOnlyEngine(store), now, env: {TERM: 'xterm-256color', LANG: 'C.UTF-8'}, notify: false});
	const instance = render(createElement(ConsoleApp, {services}), {
		stdout,
		stdin,
		stderr: new MemoryStdout(columns, rows),
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

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
/** The promise's value, or undefined after ms (a frame that never comes must not hang the run). */
export const within = (promise, ms) => Promise.race([promise, sleep(ms).then(() => undefined)]);

/** Presses down/up `presses` times as a person would; the times from each press to the next render and write. */
export async function timeKeyPresses(terminal, presses, keys, missingMs = 2000) {
	const toWrite = [];
	const toRender = [];
	let missing = 0;
	for (let index = 0; index < presses; index++) {
		const rendered = terminal.nextRender();
		const written = new Promise(resolve => (terminal.stdout.onWrite = resolve));
		const started = performance.now();
		terminal.stdin.press(index % 20 < 10 ? keys.down : keys.up);
		const renderedAt = await within(rendered, missingMs);
		const writtenAt = await within(written, missingMs);
		if (renderedAt === undefined || writtenAt === undefined) missing++;
		if (renderedAt !== undefined) toRender.push(renderedAt - started);
		if (writtenAt !== undefined) toWrite.push(writtenAt - started);
		terminal.stdout.onWrite = undefined;
		// Key presses a person makes, not a held key: each one after the 30 fps window passed.
		await sleep(45 + (index % 5) * 7);
	}
	return {toWrite, toRender, missing};
}
