import {createStore, type StoreApi} from 'zustand/vanilla';
import {initialFleetState, reduceFleet, type FleetUpdate} from './reducers.js';
import type {FleetState} from './types.js';

export type FleetStore = StoreApi<FleetState>;

/** A vanilla Zustand store holding the fleet; the engine is its only writer. */
export function createFleetStore(initial: FleetState = initialFleetState()): FleetStore {
	return createStore<FleetState>()(() => initial);
}

/** Applies a batch in one setState (no notification when nothing changed). */
export function applyUpdates(store: FleetStore, updates: readonly FleetUpdate[]): void {
	const state = store.getState();
	const next = reduceFleet(state, updates);
	if (next !== state) store.setState(next, true);
}
