/**
 * Read-only follows the account (issue 18, item 4): with `readOnlyProfiles: ["ops"]`, a second
 * profile with the same keys must not be a way around it, nor may any profile act on an account
 * in `readOnlyAccounts`; `readOnlyFollowsAccount: false` keeps the rule to the profile's name.
 * Headless, with --yes so nothing asks; the proof is counted at the service.
 */

import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import {operatorCommand} from '../../source/commands/operator.js';
import type {HeadlessCommand} from '../../source/commands/operator-args.js';
import type {PipetopConfig} from '../../source/config/types.js';
import {ACCOUNT, flags, PROFILE, REGION, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';
import {addProfileAlias} from '../helpers/profile-alias.js';

const ALIAS = 'ops-alias';
let harness: OperatorSim;

beforeAll(async () => {
	harness = await startOperatorSim();
	await addProfileAlias({configFile: harness.env.AWS_CONFIG_FILE!, credentialsFile: harness.env.AWS_SHARED_CREDENTIALS_FILE!} as Parameters<typeof addProfileAlias>[0], PROFILE, ALIAS);
	harness.world.startExecution(PROFILE, REGION, 'slow');
});

afterAll(async () => {
	await harness?.stop();
});

async function run(name: HeadlessCommand, args: string[], overrides: Partial<GlobalFlags>, config: PipetopConfig): Promise<{code: number; out: string; sent: number}> {
	const home = join(harness.dir, `cfg-${Math.random().toString(36).slice(2, 8)}`);
	await mkdir(join(home, 'pipetop'), {recursive: true});
	await writeFile(join(home, 'pipetop', 'config.json'), JSON.stringify(config));
	let out = '';
	const stream = {isTTY: false, write: (chunk: string) => (out += chunk).length > 0} as unknown as NodeJS.WriteStream;
	const context: CommandContext = {args, flags: flags({yes: true, ...overrides}), stdout: stream, stderr: stream, stdin: {isTTY: false} as NodeJS.ReadStream, env: {...harness.env, XDG_CONFIG_HOME: home}};
	const before = harness.calls('StopPipelineExecution') + harness.calls('EnableStageTransition');
	const code = await harness.drive(operatorCommand(name, harness.commandOptions())(context), {maxMs: 120_000, step: 500});
	return {code, out, sent: harness.calls('StopPipelineExecution') + harness.calls('EnableStageTransition') - before};
}

test('readOnlyProfiles ["ops"]: stop --yes --profile ops-alias (same keys, same account) is refused, nothing sent', async () => {
	const outcome = await run('stop', ['slow'], {profile: ALIAS, reason: 'via the alias'}, {readOnlyProfiles: [PROFILE]});
	expect(outcome.code).not.toBe(0);
	expect(outcome.out).toMatch(/profile ops-alias reaches the account of read-only profile ops \(the same access key\)/);
	expect(outcome.sent).toBe(0);
});

test('readOnlyAccounts: any profile of that account is refused, nothing sent', async () => {
	for (const profile of [PROFILE, ALIAS]) {
		const outcome = await run('stop', ['slow'], {profile, abandon: true}, {readOnlyAccounts: [ACCOUNT]});
		expect(outcome.code, profile).not.toBe(0);
		expect(outcome.out).toContain(`account ${ACCOUNT} is read-only`);
		expect(outcome.sent).toBe(0);
	}
});

test('readOnlyFollowsAccount: false keeps the rule to the name: the alias may act, ops may not', async () => {
	const config = {readOnlyProfiles: [PROFILE], readOnlyFollowsAccount: false};
	const refused = await run('transition', ['gate'], {profile: PROFILE, stage: 'Deploy', enable: true}, config);
	expect(refused.out).toMatch(/read-only/);
	expect(refused.sent).toBe(0);
	const allowed = await run('transition', ['gate'], {profile: ALIAS, stage: 'Deploy', enable: true}, config);
	expect(allowed.code, allowed.out).toBe(0);
	expect(allowed.sent).toBe(1);
});
