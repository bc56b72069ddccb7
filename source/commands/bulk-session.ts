import type {FleetEngine} from '../engine/types.js';
import {filterOrder} from '../store/filter.js';
import type {PipelineKey} from '../store/types.js';
import {waitForState} from './operator-session.js';

/**
 * Starts the engine, waits for the first load (every pipeline listed and read once, so the
 * filter's status words apply), and returns the pipelines the filter shows, most urgent first.
 */
export async function loadFiltered(engine: FleetEngine, filter: string): Promise<PipelineKey[]> {
	engine.start();
	const listed = await waitForState(engine, state => !state.initialLoad);
	const keys = filterOrder(listed.order, listed.pipelines, filter, {});
	engine.setFocus(keys);
	await waitForState(engine, state => keys.every(key => {
		const entry = state.pipelines[key];
		return !entry || entry.fetchedAt !== undefined || entry.error !== undefined;
	}));
	return keys;
}
