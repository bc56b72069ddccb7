import {expect, test} from 'vitest';
import {RequestBudget, type Grant} from '../../source/engine/budget.js';
import {VirtualClock} from '../../source/shared/clock.js';

async function flush(): Promise<void> {
	for (let index = 0; index < 5; index++) await Promise.resolve();
}

test('calls are spaced 1/rate apart, not let through in a burst', async () => {
	const clock = new VirtualClock(0);
	const budget = new RequestBudget(clock, {initialRate: 5, maxInFlight: 100});
	const granted: number[] = [];
	for (let index = 0; index < 5; index++) void budget.acquire(1).then(grant => granted.push(grant.startedAt));
	await flush();
	for (let step = 0; step < 10; step++) {
		clock.advance(100);
		await flush();
	}
	expect(granted).toEqual([0, 200, 400, 600, 800]);
});

test('lower priority numbers go first; a cap limits calls in flight', async () => {
	const clock = new VirtualClock(0);
	const budget = new RequestBudget(clock, {initialRate: 1000, maxInFlight: 1});
	const order: string[] = [];
	const first = await budget.acquire(3);
	for (const [name, priority] of [['idle', 4], ['user', 0], ['focus', 1]] as const) void budget.acquire(priority).then(grant => order.push(name) && grant);
	clock.advance(10);
	await flush();
	expect(order).toEqual([]);
	const release = async (grant: Grant) => {
		budget.release(grant, 'ok');
		clock.advance(10);
		await flush();
	};
	await release(first);
	expect(order).toEqual(['user']);
});

test('a throttle sets the ceiling to what the service accepted; the rate holds under it, then probes above', async () => {
	const clock = new VirtualClock(0);
	const budget = new RequestBudget(clock, {initialRate: 10, maxInFlight: 100, maxRate: 10});
	let throttleNext = 0;
	const held: Grant[] = [];
	let running = true;
	const loop = async () => {
		while (running) {
			const grant = await budget.acquire(1);
			if (throttleNext > 0) {
				throttleNext--;
				held.push(grant);
			} else budget.release(grant, 'ok');
		}
	};
	void loop();
	void loop();
	const run = async (ms: number) => {
		for (let step = 0; step < ms / 50; step++) {
			clock.advance(50);
			await flush();
		}
	};
	await run(5000);
	// Two calls go out and both come back throttled: one cut.
	throttleNext = 2;
	await run(200);
	for (const grant of held) budget.release(grant, 'throttle');
	const cut = budget.snapshot();
	expect(cut.ceiling).toBeCloseTo(10, 0);
	expect(cut.rate).toBeCloseTo(8.5, 0);
	expect(cut.slowStart).toBe(false);

	// Back to 95% of the ceiling within seconds, and held there...
	const rates: number[] = [];
	for (let second = 0; second < 70; second++) {
		await run(1000);
		rates.push(budget.snapshot().rate);
	}
	running = false;
	expect(rates[9]).toBeCloseTo(9.5, 1);
	expect(Math.max(...rates.slice(0, 44))).toBeLessThanOrEqual(9.5 + 1e-9);
	// ...and above it once it stayed quiet long enough.
	expect(rates[69]).toBeGreaterThan(9.8);
});

test('an idle source does not drift to a rate it never tested', async () => {
	const clock = new VirtualClock(0);
	const budget = new RequestBudget(clock, {initialRate: 5});
	for (let index = 0; index < 50; index++) {
		const grant = await budget.acquire(1);
		budget.release(grant, 'ok');
		clock.advance(1000);
	}
	expect(budget.snapshot().rate).toBe(5);
});
