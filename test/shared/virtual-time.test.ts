/**
 * The time driver every harness uses (fleet, operator actions, benchmarks): timers fire in due
 * order with the I/O settled between them, and a call that never ends fails with where it hangs
 * instead of giving up silently or waiting forever.
 */
import {describe, expect, test} from 'vitest';
import {VirtualClock} from '../../source/shared/clock.js';
import {virtualTime, type DrivenEngine} from '../../source/shared/virtual-time.js';

function engine(inFlight: Record<string, number>): DrivenEngine {
	return {
		inFlight: source => (source === undefined ? Object.values(inFlight).reduce((a, b) => a + b, 0) : (inFlight[source] ?? 0)),
		whenIdle: () => new Promise(() => undefined),
		sources: Object.keys(inFlight).map(key => ({key, region: key.split('/')[1]})),
	};
}

describe('virtual time', () => {
	test('timers fire in due order, each after the one before has settled', async () => {
		const clock = new VirtualClock(0);
		const fired: number[] = [];
		clock.setTimer(() => fired.push(clock.now()), 300);
		clock.setTimer(() => fired.push(clock.now()), 100);
		const idle: DrivenEngine = {inFlight: () => 0, whenIdle: async () => undefined};
		const time = virtualTime({clock, engines: () => [idle]});
		await time.advance(1000);
		expect(fired).toEqual([100, 300]);
		expect(clock.now()).toBe(1000);
		expect(await time.reach(() => false, {withinMs: 500})).toBeUndefined();
		await expect(time.until(() => false, {withinMs: 500, what: 'the impossible'})).rejects.toThrow('the impossible not reached within 500 ms');
	});

	test('a call that hangs fails the wait and names the source it hangs on', async () => {
		const time = virtualTime({clock: new VirtualClock(0), engines: () => [engine({'ops/eu-west-1': 1, 'ops/us-east-1': 0})], limitMs: 50});
		await expect(time.settle()).rejects.toThrow(/calls still in flight after 50 ms of real time \(ops\/eu-west-1: 1\); a call hangs/);
	});

	test('calls the service holds on purpose (a dead region) are not waited for', async () => {
		const time = virtualTime({clock: new VirtualClock(0), engines: () => [engine({'ops/eu-west-1': 2})], heldRegions: () => new Set(['eu-west-1']), limitMs: 50});
		await expect(time.settle()).resolves.toBeUndefined();
	});
});
