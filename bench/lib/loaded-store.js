/**
 * A store holding a whole fleet as the real engine wrote it: the service's world runs ahead
 * (so ~5% of pipelines are mid-run), then the engine loads every pipeline in virtual time with
 * no rate limit, and stops. Returns the store and the virtual "now" its ages are relative to.
 */
import {fleetScenario, RUN_SECONDS} from './scenario.js';
import {startVirtualFleet} from './virtual-fleet.js';

export async function loadedStore(fleetOptions, runningShare = 0.05) {
	const fleet = await startVirtualFleet({scenario: fleetScenario({...fleetOptions, runningShare})});
	await fleet.advance((RUN_SECONDS + 60) * 1000);
	fleet.engine.start();
	const loadMs = await fleet.until(() => !fleet.engine.store.getState().initialLoad);
	const now = fleet.clock.now();
	await fleet.close();
	const state = fleet.engine.store.getState();
	return {store: fleet.engine.store, now, loadVirtualMs: loadMs, counts: state.counts};
}
