/**
 * Renders a fixed list of frames and prints them as JSON, through whichever module tree the
 * given dist/ sits in: test/perf/patched-output.test.ts runs it once on the project's build (Ink
 * and string-width as patched by patches/) and once on a copy whose node_modules hold the
 * packages as published, and compares the bytes.
 *
 *   node test/perf/render-frames.mjs DIST_DIR STATE_FILE
 *
 * The frames: the console's views (fleet, pipeline, history, logs, definition, sources, help,
 * action dialogs, prompts) at several sizes, from a store the real engine wrote; then Ink trees
 * that reach the edges the patches take care of (wide characters cut by a clip, lines sharing a
 * row, transformers, text that wraps, marks and emoji). Everything is rendered twice more, the
 * second time in reverse order, because the patched caches live from frame to frame.
 */
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

process.env.NODE_ENV ??= 'production';
const [dist, stateFile] = process.argv.slice(2);
const fromDist = createRequire(join(dist, 'cli.js'));
// A module at its path now or at an earlier one (the console's files move: ui/app -> ui/shell).
const load = (...paths) => import(pathToFileURL(paths.map(path => join(dist, path)).find(file => existsSync(file)) ?? join(dist, paths[0])).href);
const [ink, {createElement: h}, {createFleetStore}, {ConsoleApp}, {createConsoleServices}, {createUiStore, initialUiState, initialScroll}] = await Promise.all([
	import(pathToFileURL(fromDist.resolve('ink')).href),
	import(pathToFileURL(fromDist.resolve('react')).href),
	load('store/create.js'),
	load('ui/shell/console-app.js', 'ui/app/console-app.js'),
	load('ui/shell/create-services.js', 'ui/app/create-services.js'),
	load('ui/model/ui-store.js', 'ui/state/ui-store.js'),
]);
const {createActionLayer} = await load('actions/create.js');
const {Box, Text, renderToString} = ink;

const saved = JSON.parse(await readFile(stateFile, 'utf8'));
const store = createFleetStore(saved.state);
const now = () => saved.now;
const nothing = async () => undefined;
const engine = {store, start() {}, stop: nothing, setFocus() {}, refresh() {}, markDirty() {}, loadHistory: nothing, loadActionExecutions: nothing, loadDefinition: nothing, openLog: nothing, closeLog() {}, whenIdle: nothing, sourceOf: key => store.getState().pipelines[key]?.sourceKey};

// Dialogs read the action layer; no frame here sends anything (no API, no audit log).
const clock = {now, setTimer: () => undefined, clearTimer() {}};
const actionLayer = createActionLayer({engine, config: {}, readOnly: () => false, apiFor: () => undefined}, {via: 'console', clock, env: {}, audit: {append: nothing}});

function consoleFrame({stack, columns, rows, ...ui}) {
	const services = createConsoleServices({engine, now, env: {TERM: 'xterm-256color', LANG: 'C.UTF-8'}, notify: false, actionLayer, ui: createUiStore({...initialUiState(), ...ui, stack})});
	return renderToString(h(ConsoleApp, {services, size: {columns, rows}}), {columns});
}

const fleet = {kind: 'fleet', ...initialScroll};
const {keys, logKey, buildId, stageName, actionName} = saved.pick;
const views = [];
for (const key of keys) {
	views.push({stack: [fleet, {kind: 'pipeline', key, ...initialScroll}]});
	views.push({stack: [fleet, {kind: 'pipeline', key, ...initialScroll}], modal: {command: 'retry', pipelineKey: key, stageName}});
}
views.push(
	{stack: [fleet]},
	{stack: [{kind: 'fleet', cursor: {index: 7}, offset: 3}]},
	{stack: [fleet], filter: 'prod'},
	{stack: [fleet], prompt: {mode: 'filter', text: 'orders'}},
	{stack: [fleet], prompt: {mode: 'command', text: 'sources'}},
	{stack: [fleet], message: {text: 'Approved: ✓ ‖ › ● done', kind: 'info', at: saved.now}},
	{stack: [fleet, {kind: 'help', of: 'fleet', ...initialScroll}]},
	{stack: [fleet, {kind: 'sources', ...initialScroll}]},
	{stack: [fleet, {kind: 'history', key: keys[0], ...initialScroll}]},
	{stack: [fleet, {kind: 'definition', key: keys[0], ...initialScroll}]},
	{stack: [fleet, {kind: 'pipeline', key: logKey, ...initialScroll}, {kind: 'logs', key: logKey, stageName, actionName, buildId, follow: true, ...initialScroll}]},
	{stack: [fleet, {kind: 'pipeline', key: logKey, ...initialScroll}, {kind: 'logs', key: logKey, stageName, actionName, buildId, follow: false, search: 'Phase', ...initialScroll}]},
	{stack: [fleet], modal: {command: 'start', pipelineKey: keys[0]}},
	{stack: [fleet], modal: {command: 'approve', pipelineKey: keys[1] ?? keys[0], stageName, actionName}},
);
const sizes = [
	{columns: 200, rows: 50},
	{columns: 120, rows: 30},
	{columns: 80, rows: 24},
	{columns: 50, rows: 16},
];

// Ink trees at the edges of the patched code: none of pipetop's views has to reach them.
const edges = columns => [
	h(Box, {flexDirection: 'column'}, h(Text, {color: 'green'}, 'one line at column 0 ✓ ● ‖ ›'), h(Text, {}, 'plain ascii'), h(Text, {bold: true}, ''), h(Text, {}, 'trailing spaces   ')),
	h(Box, {}, h(Text, {}, 'left '), h(Text, {color: 'red'}, 'right ● red'), h(Text, {inverse: true}, ' end ')),
	h(Box, {width: 12, overflow: 'hidden'}, h(Text, {wrap: 'truncate'}, '中文字符和全角文字超过宽度')),
	h(Box, {width: 11, overflowX: 'hidden'}, h(Box, {marginLeft: -1, flexShrink: 0}, h(Text, {}, '中文字符和全角'))),
	h(Box, {width: 20}, h(Text, {}, 'wraps over several lines: ✓ done, ‖ paused, › next, 한국어, é, e\u0301, 👍🏽, 🇩🇪, ﾊﾟ')),
	h(Box, {flexDirection: 'column', height: 3, overflow: 'hidden'}, h(Text, {}, 'a\nb\nc\nd\ne')),
	h(Box, {}, h(Text, {color: 'cyan'}, 'multi\nline\ntext'), h(Text, {}, ' beside\nit')),
	h(Box, {borderStyle: 'round', width: Math.min(columns, 40)}, h(Text, {backgroundColor: 'blue'}, 'boxed ─│ ✓')),
	h(Box, {paddingLeft: 3}, h(Text, {}, 'indented by padding')),
	h(Box, {flexDirection: 'column'}, h(Text, {}, 'row shared'), h(Box, {marginTop: -1, marginLeft: 4}, h(Text, {color: 'yellow'}, 'over'))),
	h(Text, {}, h(Text, {color: 'red'}, 'nested '), h(Text, {underline: true}, 'texts'), '\u001B[1m raw sgr \u001B[22m', '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007', '\u0007bell\ttab'),
	h(ink.Transform, {transform: (line, index) => `${index}:${line.toUpperCase()}`}, h(Text, {}, 'transformed\nlines ✓')),
];

const frames = [];
const renderAll = reverse => {
	const jobs = [];
	for (const size of sizes) {
		for (const view of views) jobs.push(() => consoleFrame({...view, ...size}));
		for (const element of edges(size.columns)) jobs.push(() => renderToString(element, {columns: size.columns}));
	}
	if (reverse) jobs.reverse();
	for (const job of jobs) frames.push(job());
};
renderAll(false);
renderAll(false);
renderAll(true);
process.stdout.write(JSON.stringify(frames));
