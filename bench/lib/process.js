/**
 * Whole processes as a user runs them: under a pseudo-terminal (util-linux `script`) of a fixed
 * size, with their CPU time and memory read from /proc.
 */
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {ROOT} from './dist.js';

/** PIPETOP_BENCH_BIN: another tree's launcher (bench/run.js's A/B runs the previous build's). */
export const BIN = process.env.PIPETOP_BENCH_BIN ?? join(ROOT, 'bin', 'pipetop.js');
const TICKS_PER_SECOND = 100;

/** Quotes for sh -c. */
export function shellQuote(value) {
	return `'${String(value).replaceAll("'", "'\\''")}'`;
}

/**
 * The environment of a pipetop run: no CI flag (Ink would not draw frames), no inherited AWS
 * settings, a private HOME and config dir.
 */
export function cleanEnv(extra) {
	const env = {PATH: process.env.PATH, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...extra};
	return env;
}

/**
 * Starts `node bin/pipetop.js ARGS` under a pty of columns x rows. onOutput gets every chunk
 * the program writes to its terminal. Returns the `script` child (its stdin is the keyboard).
 */
export function spawnInPty(args, {columns = 200, rows = 50, env, onOutput}) {
	const command = `stty cols ${columns} rows ${rows}; exec ${shellQuote(process.execPath)} ${[BIN, ...args].map(shellQuote).join(' ')}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'pipe']});
	child.stdout.on('data', chunk => onOutput?.(chunk.toString('utf8')));
	child.stderr.resume();
	// A key sent after the program quit lands on a closed pipe: nothing to report.
	child.stdin.on('error', () => undefined);
	return child;
}

function childrenOf(pid) {
	const out = [];
	try {
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (text) out.push(...text.split(/\s+/).map(Number));
		}
	} catch {
		// Gone already.
	}
	return out;
}

/**
 * The pipetop process under `script`: the deepest process whose command line names pipetop
 * (the shell `exec`s node, so the pid stays the same once the program runs, which then sets its
 * title: its command line reads "pipetop"). The deepest, because the launcher hands over to a
 * Node of its own (heap limits, the pinned Node 22): that child is the console.
 */
export function findPipetop(pid) {
	let found;
	const queue = [pid];
	while (queue.length > 0) {
		for (const child of childrenOf(queue.shift())) {
			try {
				if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('pipetop')) found = child;
			} catch {
				continue;
			}
			queue.push(child);
		}
	}
	return found;
}

/** CPU seconds (user + system) a process used so far. */
export function cpuSeconds(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces) start after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory now and at its peak, in MB. */
export function memoryMb(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = name => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
}

/**
 * Resolves with the exit code, or kills the process after ms: `script` and, since a killed
 * `script` leaves its program running on, the program under it too.
 */
export function exited(child, ms = 10_000) {
	return new Promise(resolve => {
		if (child.exitCode !== null) return resolve(child.exitCode);
		const timer = setTimeout(() => {
			const program = findPipetop(child.pid);
			if (program) process.kill(program, 'SIGKILL');
			child.kill('SIGKILL');
		}, ms);
		child.once('exit', code => {
			clearTimeout(timer);
			resolve(code);
		});
	});
}
