/**
 * The launcher starts the console with V8 heap settings of its own (bin/heap-limits.js), whether
 * Node 22 runs bin/pipetop.js directly (it re-executes itself in place: the same process) or
 * Node 20 hands over to the pinned Node 22; heap flags the user gives win. Observed from inside
 * the console's process: a module preloaded through NODE_OPTIONS writes each process's pid, flags
 * and V8 heap limit as it starts.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {heapFlags} from '../../bin/heap-limits.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pipetop.js');
const SYSTEM_NODE = '/usr/bin/node';
const GB = 1024 ** 3;

type Start = {pid: number; node: string; execArgv: string[]; limitMb: number};

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'pipetop-heap-'));
	await writeFile(
		join(scratch, 'probe.mjs'),
		`import {appendFileSync} from 'node:fs';\nimport v8 from 'node:v8';\nappendFileSync(process.env.PROBE_OUT, JSON.stringify({pid: process.pid, node: process.version, execArgv: process.execArgv, limitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)}) + '\\n');\n`,
	);
});
afterAll(async () => {
	if (scratch) await rm(scratch, {recursive: true, force: true});
});

/** Runs `NODE [FLAGS] bin/pipetop.js ARGS` (default `status --help`: quick, and heap-tuned like any real command); every Node process it started, in order. */
async function starts(node: string, flags: string[] = [], name = 'run', args = ['status', '--help']): Promise<Start[]> {
	const out = join(scratch, `${name}.jsonl`);
	const {stdout} = await run(node, [...flags, BIN, ...args], {env: {...process.env, PROBE_OUT: out, NODE_OPTIONS: `--import=${join(scratch, 'probe.mjs')}`}});
	expect(stdout).toMatch(args[0] === '--version' ? /^\d+\.\d+\.\d+\n$/ : /pipetop status/);
	return (await readFile(out, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as Start);
}

describe('heap limits', () => {
	test('a generous old-generation ceiling, tight growth and small semi-spaces; the user\'s own flags win', () => {
		expect(heapFlags({execArgv: [], nodeOptions: '', memoryBytes: 24 * GB})).toEqual(['--max-old-space-size=4096', '--max-semi-space-size=1', '--heap-growing-percent=20']);
		expect(heapFlags({execArgv: [], nodeOptions: '', memoryBytes: 2 * GB})[0]).toBe('--max-old-space-size=1024');
		expect(heapFlags({execArgv: ['--max-old-space-size=300'], nodeOptions: '', memoryBytes: 24 * GB})).toEqual([]);
		expect(heapFlags({execArgv: [], nodeOptions: '--max-semi-space-size=4', memoryBytes: 24 * GB})).toEqual([]);
	});

	test('started by Node 22 directly, the console runs in the same process with the limits', async () => {
		const seen = await starts(process.execPath, [], 'direct');
		expect(seen).toHaveLength(2);
		expect(seen[1].pid).toBe(seen[0].pid);
		expect(seen[1].execArgv).toEqual(heapFlags({execArgv: [], nodeOptions: ''}));
		// V8's limit is the old generation's plus the young one's few MB.
		const ceiling = Number(/=(\d+)/.exec(heapFlags()[0])![1]);
		expect(seen[1].limitMb).toBeGreaterThanOrEqual(ceiling);
		expect(seen[1].limitMb).toBeLessThan(ceiling + 64);
	});

	test.skipIf(!existsSync(SYSTEM_NODE))('handed over from an older Node, the pinned Node 22 gets the limits', async () => {
		const seen = await starts(SYSTEM_NODE, [], 'handover');
		const last = seen.at(-1)!;
		expect(last.node).toMatch(/^v2[2-9]\./);
		expect(last.execArgv).toEqual(heapFlags({execArgv: [], nodeOptions: ''}));
	});

	test('pipetop --version answers at once: no restart to pay for', async () => {
		const seen = await starts(process.execPath, [], 'version', ['--version']);
		expect(seen).toHaveLength(1);
	});

	test('a heap flag given to node is kept and nothing is restarted', async () => {
		const seen = await starts(process.execPath, ['--max-old-space-size=300'], 'own');
		expect(seen).toHaveLength(1);
		expect(seen[0].execArgv).toEqual(['--max-old-space-size=300']);
		expect(seen[0].limitMb).toBeLessThan(400);
	});
});
