import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import type {Command} from '../../source/app/context.js';
import {freezeCommand, unfreezeCommand} from '../../source/commands/freeze.js';
import {operatorCommand} from '../../source/commands/operator.js';
import type {FreezeRecord} from '../../source/actions/freeze-record.js';
import {flags, REGION, type OperatorSim} from '../actions/helpers/operator-sim.js';
import {ACCOUNTS, PROFILES, startBulkFleet, type Profile} from '../actions/helpers/bulk-fleet.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

function capture() {
	const chunks: string[] = [];
	const stream = {isTTY: false, write: (chunk: string) => chunks.push(chunk) > 0} as unknown as NodeJS.WriteStream;
	return {stream, text: () => chunks.join('')};
}

/** Runs one subcommand in process over every profile of the bulk fleet, as bin/pipetop.js would. */
async function pipetop(make: (options: ReturnType<OperatorSim['commandOptions']>) => Command, overrides: Partial<GlobalFlags> = {}) {
	const sim = harness as OperatorSim;
	const stdout = capture();
	const stderr = capture();
	const context: CommandContext = {args: [], flags: flags({profile: PROFILES.join(','), ...overrides}), stdout: stdout.stream, stderr: stderr.stream, stdin: {isTTY: false} as NodeJS.ReadStream, env: sim.env};
	const code = await sim.drive(make(sim.commandOptions())(context), {maxMs: 900_000, step: 500});
	return {code, stdout: stdout.text(), stderr: stderr.text()};
}

type Transition = {enabled: boolean; disabledReason?: string};
function prodTransition(profile: Profile): Transition | undefined {
	const state = harness!.world.call(profile, REGION, 'GetPipelineState', {name: 'shop'}) as {stageStates: Array<{stageName: string; inboundTransitionState?: Transition}>};
	return state.stageStates.find(stage => stage.stageName === 'Prod')?.inboundTransitionState;
}

async function freezeRecord(): Promise<FreezeRecord | undefined> {
	const text = await readFile(join(harness!.env.XDG_STATE_HOME as string, 'pipetop', 'freeze.json'), 'utf8').catch(() => undefined);
	return text === undefined ? undefined : (JSON.parse(text) as FreezeRecord);
}

describe('headless bulk actions', () => {
	it('approve --filter prints the pre-flight table and sends nothing without --yes; with --yes exits 1 when a target was refused', async () => {
		harness = await startBulkFleet({readOnly: ['charlie']});
		for (const profile of PROFILES) harness.world.startExecution(profile, REGION, 'shop');
		await harness.until(() => PROFILES.every(profile => {
			const state = harness!.world.call(profile, REGION, 'GetPipelineState', {name: 'shop'}) as {stageStates: Array<{stageName: string; actionStates: Array<{latestExecution?: {token?: string}}>}>};
			return state.stageStates.find(stage => stage.stageName === 'Approve')?.actionStates[0].latestExecution?.token !== undefined;
		}), 'approvals waiting');

		const preview = await pipetop(options => operatorCommand('approve', options), {filter: 'shop', summary: 'release 42'});
		expect(preview.code).toBe(0);
		expect(preview.stdout).toContain('approve: 2 targets to send, 1 left out');
		expect(preview.stdout).toMatch(/bravo\s+222222222222\s+eu-west-1\s+shop\s+Approve\/Manual\s+\S+\s+PutApprovalResult Approve\/Manual Approved "release 42"/);
		expect(preview.stdout).toMatch(/charlie\s+333333333333 .*read-only mode/);
		expect(preview.stdout).toContain('Nothing was sent: pass --yes to send.');
		expect(harness.calls('PutApprovalResult')).toBe(0);
		expect(await harness.audit()).toEqual([]);

		harness.sim.setFaults({throttleRate: 1, scope: {accountIds: [ACCOUNTS.bravo], operations: ['PutApprovalResult']}});
		const sent = await pipetop(options => operatorCommand('approve', options), {filter: 'shop', summary: 'release 42', yes: true, json: true});
		expect(sent.code).toBe(1);
		const json = JSON.parse(sent.stdout) as {ok: boolean; targets: Array<{profile: string; outcome: string; errorCode?: string}>};
		expect(json.ok).toBe(false);
		expect(json.targets.map(target => [target.profile, target.outcome, target.errorCode])).toEqual([
			['alpha', 'done', undefined],
			['bravo', 'refused', 'ThrottlingException'],
			['charlie', 'blocked', undefined],
		]);
		expect(harness.calls('PutApprovalResult')).toBe(2);
		expect((await harness.audit()).map(entry => entry.profile)).toEqual(['alpha', 'bravo', 'charlie']);
	});

	it('refuses a PIPELINE beside --filter, before reading anything', async () => {
		harness = await startBulkFleet();
		await expect(pipetop(options => operatorCommand('retry', options), {filter: 'shop', stage: 'Build'})).rejects.toThrow(/--stage names one pipeline's part/);
		expect(harness.sim.stats().requests).toBe(0);
	});
});

describe('freeze and unfreeze', () => {
	it('freeze disables the matching transitions and remembers them; unfreeze enables exactly those, leaving one already disabled untouched', async () => {
		harness = await startBulkFleet({bravoProdDisabled: 'database migration (dba team)'});
		const preview = await pipetop(freezeCommand, {stage: 'prod*', reason: 'INC-123'});
		expect(preview.code).toBe(0);
		expect(preview.stdout).toContain('transition: 2 targets to send, 1 left out');
		expect(preview.stdout).toMatch(/alpha .*DisableStageTransition Prod Inbound "INC-123"/);
		expect(preview.stdout).toMatch(/bravo .*already disabled.*database migration \(dba team\)/);
		expect(harness.calls('DisableStageTransition')).toBe(0);
		expect(await freezeRecord()).toBeUndefined();

		const frozen = await pipetop(freezeCommand, {stage: 'prod*', reason: 'INC-123', yes: true});
		expect(frozen.code).toBe(0);
		expect(frozen.stdout).toContain('2 of 2 targets done, 1 left out');
		expect(harness.calls('DisableStageTransition')).toBe(2);
		expect(prodTransition('alpha')).toMatchObject({enabled: false, disabledReason: 'INC-123'});
		expect(prodTransition('charlie')).toMatchObject({enabled: false, disabledReason: 'INC-123'});
		const record = await freezeRecord();
		expect(record?.frozen.map(entry => [entry.profile, entry.account, entry.stage, entry.reason])).toEqual([
			['alpha', ACCOUNTS.alpha, 'Prod', 'INC-123'],
			['charlie', ACCOUNTS.charlie, 'Prod', 'INC-123'],
		]);
		expect(record?.alreadyDisabled.map(entry => [entry.profile, entry.stage, entry.reason])).toEqual([['bravo', 'Prod', 'database migration (dba team)']]);

		const preview2 = await pipetop(unfreezeCommand, {reason: 'INC-123 resolved'});
		expect(preview2.stdout).toContain('Left alone (disabled by someone else, not by pipetop): 1 transition.');
		expect(preview2.stdout).toMatch(/alpha .*EnableStageTransition Prod Inbound/);
		expect(preview2.stdout).not.toMatch(/bravo .*EnableStageTransition/);
		expect(harness.calls('EnableStageTransition')).toBe(0);

		const thawed = await pipetop(unfreezeCommand, {reason: 'INC-123 resolved', yes: true});
		expect(thawed.code).toBe(0);
		expect(thawed.stdout).toContain('Nothing is frozen by pipetop now.');
		expect(harness.calls('EnableStageTransition')).toBe(2);
		expect(prodTransition('alpha')?.enabled).toBe(true);
		expect(prodTransition('charlie')?.enabled).toBe(true);
		expect(prodTransition('bravo')).toMatchObject({enabled: false, disabledReason: 'database migration (dba team)'});
		const enables = (await harness.audit()).filter(entry => entry.parameters.direction === 'enable');
		expect(enables.map(entry => [entry.profile, entry.outcome, entry.parameters.note])).toEqual([
			['alpha', 'done', 'INC-123 resolved'],
			['charlie', 'done', 'INC-123 resolved'],
		]);
		expect(await freezeRecord()).toEqual({frozen: [], alreadyDisabled: []});
	});
});
