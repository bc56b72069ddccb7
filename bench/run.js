/**
 * `npm run bench`: runs the eight benchmarks one after the other, each in a process of its own,
 * writes bench/results/latest.json and the results section of bench/README.md.
 *
 *   node bench/run.js [--quick] [--only cold-start,render] [--no-ab]
 *
 * --quick runs smaller fleets (a smoke run; results go to bench/results/quick.json and the
 * README is left alone). --only runs some benchmarks and keeps the others' last results.
 *
 * A/B: the benchmarks in lib/ab.js (render, startup, idle) also run on the previous build
 * (lib/pristine-tree.js: the dependencies as published, the launcher without heap limits),
 * alternating with this one in the same run, so both see the same machine; their result is this
 * build's median round, with each figure's median on both sides and the ratio. --no-ab skips it.
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {heapFlags} from '../bin/heap-limits.js';
import {abSummary, AB} from './lib/ab.js';
import {machineInfo, noiseProbe} from './lib/machine.js';
import {pristineTree} from './lib/pristine-tree.js';
import {resultsSection} from './lib/report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['cold-start', 'steady-state', 'render', 'idle', 'startup', 'vs-cli', 'large-fleet', 'feed'];
// large-fleet runs with the heap limits the launcher gives the console (it is about fitting in them).
const NODE_FLAGS = {'large-fleet': heapFlags({execArgv: [], nodeOptions: ''})};
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

function runBench(name, quick, out, {env = {}, args: extra = []} = {}) {
	return new Promise(resolve => {
		const args = [...(NODE_FLAGS[name] ?? []), '--expose-gc', join(HERE, `${name}.js`), '--out', out, ...(quick ? ['--quick'] : []), ...extra];
		const child = spawn(process.execPath, args, {stdio: ['ignore', 'inherit', 'inherit'], env: {...process.env, ...env}});
		child.on('exit', code => resolve(code));
	});
}

/** Runs one benchmark once; its result (with wallSeconds) or {name, error}. */
async function runOnce(name, quick, options) {
	const out = join(HERE, 'results', `${name}.json.tmp`);
	const started = performance.now();
	const code = await runBench(name, quick, out, options);
	const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
	const result = code === 0 && existsSync(out) ? {...JSON.parse(await readFile(out, 'utf8')), wallSeconds} : {name, error: `exited with code ${code}`, wallSeconds};
	await rm(out, {force: true});
	return result;
}

/** Previous build, this build, alternately, `rounds` times; this build's median round with the A/B figures. */
async function runAb(name, quick, tree) {
	const {rounds, previousArgs = []} = AB[name];
	const previous = [];
	const current = [];
	for (let round = 0; round < (quick ? 1 : rounds); round++) {
		process.stderr.write(`\n== ${name} (previous build, round ${round + 1})\n`);
		previous.push(await runOnce(name, quick, {env: {PIPETOP_BENCH_DIST: tree.dist, PIPETOP_BENCH_BIN: join(tree.dir, 'bin', 'pipetop.js')}, args: previousArgs}));
		process.stderr.write(`\n== ${name} (this build, round ${round + 1})\n`);
		current.push(await runOnce(name, quick));
	}
	return abSummary(name, previous, current);
}

async function updateReadme(document) {
	const path = join(HERE, 'README.md');
	const text = await readFile(path, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start < 0 || end < start) throw new Error(`bench/README.md has no ${START} ... ${END} section`);
	await writeFile(path, `${text.slice(0, start + START.length)}\n${resultsSection(document)}\n${text.slice(end)}`);
}

async function writeAtomic(path, text) {
	await writeFile(`${path}.tmp`, text);
	await rename(`${path}.tmp`, path);
}

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}, only: {type: 'string'}, 'no-ab': {type: 'boolean', default: false}}});
const quick = values.quick;
const only = values.only ? values.only.split(',').map(name => name.trim()) : BENCHES;
for (const name of only) if (!BENCHES.includes(name)) throw new Error(`unknown benchmark "${name}" (have: ${BENCHES.join(', ')})`);

await mkdir(join(HERE, 'results'), {recursive: true});
const resultsPath = join(HERE, 'results', quick ? 'quick.json' : 'latest.json');
const previous = existsSync(resultsPath) ? JSON.parse(await readFile(resultsPath, 'utf8')) : undefined;
const machine = machineInfo();
const before = noiseProbe();
const started = performance.now();
const results = [];
const tree = !values['no-ab'] && only.some(name => AB[name]) ? await pristineTree() : undefined;
for (const name of BENCHES) {
	if (!only.includes(name)) {
		const kept = previous?.results.find(result => result.name === name);
		if (kept) results.push({...kept, keptFrom: kept.keptFrom ?? previous.date});
		continue;
	}
	if (tree && AB[name]) {
		results.push(await runAb(name, quick, tree));
		continue;
	}
	process.stderr.write(`\n== ${name}\n`);
	results.push(await runOnce(name, quick));
}
await tree?.close();
const document = {
	date: new Date().toISOString(),
	quick,
	machine,
	noise: {before, after: noiseProbe()},
	totalSeconds: Math.round((performance.now() - started) / 1000),
	results,
};
await writeAtomic(resultsPath, `${JSON.stringify(document, null, 2)}\n`);
if (!quick) await updateReadme(document);
process.stderr.write(`\nwrote ${resultsPath}${quick ? '' : ' and bench/README.md'} in ${document.totalSeconds} s\n`);
const missed = results.flatMap(result => (result.goals ?? []).filter(goal => !goal.met).map(goal => `${result.name}: ${goal.what}`));
const failed = results.filter(result => result.error).map(result => result.name);
if (missed.length > 0) process.stderr.write(`goals missed:\n  ${missed.join('\n  ')}\n`);
// Missed goals are findings, not failures; a benchmark that could not run is.
process.exitCode = failed.length > 0 ? 1 : 0;
