/** The demo fleet on the embedded service, started once for a test file and loaded before its tests. */
import {afterAll, beforeAll} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../../helpers/fleet-harness.js';

export function demoFleet(): {readonly fleet: FleetHarness} {
	const holder = {} as {fleet: FleetHarness};
	beforeAll(async () => {
		holder.fleet = await startFleetHarness({scenario: 'demo'});
		await holder.fleet.until(state => !state.initialLoad, {what: 'the first load'});
	});
	afterAll(async () => {
		await holder.fleet?.close();
	});
	return holder;
}
