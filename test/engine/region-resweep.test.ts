/**
 * `--region all` sweeps again on the discovery cadence, in virtual time: a region that gets its
 * first pipeline later is shown with it within one discovery interval, one that empties is
 * counted among the regions without pipelines again, and a region the account has not enabled
 * is asked once per interval (each source's own budget), not once a minute like a failed source.
 */

import {afterEach, expect, test} from 'vitest';
import {bootstrap, type Bootstrapped} from '../../source/app/bootstrap.js';
import {partitionRegions} from '../../source/aws/index.js';
import {DEFAULT_INTERVALS} from '../../source/engine/defaults.js';
import {shownSources, sourceStanding, sweptCounts} from '../../source/store/source-standing.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {ALPHA, REGIONS_SCENARIO, twoStagePipeline} from '../helpers/regions-scenario.js';

let fleet: FleetHarness | undefined;
let app: Bootstrapped | undefined;
afterEach(async () => {
	await app?.close();
	await fleet?.close();
	app = fleet = undefined;
});

/** `pipetop --region all --all-profiles` on the harness's clock, through the app's own bootstrap. */
async function startAllRegions(): Promise<{fleet: FleetHarness; app: Bootstrapped}> {
	fleet = await startFleetHarness({scenario: REGIONS_SCENARIO, start: false});
	const {context} = fleet.commandContext([], {allProfiles: true, region: 'all'});
	app = await bootstrap(context, {clock: fleet.clock, engine: {flushIntervalMs: 0}});
	fleet.track(app.engine);
	app.engine.start();
	const engine = app.engine;
	await fleet.until(() => !engine.store.getState().initialLoad, {what: 'the first load'});
	return {fleet, app};
}

const DISCOVERY = DEFAULT_INTERVALS.discovery;

test('a region that gets its first pipeline later appears; when it empties again it is counted with the empty ones', async () => {
	const {fleet, app} = await startAllRegions();
	const state = () => app.engine.store.getState();
	const shown = () => shownSources(state()).map(source => source.key);
	const alphaEmpty = () => sweptCounts(state()).find(counts => counts.profile === 'alpha')?.empty;
	expect(shown()).toEqual(['alpha/eu-west-1', 'alpha/us-east-1', 'beta/ap-southeast-3', 'beta/eu-west-1']);
	expect(sourceStanding(state(), 'alpha/ap-south-1')).toBe('empty');
	expect(alphaEmpty()).toBe(15);

	const created = fleet.clock.now();
	fleet.world.call(ALPHA.profile, 'ap-south-1', 'CreatePipeline', twoStagePipeline(ALPHA.accountId, 'checkout-mumbai') as Record<string, unknown>);
	await fleet.until(() => state().pipelines['alpha/ap-south-1/checkout-mumbai']?.fetchedAt !== undefined, {what: 'the new region on screen', withinMs: DISCOVERY + 60_000});
	// Within one discovery interval (and its jitter), with no restart.
	expect(fleet.clock.now() - created).toBeLessThanOrEqual(DISCOVERY + 30_000);
	expect(shown()).toContain('alpha/ap-south-1');
	expect(sourceStanding(state(), 'alpha/ap-south-1')).toBe('shown');
	expect(alphaEmpty()).toBe(14);

	fleet.world.call(ALPHA.profile, 'ap-south-1', 'DeletePipeline', {name: 'checkout-mumbai'});
	await fleet.until(() => sourceStanding(state(), 'alpha/ap-south-1') === 'empty', {what: 'the region counted empty again', withinMs: DISCOVERY + 60_000});
	expect(shown()).not.toContain('alpha/ap-south-1');
	expect(alphaEmpty()).toBe(15);
	expect(state().pipelines['alpha/ap-south-1/checkout-mumbai']).toBeUndefined();
});

test('every region is listed again once per discovery interval, the ones not enabled too, and none is a failure', async () => {
	const {fleet, app} = await startAllRegions();
	const regions = (await partitionRegions('us-east-1')).length;
	const listings = () => fleet.sim.stats().byOperation.ListPipelines ?? 0;
	const before = listings();
	const intervals = 4;
	await fleet.advance(intervals * DISCOVERY);
	const sweeps = (listings() - before) / (2 * regions);
	// Every region of both profiles, once per interval (give or take the one in progress): not once
	// a minute, as a failed source is probed, for the opt-in regions the accounts have not enabled.
	expect(sweeps).toBeGreaterThanOrEqual(intervals - 1);
	expect(sweeps).toBeLessThanOrEqual(intervals + 1);
	const state = app.engine.store.getState();
	expect(sourceStanding(state, 'alpha/af-south-1')).toBe('not-enabled');
	expect(sourceStanding(state, 'beta/af-south-1')).toBe('empty');
	expect(shownSources(state).filter(source => source.health !== 'ok')).toEqual([]);
});
