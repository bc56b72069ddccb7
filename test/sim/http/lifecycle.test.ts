/** stop() must free everything, so a test process or the demo exits the moment it is done. */

import {request} from 'node:http';
import {Agent} from 'node:http';
import {ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {describe, expect, it} from 'vitest';
import {seededRandom, requestIdSequence} from '../../../source/sim/http/prng.js';
import {startSim} from '../../../source/sim/start.js';
import {codePipeline, rawCall} from './helpers/clients.js';
import {DEFAULT_ACCOUNT, TestWorld} from './helpers/test-world.js';

/** Waits for a condition of the running service (real time: the calls are real HTTP). */
async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within 20 s`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

describe('startSim / stop', () => {
	it('closes keep-alive sockets and calls held by a dead region, and stops listening', async () => {
		const sim = await startSim({world: new TestWorld(), faults: {deadRegions: ['eu-west-1']}});
		// A keep-alive connection left idle by the SDK's own agent.
		await codePipeline(sim.url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({}));
		// A call that the dead region holds open.
		const held = codePipeline(sim.url, DEFAULT_ACCOUNT, {region: 'eu-west-1'}).send(new ListPipelinesCommand({}));
		const heldOutcome = held.then(
			() => 'answered',
			(error: Error) => error.name,
		);
		// An idle raw keep-alive socket as well.
		const agent = new Agent({keepAlive: true});
		await new Promise<void>((resolve, reject) => {
			const outgoing = request(`${sim.url}/`, {method: 'GET', agent}, response => {
				response.resume();
				response.on('end', resolve);
			});
			outgoing.on('error', reject);
			outgoing.end();
		});
		await until(() => sim.stats().held === 1, 'the call held by the dead region');

		const started = Date.now();
		await sim.stop();
		// A held call is never answered: stop must not wait for it (it would wait forever).
		expect(Date.now() - started).toBeLessThan(5000);
		expect(await heldOutcome).not.toBe('answered');
		await expect(rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.ListPipelines'})).rejects.toThrow(/ECONNREFUSED/);
		agent.destroy();
		// Stopping twice is harmless.
		await sim.stop();
	});

	it('stops while a latency wait is pending without answering it', async () => {
		const sim = await startSim({world: new TestWorld(), faults: {latencyMs: 10_000}});
		const pending = codePipeline(sim.url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({})).then(
			() => 'answered',
			() => 'failed',
		);
		await until(() => sim.stats().requests === 1, 'the call waiting in its latency');
		const started = Date.now();
		await sim.stop();
		// Far under the 10 s the call would have waited.
		expect(Date.now() - started).toBeLessThan(5000);
		expect(await pending).toBe('failed');
	});

	it('refuses to start on a port in use', async () => {
		const first = await startSim({world: new TestWorld()});
		try {
			await expect(startSim({world: new TestWorld(), port: first.port})).rejects.toThrow(/EADDRINUSE/);
		} finally {
			await first.stop();
		}
	});
});

describe('seeded randomness', () => {
	it('repeats a sequence for a seed and differs between seeds', () => {
		const draw = (seed: number) => Array.from({length: 5}, seededRandom(seed).next);
		expect(draw(1)).toEqual(draw(1));
		expect(draw(1)).not.toEqual(draw(2));
		for (const value of draw(3)) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThan(1);
	});

	it('spreads evenly enough for fault shares', () => {
		const random = seededRandom(12345);
		let below = 0;
		for (let index = 0; index < 10_000; index++) if (random.next() < 0.25) below++;
		expect(below).toBeGreaterThan(2300);
		expect(below).toBeLessThan(2700);
	});

	it('makes request ids that repeat per seed and never collide in a run', () => {
		const ids = requestIdSequence(5);
		const again = requestIdSequence(5);
		const seen = new Set<string>();
		for (let index = 0; index < 1000; index++) {
			const id = ids();
			expect(again()).toBe(id);
			seen.add(id);
		}
		expect(seen.size).toBe(1000);
	});
});
