#!/usr/bin/env node
// pipetop needs Node >= 22 (Ink 8, the AWS SDK). Machines here ship Node 20, so the project
// pins Node 22 as a dependency; when started by an older Node, hand over to the pinned one.
// Written in plain JavaScript that Node 20 can still parse.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {heapFlags} from './heap-limits.js';

const major = Number(process.versions.node.split('.')[0]);
const here = dirname(fileURLToPath(import.meta.url));

if (major < 22) {
	const pinned = findPinnedNode();
	if (!pinned) {
		process.stderr.write(`pipetop: needs Node 22 or newer (this is ${process.version}); run "npm install" in the pipetop folder or install Node 22.\n`);
		process.exit(2);
	}
	handOver(pinned);
} else {
	restartWithHeapLimits();
	const entry = join(here, '..', 'dist', 'cli.js');
	if (!existsSync(entry)) {
		process.stderr.write('pipetop: not built yet; run "npm run build" first.\n');
		process.exit(2);
	}
	// React's production build: the development one costs about a quarter of every frame (bench/).
	process.env.NODE_ENV ??= 'production';
	await import(pathToFileURL(entry).href);
}

/**
 * Runs pipetop under the pinned Node and stands in for it: the signals that end a process (kill,
 * timeout(1), a CI cancel, a closed terminal) are passed on, so the real process never outlives
 * this one, and this one ends as the child did (its exit status, or the same signal).
 */
function handOver(pinned) {
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	// The heap limits go on the pinned Node's command line (they can only be set as Node starts).
	const child = spawn(pinned, [...heapFlags(), fileURLToPath(import.meta.url), ...process.argv.slice(2)], {stdio: 'inherit'});
	for (const signal of signals) process.on(signal, () => child.kill(signal));
	child.on('error', error => {
		process.stderr.write(`pipetop: cannot start ${pinned}: ${error.message}\n`);
		process.exit(2);
	});
	child.on('exit', (code, signal) => {
		if (signal) {
			// Die of the same signal, so a shell or CI sees what ended the command.
			for (const each of signals) process.removeAllListeners(each);
			process.kill(process.pid, signal);
			return;
		}
		process.exit(code ?? 1);
	});
}

// Started by Node 22 directly: heap limits can only be set as Node starts, so become a Node
// started with them (execve: the same process, no parent left to forward signals).
function restartWithHeapLimits() {
	// `pipetop --version` and `--help` answer in one line: no heap tuning, and no restart to pay for.
	if (['--version', '--help'].includes(process.argv[2] ?? '')) return;
	const flags = heapFlags();
	if (flags.length === 0 || typeof process.execve !== 'function') return;
	try {
		process.execve(process.execPath, [process.execPath, ...process.execArgv, ...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], process.env);
	} catch {
		// Not on this platform (Windows): V8's defaults then, which cost memory, not correctness.
	}
}

function findPinnedNode() {
	try {
		const require = createRequire(import.meta.url);
		const candidate = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
		return existsSync(candidate) ? candidate : undefined;
	} catch {
		return undefined;
	}
}
