/**
 * Nobody let in, nothing let out:
 * - the secret keys of every test profile (and SSO role credentials) never appear in anything
 *   pipetop writes: console frames, raw terminal writes, status text and JSON, operator command
 *   output, the audit log, error messages in the store; also not when a profile's secret is
 *   wrong, or a credential_process prints one back half-formed;
 * - the embedded service listens on loopback by default and refuses unsigned and wrongly
 *   signed calls before anything reaches its world.
 */

import {readFile} from 'node:fs/promises';
import {connect} from 'node:net';
import {networkInterfaces} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {CommandContext} from '../../source/app/context.js';
import {operatorCommand} from '../../source/commands/operator.js';
import {runStatus} from '../../source/commands/status.js';
import {VirtualClock} from '../../source/shared/clock.js';
import {startSim} from '../../source/sim/start.js';
import {createWorld} from '../../source/sim/world/index.js';
import {flags, PROFILE, REGION, startOperatorSim, type OperatorSim} from '../actions/helpers/operator-sim.js';
import {startFleetHarness} from '../helpers/fleet-harness.js';
import {openConsole} from '../ui/open-console.js';
import {livelyScenario} from './helpers/fleets.js';

/** Every secret the test fleet has: account secrets and any SSO role credentials issued. */
function secretsOf(sim: {world: {accounts(): Array<{secretAccessKey: string}>}; sso: {signingAccounts(): Array<{secretAccessKey: string}>}}): string[] {
	return [...sim.world.accounts(), ...sim.sso.signingAccounts()].map(account => account.secretAccessKey);
}

function expectNoSecret(where: string, text: string, secrets: string[]): void {
	for (const secret of secrets) {
		expect(text.includes(secret), `${where} holds a secret`).toBe(false);
		// Also no long piece of one (a secret cut short in a message is still a leak).
		expect(text.includes(secret.slice(0, 16)), `${where} holds part of a secret`).toBe(false);
	}
}

describe('secrets never leave', () => {
	let harness: OperatorSim;
	const outputs: Array<[string, string]> = [];

	beforeAll(async () => {
		harness = await startOperatorSim();
		harness.world.startExecution(PROFILE, REGION, 'gate');
		harness.world.startExecution(PROFILE, REGION, 'broken');
	});

	afterAll(async () => {
		await harness?.stop();
	});

	function context(args: string[], overrides: Parameters<typeof flags>[0] = {}, env = harness.env): {context: CommandContext; text: () => string} {
		let out = '';
		const stream = {isTTY: false, write: (chunk: string) => (out += chunk).length > 0} as unknown as NodeJS.WriteStream;
		return {context: {args, flags: flags(overrides), stdout: stream, stderr: stream, stdin: {isTTY: false} as NodeJS.ReadStream, env}, text: () => out};
	}

	test('status (text and JSON), operator commands that work, fail and are refused, the audit log', async () => {
		for (const json of [false, true]) {
			const {context: ctx, text} = context([], {json});
			await harness.drive(runStatus(ctx, harness.commandOptions()), {maxMs: 300_000, step: 500});
			outputs.push([`status json=${json}`, text()]);
		}
		await harness.until(() => {
			const state = harness.world.call(PROFILE, REGION, 'GetPipelineState', {name: 'gate'}) as {stageStates: Array<{actionStates: Array<{latestExecution?: {token?: string}}>}>};
			return state.stageStates.some(stage => stage.actionStates.some(action => action.latestExecution?.token));
		}, 'an approval');
		const runs: Array<[Parameters<typeof operatorCommand>[0], string[], Parameters<typeof flags>[0]]> = [
			['approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'ok', yes: true}],
			['approve', ['gate'], {stage: 'Approve', action: 'Manual', summary: 'again', yes: true}],
			['retry', ['gate'], {stage: 'Build', yes: true, json: true}],
			['stop', ['gate'], {yes: true, readOnly: true}],
		];
		for (const [name, args, overrides] of runs) {
			const {context: ctx, text} = context(args, overrides);
			await harness.drive(operatorCommand(name, harness.commandOptions())(ctx), {maxMs: 120_000, step: 500});
			outputs.push([`${name} ${JSON.stringify(overrides)}`, text()]);
		}
		// Denied keys: every call refused, the refusal explained.
		harness.sim.setFaults({deniedAccounts: [harness.world.account(PROFILE).accountId]});
		{
			const {context: ctx, text} = context([], {json: true});
			await harness.drive(runStatus(ctx, harness.commandOptions()), {maxMs: 300_000, step: 500});
			outputs.push(['status while denied', text()]);
			const {context: act, text: actText} = context(['gate'], {yes: true});
			await harness.drive(operatorCommand('start', harness.commandOptions())(act), {maxMs: 120_000, step: 500}).catch((error: unknown) => outputs.push(['start error', String(error)]));
			outputs.push(['start while denied', actText()]);
		}
		harness.sim.setFaults({});
		outputs.push(['audit log', await readFile(harness.auditPath, 'utf8')]);
		expect(outputs.find(([where]) => where === 'audit log')?.[1]).toMatch(/"action":"approve"/);
		expect(outputs.find(([where]) => where === 'status json=true')?.[1]).toMatch(/"pipelines": \[/);
		expect(outputs.find(([where]) => where === 'status while denied')?.[1]).toMatch(/AccessDeniedException/);
		for (const [where, text] of outputs) expectNoSecret(where, text, secretsOf(harness.sim));
	});

	test('a profile with a wrong secret: the signature error is explained, the wrong secret is not repeated', async () => {
		const credentials = await readFile(harness.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8');
		const real = harness.world.account(PROFILE).secretAccessKey;
		const wrong = `${real.slice(0, 20)}WRONGWRONGWRONGWRONG`;
		const path = join(harness.dir, 'wrong-credentials');
		await import('node:fs/promises').then(fs => fs.writeFile(path, credentials.replace(real, wrong)));
		const {context: ctx, text} = context([], {json: true}, {...harness.env, AWS_SHARED_CREDENTIALS_FILE: path});
		await harness.drive(runStatus(ctx, harness.commandOptions()), {maxMs: 300_000, step: 500});
		expect(text()).toMatch(/InvalidSignatureException/);
		expectNoSecret('status with a wrong secret', text(), [...secretsOf(harness.sim), wrong]);
	});
});

test('the console, through faults and a refused account: no secret in any frame or raw write, nor in the store', async () => {
	const fleet = await startFleetHarness({scenario: livelyScenario(), seed: 53});
	try {
		await fleet.until(state => !state.initialLoad);
		const console_ = openConsole(fleet, {columns: 200, rows: 40});
		let everything = '';
		const write = console_.terminal.stdout.write;
		console_.terminal.stdout.write = ((chunk: string, ...rest: unknown[]) => {
			everything += chunk;
			return write(chunk, ...(rest as [never, never]));
		}) as typeof write;
		await console_.settle(0);
		for (const faults of [{deniedAccounts: ['222222222222']}, {malformedRate: 1}, {serverErrorRate: 1}, {}]) {
			fleet.setFaults(faults);
			await console_.settle(30_000);
			await console_.terminal.press('enter', 'e', 'enter', 'l', 'esc', 'd', 'esc', 'esc', 'esc', '?', 'esc', 'j');
		}
		console_.close();
		const secrets = secretsOf(fleet.sim);
		expectNoSecret('console frames', everything, secrets);
		expectNoSecret('raw writes', console_.raw.join(''), secrets);
		expectNoSecret('stderr', console_.terminal.stderr.writes.join(''), secrets);
		expectNoSecret('store', JSON.stringify(fleet.state()), secrets);
	} finally {
		await fleet.close();
	}
});

describe('the embedded service', () => {
	test('listens on loopback by default: not reachable on any other address of this machine', async () => {
		const clock = new VirtualClock();
		const world = createWorld({scenario: livelyScenario({perSource: 1}), clock});
		const sim = await startSim({world, clock});
		try {
			expect(new URL(sim.url).hostname).toBe('127.0.0.1');
			const others = Object.values(networkInterfaces())
				.flat()
				.filter(address => address && !address.internal && address.family === 'IPv4')
				.map(address => address!.address);
			for (const address of others) {
				const outcome = await new Promise<string>(resolve => {
					const socket = connect({host: address, port: sim.port});
					socket.once('connect', () => {
						socket.destroy();
						resolve('connected');
					});
					socket.once('error', error => resolve((error as NodeJS.ErrnoException).code ?? 'error'));
				});
				expect(outcome, address).not.toBe('connected');
			}
		} finally {
			await sim.stop();
			world.stop();
		}
	});

	test('refuses unsigned and wrongly signed calls before they reach the world', async () => {
		const clock = new VirtualClock();
		const world = createWorld({scenario: livelyScenario({perSource: 1}), clock});
		const sim = await startSim({world, clock});
		try {
			const target = {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CodePipeline_20150709.PutApprovalResult'};
			const unsigned = await fetch(sim.url, {method: 'POST', headers: target, body: '{}'});
			expect(unsigned.status).toBe(400);
			expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
			const account = world.accounts()[0];
			const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
			const forged = await fetch(sim.url, {
				method: 'POST',
				headers: {
					...target,
					'x-amz-date': date,
					authorization: `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/${date.slice(0, 8)}/us-east-1/codepipeline/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
				},
				body: '{}',
			});
			expect(forged.status).toBe(400);
			expect(forged.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
			expect(sim.stats().handledByOperation).toEqual({});
		} finally {
			await sim.stop();
			world.stop();
		}
	});
});
