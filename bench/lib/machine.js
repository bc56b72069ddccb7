/**
 * What the figures were measured on, and how noisy it was: cores, memory, Node, load, and a
 * probe that times a fixed piece of work several times. Its spread says how much to trust a
 * timing; wall time over CPU time says how often this process waited for a core (other work on
 * the machine), 1.0 meaning never.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cpus, freemem, loadavg, release, totalmem} from 'node:os';
import {ROOT} from './dist.js';
import {percentile, round} from './stats.js';

export function machineInfo() {
	const list = cpus();
	let commit;
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: ROOT, encoding: 'utf8'}).trim();
		const dirty = execFileSync('git', ['status', '--porcelain'], {cwd: ROOT, encoding: 'utf8'}).trim() !== '';
		if (dirty) commit += ' (with uncommitted changes)';
	} catch {
		commit = undefined;
	}
	return {
		cores: list.length,
		cpu: list[0]?.model.trim(),
		memoryGb: round(totalmem() / 1024 ** 3, 1),
		freeMemoryGb: round(freemem() / 1024 ** 3, 1),
		node: process.version,
		os: `${process.platform} ${release()}`,
		commit,
	};
}

/** One unit of fixed work: hashing 4 MB. */
function work() {
	const hash = createHash('sha256');
	const block = Buffer.alloc(64 * 1024, 7);
	for (let index = 0; index < 64; index++) hash.update(block);
	return hash.digest('hex');
}

/** Times the fixed work `runs` times: median, spread (p90 / min) and wall / CPU. */
export function noiseProbe(runs = 25) {
	work();
	const walls = [];
	const ratios = [];
	for (let index = 0; index < runs; index++) {
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		work();
		const wall = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		walls.push(wall);
		ratios.push(wall / Math.max(0.001, (cpu.user + cpu.system) / 1000));
	}
	return {
		loadAverage1m: round(loadavg()[0], 2),
		probeMedianMs: round(percentile(walls, 50), 2),
		probeSpread: round(percentile(walls, 90) / percentile(walls, 0), 2),
		wallOverCpu: round(percentile(ratios, 50), 2),
	};
}
