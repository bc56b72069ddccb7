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

/**
 * Demand on a budget: `burst` calls every `everyMs`, each answered at once, throttled when
 * `refuse` says so at the moment it is answered (whenever it was asked for).
 */
class Demand {
	refuse: () => boolean = () => false;
	constructor(
		readonly budget: RequestBudget,
		readonly clock: VirtualClock,
	) {}

	/** Runs for `seconds`; returns the rate at each second. */
	async run(seconds: number, burst: number, everyMs: number): Promise<number[]> {
		const rates: number[] = [];
		for (let ms = 0; ms < seconds * 1000; ms += 50) {
			if (ms % everyMs === 0) {
				for (let index = 0; index < burst; index++) void this.budget.acquire(1).then(grant => this.budget.release(grant, this.refuse() ? 'throttle' : 'ok'));
			}
			this.clock.advance(50);
			await flush();
			if (ms % 1000 === 0) rates.push(this.budget.snapshot().rate);
		}
		return rates;
	}

	/** Lets every waiting call go (answered ok), without new demand. */
	async drain(): Promise<void> {
		while (this.budget.snapshot().waiting > 0) {
			this.clock.advance(50);
			await flush();
		}
	}
}

/** A service-side token bucket: `perSecond` refill, `burst` deep; take() says whether a call gets through. */
function bucket(clock: VirtualClock, perSecond: number, burst: number): () => boolean {
	let tokens = burst;
	let at = clock.now();
	return () => {
		tokens = Math.min(burst, tokens + ((clock.now() - at) * perSecond) / 1000);
		at = clock.now();
		if (tokens < 1) return false;
		tokens--;
		return true;
	};
}

test('a few calls waiting now and then never take the rate above the ceiling, however long it stays quiet', async () => {
	const clock = new VirtualClock(0);
	const demand = new Demand(new RequestBudget(clock, {maxInFlight: 100}), clock);
	const take = bucket(clock, 10, 10);
	demand.refuse = () => !take();
	// A backlog finds the limit: 40 calls/s asked for.
	await demand.run(30, 2, 50);
	await demand.drain();
	const {ceiling = 0, rate} = demand.budget.snapshot();
	expect(ceiling).toBeGreaterThan(7);
	expect(ceiling).toBeLessThan(12);
	// Bursts of 5 calls every 2 s: each waits on the rate, but nothing keeps it busy for a window.
	const rates = await demand.run(600, 5, 2000);
	expect(Math.max(...rates)).toBeLessThanOrEqual(Math.max(rate, ceiling * 0.95) + 1e-9);
});

test('a lasting backlog probes above the ceiling: a lifted limit is found again', async () => {
	const clock = new VirtualClock(0);
	const demand = new Demand(new RequestBudget(clock, {maxInFlight: 100}), clock);
	const take = bucket(clock, 5, 5);
	demand.refuse = () => !take();
	await demand.run(30, 1, 50);
	expect(demand.budget.snapshot().rate).toBeLessThan(5);
	demand.refuse = () => false;
	const rates = await demand.run(180, 1, 50);
	expect(rates.at(-1)).toBeGreaterThan(8);
});

test('a storm of refusals cuts the rate; once it ends, sustained demand brings it back to where it was, not a trickle', async () => {
	const clock = new VirtualClock(0);
	const demand = new Demand(new RequestBudget(clock, {initialRate: 10, maxRate: 10, maxInFlight: 100}), clock);
	// A steady 10 calls/s, then half of them refused for a minute, whatever the rate.
	await demand.run(60, 1, 100);
	let flip = false;
	demand.refuse = () => (flip = !flip);
	const storm = await demand.run(60, 1, 100);
	expect(storm.at(-1)).toBeLessThan(3);
	// After the storm, the backlog it left (and more demand): back near 10 within two minutes.
	demand.refuse = () => false;
	const rates = await demand.run(120, 1, 50);
	expect(rates.at(-1)).toBeGreaterThan(9);
});
