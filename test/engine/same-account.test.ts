/**
 * Two profiles of one account (a read-only and an admin role, as SSO users have): the real
 * engine on the embedded service lists each pipeline once, reads it through one profile, the
 * one that may act, and the other takes over while the reader fails.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {buildStatusDocument} from '../../source/commands/status-snapshot.js';
import {standByFor} from '../../source/engine/same-account.js';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {ALPHA, livelyScenario} from '../resilience/helpers/fleets.js';

describe('which source reads an account and region', () => {
	const reader = (key: string, patch: Partial<Parameters<typeof standByFor>[0][number]> = {}) => ({key, region: 'us-east-1', account: '1', readOnly: false, failed: false, ...patch});

	test('the first that has not failed reads, preferring one that may act; the others stand by for it', () => {
		const result = standByFor([reader('ro/us-east-1', {readOnly: true}), reader('admin/us-east-1'), reader('other/us-east-1', {account: '2'})]);
		expect(Object.fromEntries(result)).toEqual({'ro/us-east-1': 'admin/us-east-1', 'admin/us-east-1': undefined, 'other/us-east-1': undefined});
	});

	test('a failed reader hands over and keeps probing; with all failed, all probe; unknown accounts and other regions stay apart', () => {
		expect(standByFor([reader('a/us-east-1', {failed: true}), reader('b/us-east-1')]).get('a/us-east-1')).toBeUndefined();
		expect(standByFor([reader('a/us-east-1', {failed: true}), reader('b/us-east-1', {failed: true})]).get('b/us-east-1')).toBeUndefined();
		expect(standByFor([reader('a/us-east-1', {account: undefined}), reader('b/us-east-1', {account: undefined})]).get('b/us-east-1')).toBeUndefined();
		expect(standByFor([reader('a/us-east-1'), reader('a/eu-west-1', {region: 'eu-west-1'})]).get('a/eu-west-1')).toBeUndefined();
	});
});

describe('an admin and a read-only profile of one account, on the engine', () => {
	let fleet: FleetHarness;
	const polls: TraceEvent[] = [];

	beforeAll(async () => {
		fleet = await startFleetHarness({
			scenario: livelyScenario({perSource: 2}),
			seed: 5,
			aliases: {'alpha-ro': 'alpha'},
			// The read-only profile first: the one that may act reads all the same.
			profiles: ['alpha-ro', 'alpha', 'beta'],
			readOnlyProfiles: ['alpha-ro'],
			engine: {trace: event => polls.push(event)},
		});
		await fleet.until(state => !state.initialLoad && Object.values(state.sources).every(source => source.health === 'ok'));
		await fleet.advance(5000);
	});

	afterAll(async () => {
		await fleet?.close();
	});

	test('each pipeline is listed once, through the profile that may act; the other says which source reads for it', async () => {
		const state = fleet.state();
		const keys = Object.keys(state.pipelines);
		expect(keys).toHaveLength(6);
		expect(keys.filter(key => key.startsWith('alpha-ro/'))).toEqual([]);
		expect(keys.filter(key => key.startsWith('alpha/'))).toHaveLength(4);
		expect(state.counts.total).toBe(6);
		for (const region of ALPHA.regions) {
			expect(state.sources[`alpha-ro/${region}`]).toMatchObject({sameAs: `alpha/${region}`, pipelineCount: 0, readOnly: true});
			expect(state.sources[`alpha/${region}`].sameAs).toBeUndefined();
		}
		const document = buildStatusDocument(state, fleet.clock.now(), true);
		expect(document.sources.find(source => source.key === 'alpha-ro/us-east-1')?.sameAs).toBe('alpha/us-east-1');
		expect(document.sources.find(source => source.key === 'alpha/us-east-1')?.sameAs).toBeNull();
	});

	test('the standing-by profile makes no call while the other reads', async () => {
		const from = fleet.clock.now();
		const before = fleet.sim.stats().requests;
		await fleet.advance(10 * 60_000);
		const recent = polls.filter(event => event.at >= from && event.phase === 'start');
		expect(recent.filter(event => event.source.startsWith('alpha/')).length).toBeGreaterThan(0);
		expect(recent.filter(event => event.source.startsWith('alpha-ro/'))).toEqual([]);
		expect(fleet.sim.stats().requests).toBeGreaterThan(before);
		expect(Object.keys(fleet.state().pipelines).filter(key => key.startsWith('alpha-ro/'))).toEqual([]);
	});

	test('while the reader fails the other reads again; when it is back, one reads again', async () => {
		fleet.setFaults({deniedAccounts: [ALPHA.accountId]});
		await fleet.until(state => state.sources['alpha/us-east-1'].health === 'failed', {what: 'alpha failing'});
		// The stand-by was asked to read (a source standing by never fails): with the same keys it fails too.
		await fleet.until(state => state.sources['alpha-ro/us-east-1'].health === 'failed', {what: 'alpha-ro reading and failing'});
		expect(fleet.state().sources['alpha-ro/us-east-1'].sameAs).toBeUndefined();

		fleet.setFaults({});
		await fleet.until(
			state => state.sources['alpha/us-east-1'].health === 'ok' && state.sources['alpha-ro/us-east-1'].sameAs === 'alpha/us-east-1',
			{withinMs: 5 * 60_000, what: 'alpha reading again, alpha-ro standing by'},
		);
		const keys = Object.keys(fleet.state().pipelines);
		expect(keys.filter(key => key.startsWith('alpha-ro/'))).toEqual([]);
		expect(keys).toHaveLength(6);
	});
});
