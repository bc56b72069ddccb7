/**
 * The patches in patches/ (Ink's output pass, string-width) are for speed only: the terminal
 * must get the same bytes. Frames of every view, from a store the real engine wrote against the
 * embedded service, and Ink trees at the patched code's edges, rendered by the built console
 * through the installed (patched) packages and through a copy of them as published
 * (bench/lib/pristine-tree.js), must be identical, byte for byte.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {pristineTree, ROOT, type PristineTree} from '../../bench/lib/pristine-tree.js';

const run = promisify(execFile);
const DIST = join(ROOT, 'dist');

let tree: PristineTree;
let fleet: FleetHarness;
let scratch: string;
let stateFile: string;

/** Pipelines of each kind the fleet shows, one with a CodeBuild log loaded, history and definition loaded. */
async function writeState(): Promise<void> {
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	await fleet.advance(4 * 60_000);
	const state = fleet.state();
	const entries = state.order.map(key => state.pipelines[key]);
	const keys = ['failed', 'approval', 'running', 'idle'].flatMap(kind => entries.filter(entry => entry.attention === kind).slice(0, 2).map(entry => entry.key));
	const build = entries.flatMap(entry => entry.stages.flatMap(stage => stage.actions.filter(action => action.externalExecutionId && action.provider === 'CodeBuild').map(action => ({entry, stage, action}))))[0];
	expect(build, 'the demo has a CodeBuild action with a build').toBeDefined();
	const buildId = build.action.externalExecutionId!;
	// The engine's reads wait for the source's request budget, in virtual time: move it on meanwhile.
	const loads = Promise.all([fleet.engine.openLog(build.entry.key, buildId, {follow: false}), fleet.engine.loadHistory(keys[0]), fleet.engine.loadDefinition(keys[0])]);
	await fleet.advance(5000);
	await loads;
	expect(fleet.state().logs[buildId]?.lines.length ?? 0).toBeGreaterThan(5);
	const pick = {keys, logKey: build.entry.key, buildId, stageName: build.stage.name, actionName: build.action.name};
	await writeFile(stateFile, JSON.stringify({now: fleet.clock.now(), state: fleet.state(), pick}));
}

beforeAll(async () => {
	if (!existsSync(join(DIST, 'ui', 'frame.js'))) throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
	scratch = await mkdtemp(join(tmpdir(), 'pipetop-patched-output-'));
	stateFile = join(scratch, 'state.json');
	[tree] = await Promise.all([pristineTree(), writeState()]);
}, 120_000);

afterAll(async () => {
	await fleet?.close();
	await tree?.close();
	if (scratch) await rm(scratch, {recursive: true, force: true});
});

async function framesThrough(dist: string): Promise<string[]> {
	const {stdout} = await run(process.execPath, [join(import.meta.dirname, 'render-frames.mjs'), dist, stateFile], {maxBuffer: 1 << 28, env: {...process.env, NODE_ENV: 'production'}});
	return JSON.parse(stdout) as string[];
}

async function widthsThrough(tree_: string): Promise<number[]> {
	const {stdout} = await run(process.execPath, [join(import.meta.dirname, 'string-widths.mjs'), join(tree_, 'node_modules', 'string-width', 'index.js')], {maxBuffer: 1 << 26});
	return JSON.parse(stdout) as number[];
}

async function lineUpdatesThrough(tree_: string): Promise<string[]> {
	const {stdout} = await run(process.execPath, [join(import.meta.dirname, 'line-updates.mjs'), join(tree_, 'node_modules', 'ink', 'build', 'line-update.js')], {maxBuffer: 1 << 28});
	return JSON.parse(stdout) as string[];
}

/** The first index where two lists differ, with both values, or undefined. */
function firstDifference<T>(a: T[], b: T[]): {index: number; patched: T; published: T} | undefined {
	for (let index = 0; index < Math.max(a.length, b.length); index++) if (a[index] !== b[index]) return {index, patched: a[index], published: b[index]};
	return undefined;
}

describe('patched dependencies', () => {
	test('the pristine copy really is unpatched, and the installed one patched', async () => {
		for (const path of ['ink/build/output.js', 'ink/build/line-update.js', 'ink/build/ink.js', 'ink/build/render-node-to-output.js', 'ink/build/sanitize-ansi.js', 'string-width/index.js']) {
			const [installed, pristine] = await Promise.all([readFile(join(ROOT, 'node_modules', path), 'utf8'), readFile(join(tree.dir, 'node_modules', path), 'utf8')]);
			expect(installed, `${path} as installed`).toContain('pipetop patch');
			expect(pristine, `${path} as published`).not.toContain('pipetop patch');
		}
	});

	test('every view and edge case renders byte for byte as with the published packages', async () => {
		const [patched, published] = await Promise.all([framesThrough(DIST), framesThrough(tree.dist)]);
		expect(published.length).toBeGreaterThan(300);
		const joined = published.join('\n');
		for (const seen of ['Build log', 'History', 'Retry', '中文', '✓']) expect(joined).toContain(seen);
		expect(firstDifference(patched, published)).toBeUndefined();
	}, 180_000);

	test('string-width gives every BMP character, alone and among neighbours, the published width', async () => {
		const [patched, published] = await Promise.all([widthsThrough(ROOT), widthsThrough(tree.dir)]);
		expect(published.length).toBe(0x10000 * 6);
		expect(firstDifference(patched, published)).toBeUndefined();
	}, 180_000);

	test('a changed line is rewritten on the terminal with the published bytes', async () => {
		const [patched, published] = await Promise.all([lineUpdatesThrough(ROOT), lineUpdatesThrough(tree.dir)]);
		expect(published.length).toBe((20_000 + 240) * 4);
		// Most pairs keep a prefix on screen (a cursor move, not a whole line): the shortcut is exercised.
		expect(published.filter(write => !write.startsWith('\u001B[G') && !write.startsWith('\u001B[1G')).length).toBeGreaterThan(10_000);
		expect(firstDifference(patched, published)).toBeUndefined();
	}, 180_000);
});
