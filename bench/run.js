/**
 * `npm run bench`: runs the six benchmarks one after the other, each in a process of its own,
 * writes bench/results/latest.json and the results section of bench/README.md.
 *
 *   node bench/run.js [--quick] [--only cold-start,render]
 *
 * --quick runs smaller fleets (a smoke run; results go to bench/results/quick.json and the
 * README is left alone). --only runs some benchmarks and keeps the others' last results.
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {machineInfo, noiseProbe} from './lib/machine.js';
import {resultsSection} from './lib/report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['cold-start', 'steady-state', 'render', 'idle', 'startup', 'vs-cli'];
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

function runBench(name, quick, out) {
	return new Promise(resolve => {
		const args = ['--expose-gc', join(HERE, `${name}.js`), '--out', out, ...(quick ? ['--quick'] : [])];
		const child = spawn(process.execPath, args, {stdio: ['ignore', 'inherit', 'inherit']});
		child.on('exit', code => resolve(code));
	});
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

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}, only: {type: 'string'}}});
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
for (const name of BENCHES) {
	if (!only.includes(name)) {
		const kept = previous?.results.find(result => result.name === name);
		if (kept) results.push({...kept, keptFrom: kept.keptFrom ?? previous.date});
		continue;
	}
	process.stderr.write(`\n== ${name}\n`);
	const out = join(HERE, 'results', `${name}.json.tmp`);
	const benchStarted = performance.now();
	const code = await runBench(name, quick, out);
	const wallSeconds = Math.round((performance.now() - benchStarted) / 100) / 10;
	if (code === 0 && existsSync(out)) results.push({...JSON.parse(await readFile(out, 'utf8')), wallSeconds});
	else results.push({name, error: `exited with code ${code}`, wallSeconds});
	await rm(out, {force: true});
}
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
