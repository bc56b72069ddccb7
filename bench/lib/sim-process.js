/** Starts sim-child.js and gives its stats and controls as promises. */
import {fork} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'sim-child.js');

/**
 * @param {{fleet: object, faults?: object, seed?: number, events?: object}} options fleet: fleetScenario options; events: the scenario's event feed
 * @returns the service's url, AWS files and accounts, and stats()/resetStats()/setFaults()/stop()
 */
export async function startSimProcess(options) {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-bench-sim-'));
	const child = fork(CHILD, [JSON.stringify({...options, dir: join(dir, 'aws')})], {stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execPath: process.execPath});
	let nextId = 1;
	const waiting = new Map();
	const ready = new Promise((resolve, reject) => {
		child.once('exit', code => reject(new Error(`bench: the sim process exited early (${code})`)));
		child.on('message', message => {
			if (message.type === 'ready') resolve(message);
			waiting.get(message.id)?.(message);
			waiting.delete(message.id);
		});
	});
	const ask = (type, extra = {}) =>
		new Promise(resolve => {
			const id = nextId++;
			waiting.set(id, resolve);
			child.send({type, id, ...extra});
		});
	const info = await ready;
	child.removeAllListeners('exit');
	return {
		url: info.url,
		eventsQueueUrl: info.eventsQueueUrl,
		files: info.files,
		accounts: info.accounts,
		pipelines: info.pipelines,
		dir,
		pid: child.pid,
		/** The service's counters, and the CPU time the service itself used. */
		stats: async () => {
			const answer = await ask('stats');
			return {...answer.stats, cpuMs: answer.cpuMs};
		},
		resetStats: () => ask('reset'),
		setFaults: faults => ask('faults', {faults}),
		async stop() {
			if (child.connected) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				await ask('stop');
				await exited;
			}
			await rm(dir, {recursive: true, force: true});
		},
	};
}
