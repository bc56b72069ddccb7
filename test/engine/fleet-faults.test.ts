/**
 * The engine against the embedded service with faults on: real SDK clients on loopback,
 * virtual time. What an operator would notice: every reachable pipeline shows, the unreachable
 * sources say why, and everything comes back when the fault clears, without a restart.
 */

import {afterEach, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

const STAGING = '318406719254';

function keysOf(harness: FleetHarness, keep: (pipeline: {profile: string; region: string; accountId: string}) => boolean): string[] {
	return harness.world
		.pipelines()
		.filter(keep)
		.map(pipeline => `${pipeline.profile}/${pipeline.region}/${pipeline.name}`)
		.sort();
}

test('with a dead region, a refused account and 5xx blips, every reachable pipeline loads and the rest say why; all recover when faults clear', async () => {
	fleet = await startFleetHarness({scenario: 'demo', faults: {deadRegions: ['ap-southeast-2'], deniedAccounts: [STAGING], serverErrorRate: 0.1}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad, {what: 'first load'});
	const state = harness.state();

	const reachable = keysOf(harness, pipeline => pipeline.region !== 'ap-southeast-2' && pipeline.accountId !== STAGING);
	expect(reachable.length).toBeGreaterThan(25);
	for (const key of reachable) {
		const entry = state.pipelines[key];
		expect(entry, key).toBeDefined();
		expect(entry.fetchedAt, key).toBeDefined();
		expect(entry.attention, key).not.toBe('unknown');
		expect(entry.accountId, key).toMatch(/^\d{12}$/);
		expect(entry.latestExecution?.executionId, key).toBeDefined();
		expect(entry.stages.every(stage => stage.actions.every(action => action.category !== '')), key).toBe(true);
	}

	const dead = state.sources['prod/ap-southeast-2'];
	expect(dead.health).toBe('failed');
	expect(dead.error?.code).toBe('TimeoutError');
	expect(dead.error?.hint).toMatch(/ap-southeast-2/);
	expect(dead.retryAt).toBeGreaterThan(harness.clock.now());
	for (const key of ['staging/us-east-1', 'staging/eu-west-1']) {
		expect(state.sources[key].health).toBe('failed');
		expect(state.sources[key].error?.code).toBe('AccessDeniedException');
		expect(state.sources[key].error?.hint).toMatch(/profile "staging"/);
	}
	for (const key of ['dev/us-east-1', 'dev/us-west-2', 'prod/us-east-1', 'prod/eu-west-1']) expect(['ok', 'stale']).toContain(state.sources[key].health);
	expect(state.counters.errors).toBeGreaterThan(0);

	harness.setFaults({});
	const everything = keysOf(harness, () => true);
	await harness.until(now => Object.values(now.sources).every(source => source.health === 'ok') && everything.every(key => now.pipelines[key]?.fetchedAt !== undefined), {
		what: 'recovery',
		withinMs: 120_000,
	});
	const recovered = harness.state();
	expect(recovered.sources['staging/us-east-1'].error).toBeUndefined();
	expect(recovered.sources['prod/ap-southeast-2'].accountId).toBe('471120983365');
});

test('a source failing at start is retried with growing waits, and reported while it fails', async () => {
	fleet = await startFleetHarness({scenario: 'demo', profiles: ['dev'], faults: {deniedAccounts: ['204815627390']}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const waits: number[] = [];
	let last = harness.state().sources['dev/us-east-1'].retryAt ?? 0;
	for (let index = 0; index < 4; index++) {
		await harness.until(state => (state.sources['dev/us-east-1'].retryAt ?? 0) > last, {withinMs: 400_000});
		const next = harness.state().sources['dev/us-east-1'].retryAt ?? 0;
		waits.push(next - harness.clock.now());
		last = next;
	}
	// Doubling, capped at the idle cycle so an outage never delays recovery by more than one cycle.
	expect(waits).toEqual([10_000, 20_000, 40_000, 60_000]);
	const listCalls = harness.sim.stats().byOperation.ListPipelines ?? 0;
	expect(listCalls).toBeLessThanOrEqual(2 * 6);
});

test('dropped connections and slow blips do not take a source out', async () => {
	fleet = await startFleetHarness({scenario: 'demo', profiles: ['prod']});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	// One call in eight failing. At one in five, five blips in a row (what takes a source out) came
	// by chance in 3 of 12 seeds, and which seed did hung on the order of unrelated calls.
	harness.setFaults({dropRate: 0.1, serverErrorRate: 0.03});
	let failed = false;
	for (let second = 0; second < 120; second += 5) {
		await harness.advance(5000);
		failed ||= Object.values(harness.state().sources).some(source => source.health === 'failed');
	}
	expect(failed).toBe(false);
	expect(harness.sim.stats().dropped).toBeGreaterThan(0);
});
