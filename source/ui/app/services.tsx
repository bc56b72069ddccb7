/**
 * What every part of the console (and the operator dialogs) reads from React context: the fleet
 * store and engine, the console's own state, the keymap, the theme and a few settings. One small
 * context of stable references; views subscribe to stores with selectors, never to this.
 */
import {createContext, useContext, useMemo, useSyncExternalStore, type ReactNode} from 'react';
import type {ActionLayer} from '../../actions/layer.js';
import type {PipetopConfig} from '../../config/types.js';
import type {FleetEngine, FleetStore} from '../../engine/types.js';
import type {Keymap} from '../keymap.js';
import type {NotifySettings} from '../notify.js';
import type {Theme} from '../render/theme.js';
import type {UiStore} from '../state/ui-store.js';
import {createTicker} from './ticker.js';

export type ConsoleServices = {
	store: FleetStore;
	engine: FleetEngine;
	ui: UiStore;
	keymap: Keymap;
	theme: Theme;
	/** The clock the data was stamped with (virtual in tests, scaled in the demo). */
	now: () => number;
	/** Whether the action layer refuses writes for a profile. */
	readOnly: (profile: string) => boolean;
	config: PipetopConfig;
	notifications: NotifySettings;
	/** Writes bells and OSC sequences straight to the terminal, outside Ink's frame. */
	writeRaw: (text: string) => void;
	env: Record<string, string | undefined>;
	/** The operator-action layer the dialogs use; without it operator keys say they are unavailable. */
	actionLayer?: ActionLayer;
};

const ServicesContext = createContext<ConsoleServices | undefined>(undefined);

export function ServicesProvider({services, children}: {services: ConsoleServices; children: ReactNode}) {
	return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): ConsoleServices {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices outside the console (wrap it in <ServicesProvider>)');
	return services;
}

const NowContext = createContext<number>(0);

/**
 * One ticking clock for the whole console: ages and durations advance once a second without each
 * row owning a timer. `now` is read on each tick (the data's clock: virtual in tests).
 */
export function NowProvider({now, intervalMs = 1000, children}: {now: () => number; intervalMs?: number; children: ReactNode}) {
	const ticker = useMemo(() => createTicker(intervalMs), [intervalMs]);
	const tick = useSyncExternalStore(ticker.subscribe, ticker.getSnapshot);
	const value = useMemo(() => now(), [now, tick]);
	return <NowContext.Provider value={value}>{children}</NowContext.Provider>;
}

/** The console's notion of "now", refreshed every second. */
export function useNow(): number {
	return useContext(NowContext);
}
