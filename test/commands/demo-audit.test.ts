/**
 * `--demo` acts on the embedded service with made-up accounts and a profile called prod: its
 * actions must never land in the real audit log, and each says it was the demo.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, expect, test} from 'vitest';
import type {CommandContext} from '../../source/app/context.js';
import {operatorCommand} from '../../source/commands/operator.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

let home = '';
afterEach(async () => {
	if (home) await rm(home, {recursive: true, force: true});
});

test('pipetop start --demo writes to audit-demo.jsonl, marked demo, and never to audit.jsonl', async () => {
	home = await mkdtemp(join(tmpdir(), 'pipetop-demo-audit-'));
	const state = join(home, 'state');
	const out = new PassThrough();
	let text = '';
	out.on('data', (chunk: Buffer) => {
		text += chunk.toString('utf8');
	});
	const context: CommandContext = {
		args: ['orders-api-prod'],
		flags: {...DEFAULT_FLAGS, demo: true, yes: true, notify: false},
		stdout: out as unknown as NodeJS.WriteStream,
		stderr: out as unknown as NodeJS.WriteStream,
		stdin: process.stdin,
		env: {PATH: process.env.PATH, HOME: home, XDG_STATE_HOME: state, XDG_CONFIG_HOME: join(home, 'config')},
	};
	const code = await operatorCommand('start')(context);
	expect(code, text).toBe(0);
	await expect(readFile(join(state, 'pipetop', 'audit.jsonl'), 'utf8')).rejects.toThrow(/ENOENT/);
	const lines = (await readFile(join(state, 'pipetop', 'audit-demo.jsonl'), 'utf8')).trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	expect(lines).toEqual([expect.objectContaining({demo: true, profile: 'prod', pipeline: 'orders-api-prod', action: 'start', outcome: 'done'})]);
}, 60_000);
