/**
 * Headless actions under heavy throttling (issue 18, item 6): every call refused with
 * ThrottlingException, so the command can never find its pipeline. It says on stderr what it
 * waits for once the wait passes a few seconds, and gives up at --timeout with exit status 4,
 * nothing sent. In virtual time: the throttled retries run on the injected clock.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import {operatorCommand} from '../../source/commands/operator.js';
import type {HeadlessCommand} from '../../source/commands/operator-args.js';
import {flags, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';

let harness: OperatorSim;

beforeAll(async () => {
	harness = await startOperatorSim({faults: {throttleRate: 1}});
});

afterAll(async () => {
	await harness?.stop();
});

async function run(name: HeadlessCommand, args: string[], overrides: Partial<GlobalFlags>): Promise<{code: number; stdout: string; stderr: string}> {
	let stdout = '';
	let stderr = '';
	const stream = (append: (chunk: string) => void) => ({isTTY: false, write: (chunk: string) => (append(chunk), true)}) as unknown as NodeJS.WriteStream;
	const context: CommandContext = {
		args,
		flags: flags({yes: true, ...overrides}),
		stdout: stream(chunk => (stdout += chunk)),
		stderr: stream(chunk => (stderr += chunk)),
		stdin: {isTTY: false} as NodeJS.ReadStream,
		env: harness.env,
	};
	const code = await harness.drive(operatorCommand(name, harness.commandOptions())(context), {maxMs: 600_000, step: 1000});
	return {code, stdout, stderr};
}

test('stop under a throttling storm: progress on stderr, then it gives up at --timeout with exit 4, nothing sent', async () => {
	const result = await run('stop', ['slow'], {timeout: 30});
	expect(result.code).toBe(4);
	const lines = result.stderr.trimEnd().split('\n');
	expect(lines[0]).toMatch(/^pipetop: stop: still waiting after 5 s: finding pipeline slow and reading its state \(\d+ calls throttled so far\) \(gives up after 30 s, --timeout\)$/);
	expect(lines.filter(line => line.includes('still waiting'))).toHaveLength(3);
	expect(lines.at(-1)).toBe('pipetop: stop: gave up after 30 s (--timeout) while finding pipeline slow and reading its state: nothing was sent to AWS');
	expect(harness.calls('StopPipelineExecution')).toBe(0);
});

test('retry --json: the timeout is one JSON object on stdout; the default limit is five minutes', async () => {
	const result = await run('retry', ['broken'], {stage: 'Build', json: true});
	expect(result.code).toBe(4);
	expect(JSON.parse(result.stdout)).toEqual({ok: false, command: 'retry', outcome: 'timeout', exitCode: 4, message: expect.stringMatching(/^retry: gave up after 300 s \(--timeout\) while finding pipeline broken/)});
	expect(result.stderr).toMatch(/still waiting after 295 s/);
	expect(harness.calls('RetryStageExecution')).toBe(0);
});

test('a --timeout that is not a number of seconds is a usage error before anything is read', async () => {
	await expect(run('stop', ['slow'], {timeout: 0})).rejects.toThrow(/--timeout wants a number of seconds from 1 to 86400, not 0/);
});
