/** Fault injection as clients meet it: throttling, 5xx, drops, dead regions, denial, damage. */

import {ListPipelinesCommand, PutApprovalResultCommand} from '@aws-sdk/client-codepipeline';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {codePipeline} from './helpers/clients.js';
import {DEFAULT_ACCOUNT, PROD_ACCOUNT, TestWorld} from './helpers/test-world.js';

let sim: RunningSim;
let clock: VirtualClock;

beforeEach(async () => {
	clock = new VirtualClock();
	sim = await startSim({world: new TestWorld(), clock, seed: 7});
});

afterEach(async () => {
	await sim.stop();
});

type SdkError = Error & {code?: string; $metadata?: {httpStatusCode?: number}};

async function outcome(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		return (error as SdkError).name;
	}
}

function list(account = DEFAULT_ACCOUNT, region?: string, requestTimeout?: number): Promise<unknown> {
	return codePipeline(sim.url, account, {region, requestTimeout}).send(new ListPipelinesCommand({}));
}

describe('rate limit', () => {
	it('lets a burst through, throttles the excess, and refills as the sim clock moves', async () => {
		sim.setFaults({rateLimit: {perSecond: 2, burst: 3}});
		const burst = [];
		for (let index = 0; index < 4; index++) burst.push(await outcome(list()));
		expect(burst).toEqual(['ok', 'ok', 'ok', 'ThrottlingException']);
		// No time passed: still empty.
		expect(await outcome(list())).toBe('ThrottlingException');
		clock.advance(500);
		expect(await outcome(list())).toBe('ok');
		expect(await outcome(list())).toBe('ThrottlingException');
		clock.advance(10_000);
		const refilled = [];
		for (let index = 0; index < 4; index++) refilled.push(await outcome(list()));
		expect(refilled).toEqual(['ok', 'ok', 'ok', 'ThrottlingException']);
		expect(sim.stats().throttled).toBe(4);
	});

	it('answers "Rate exceeded" with 400, and keeps one bucket per account and region', async () => {
		sim.setFaults({rateLimit: {perSecond: 1}});
		expect(await outcome(list(DEFAULT_ACCOUNT, 'us-east-1'))).toBe('ok');
		try {
			await list(DEFAULT_ACCOUNT, 'us-east-1');
			expect.unreachable();
		} catch (error) {
			expect((error as SdkError).message).toBe('Rate exceeded');
			expect((error as SdkError).$metadata?.httpStatusCode).toBe(400);
		}
		expect(await outcome(list(DEFAULT_ACCOUNT, 'eu-west-1'))).toBe('ok');
		expect(await outcome(list(PROD_ACCOUNT, 'eu-west-1'))).toBe('ok');
	});

	it('starts full again when the faults are replaced, and lifts when they are cleared', async () => {
		sim.setFaults({rateLimit: {perSecond: 1}});
		await list();
		expect(await outcome(list())).toBe('ThrottlingException');
		sim.setFaults({});
		for (let index = 0; index < 5; index++) expect(await outcome(list())).toBe('ok');
	});
});

describe('random faults', () => {
	it('answers about the configured share with 500 InternalFailure or 503 ServiceUnavailable', async () => {
		sim.setFaults({serverErrorRate: 0.3});
		const outcomes: string[] = [];
		for (let index = 0; index < 100; index++) outcomes.push(await outcome(list()));
		const failed = outcomes.filter(name => name !== 'ok');
		expect(failed.length).toBeGreaterThan(15);
		expect(failed.length).toBeLessThan(45);
		expect(new Set(failed)).toEqual(new Set(['InternalFailure', 'ServiceUnavailable']));
		expect(sim.stats().injectedServerErrors).toBe(failed.length);
	});

	it('replays the same faults from the same seed', async () => {
		const run = async (): Promise<string[]> => {
			const other = await startSim({world: new TestWorld(), seed: 99, faults: {serverErrorRate: 0.5}});
			try {
				const outcomes: string[] = [];
				for (let index = 0; index < 20; index++) outcomes.push(await outcome(codePipeline(other.url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({}))));
				return outcomes;
			} finally {
				await other.stop();
			}
		};
		const first = await run();
		expect(first).toContain('ok');
		expect(first.some(name => name !== 'ok')).toBe(true);
		expect(await run()).toEqual(first);
	});

	it('drops the connection without an answer: the SDK sees a network error', async () => {
		sim.setFaults({dropRate: 1});
		try {
			await list();
			expect.unreachable();
		} catch (error) {
			expect((error as SdkError).$metadata?.httpStatusCode).toBeUndefined();
			expect(String((error as SdkError).code ?? (error as Error).message)).toMatch(/ECONNRESET|socket hang up/);
		}
		expect(sim.stats().dropped).toBe(1);
	});

	it('damages answers on purpose: truncated JSON or wrong types', async () => {
		sim.setFaults({malformedRate: 1});
		const outcomes = new Set<string>();
		for (let index = 0; index < 12; index++) {
			try {
				const answer = await codePipeline(sim.url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({}));
				outcomes.add(Array.isArray(answer.pipelines) ? 'intact' : `damaged:${typeof answer.pipelines}`);
			} catch (error) {
				outcomes.add((error as Error).name);
			}
		}
		expect(outcomes.has('intact')).toBe(false);
		expect(outcomes.size).toBeGreaterThan(1);
		expect(sim.stats().malformed).toBe(12);
	});
});

describe('dead regions, denial and latency', () => {
	it('never answers a dead region: the client times out, other regions still answer', async () => {
		sim.setFaults({deadRegions: ['eu-west-1']});
		const started = Date.now();
		expect(await outcome(list(DEFAULT_ACCOUNT, 'eu-west-1', 150))).toBe('TimeoutError');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(await outcome(list(DEFAULT_ACCOUNT, 'us-east-1', 150))).toBe('ok');
		expect(sim.stats().held).toBe(1);
	});

	it('refuses a denied account with AccessDeniedException naming the action', async () => {
		sim.setFaults({deniedAccounts: [PROD_ACCOUNT.accountId]});
		try {
			await codePipeline(sim.url, PROD_ACCOUNT).send(new PutApprovalResultCommand({pipelineName: 'p', stageName: 's', actionName: 'a', token: 't', result: {summary: 'ok', status: 'Approved'}}));
			expect.unreachable();
		} catch (error) {
			expect((error as SdkError).name).toBe('AccessDeniedException');
			expect((error as SdkError).message).toContain('is not authorized to perform: codepipeline:PutApprovalResult');
			expect((error as SdkError).$metadata?.httpStatusCode).toBe(400);
		}
		expect(await outcome(list(DEFAULT_ACCOUNT))).toBe('ok');
		const stats = sim.stats();
		expect(stats.byOperation.PutApprovalResult).toBe(1);
		expect(stats.handledByOperation.PutApprovalResult).toBeUndefined();
		expect(stats.denied).toBe(1);
	});

	it('adds real-time latency', async () => {
		sim.setFaults({latencyMs: 40});
		const started = Date.now();
		expect(await outcome(list())).toBe('ok');
		expect(Date.now() - started).toBeGreaterThanOrEqual(35);
	});

	it('refuses fault options that make no sense', () => {
		expect(() => sim.setFaults({serverErrorRate: 2})).toThrow(RangeError);
		expect(() => sim.setFaults({rateLimit: {perSecond: 0}})).toThrow(RangeError);
	});
});
