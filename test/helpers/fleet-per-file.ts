/**
 * One fleet for all the tests of a file: started (and through its first load) before them, closed after
 * them. Returns a getter, since the harness exists only once beforeAll has run.
 */
import {afterAll, beforeAll} from 'vitest';
import {startFleetHarness, type FleetHarness, type FleetHarnessOptions} from './fleet-harness.js';

export function loadedFleetPerFile(options: FleetHarnessOptions): () => FleetHarness {
	let fleet: FleetHarness | undefined;
	beforeAll(async () => {
		fleet = await startFleetHarness(options);
		await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	});
	afterAll(async () => {
		await fleet?.close();
	});
	return () => {
		if (!fleet) throw new Error('the fleet starts in beforeAll: use it inside a test');
		return fleet;
	};
}
