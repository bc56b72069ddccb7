/**
 * `pipetop sim --faults JSON|FILE` (issue 18): bad input says what is wrong on one line and exits
 * 2 before anything listens; good input is what the service runs with.
 */

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {simCommand, type WorldModule} from '../../source/sim/cli.js';
import {TestWorld} from './http/helpers/test-world.js';

const worldModule: WorldModule = {
	loadScenario: async () => ({accounts: [], pipelines: []}),
	createWorld: () => Object.assign(new TestWorld(), {stop: () => undefined}),
};

let dir = '';
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pipetop-sim-faults-'));
	await writeFile(join(dir, 'good.json'), '{"hangRate": 0.25, "scope": {"operations": ["PutApprovalResult"]}}');
	await writeFile(join(dir, 'bad.json'), '{"dropRate": }');
});
afterAll(() => rm(dir, {recursive: true, force: true}));

async function run(argv: string[], onLine?: (line: string, stop: () => void) => void) {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const controller = new AbortController();
	const code = await simCommand(argv, {
		stdout: line => {
			stdout.push(line);
			onLine?.(line, () => controller.abort());
		},
		stderr: line => stderr.push(line),
		signal: controller.signal,
		worldModule,
	});
	return {code, stdout, stderr};
}

describe('pipetop sim --faults', () => {
	it.each([
		['{"hangRate": 1', /^pipetop sim: --faults: not JSON: /],
		['{"hangrate": 1}', /^pipetop sim: --faults: unknown fault "hangrate" \(did you mean "hangRate"\?\); known: latencyMs, rateLimit, /],
		['{"scope": {"operation": ["X"]}}', /^pipetop sim: --faults: unknown fault "operation" in scope \(did you mean|; known: accountIds, regions, operations$/],
		['{"deadRegions": "eu-west-1"}', /^pipetop sim: --faults: deadRegions must be a list of strings$/],
		['{"throttleRate": "half"}', /^pipetop sim: --faults: throttleRate must be a number from 0 to 1$/],
		['{"serverErrorRate": 3}', /^pipetop sim: --faults: serverErrorRate must be between 0 and 1, got 3$/],
		['[1, 2]', /^pipetop sim: --faults: faults must be a JSON object/],
		['no-such-file.json', /^pipetop sim: --faults: cannot read no-such-file\.json \(ENOENT\): give a JSON object or the path of a file holding one$/],
	])('refuses %s with exit 2 and one line, nothing listening', async (faults, message) => {
		const result = await run(['--faults', faults]);
		expect(result.code).toBe(2);
		expect(result.stdout).toEqual([]);
		expect(result.stderr).toHaveLength(1);
		expect(result.stderr[0]).toMatch(message);
	});

	it('names the file when the file holds bad JSON', async () => {
		const result = await run(['--faults', join(dir, 'bad.json')]);
		expect(result.code).toBe(2);
		expect(result.stderr[0]).toMatch(/--faults: .*bad\.json: not JSON: /);
	});

	it('runs with the faults of a file, which the admin endpoint then shows', async () => {
		let faults: unknown;
		const result = await run(['--faults', join(dir, 'good.json'), '--admin-port', '0'], (line, stop) => {
			const admin = /^admin on (\S+)/.exec(line)?.[1];
			if (!admin) return;
			void fetch(`${admin}/faults`)
				.then(response => response.json())
				.then(json => (faults = json))
				.finally(stop);
		});
		expect(result.code).toBe(0);
		expect(faults).toEqual({hangRate: 0.25, scope: {operations: ['PutApprovalResult']}});
	});

	it('says the admin SSO routes need SSO profiles when there are none', async () => {
		let answer: unknown;
		await run(['--admin-port', '0'], (line, stop) => {
			const admin = /^admin on (\S+)/.exec(line)?.[1];
			if (!admin) return;
			void fetch(`${admin}/sso/expire`, {method: 'POST'})
				.then(async response => (answer = {status: response.status, ...((await response.json()) as object)}))
				.finally(stop);
		});
		expect(answer).toEqual({status: 409, message: expect.stringMatching(/serves no SSO profiles: start it with --aws-dir DIR --sso-profiles NAMES --sso-home DIR/)});
	});
});
