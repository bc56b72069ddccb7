/**
 * What every part of the console (and the operator dialogs) reads from React context: the fleet
 * store and engine, the console's own state, the keymap, the theme and a few settings. One small
 * context of stable references; views subscribe to stores with selectors, never to this.
 */
import {createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode} from 'react';
import type {ActionLayer} from '../../actions/layer.js';
import type {PipetopConfig} from '../../config/types.js';
import type {FleetEngine, FleetStore} from '../../engine/types.js';
import type {FleetState} from '../../store/types.js';
import type {Keymap} from '../keymap.js';
import type {NotifySettings} from '../notify.js';
import type {Theme} from '../render/theme.js';
import type {UiState, UiStore} from '../model/ui-store.js';
import type {Selection} from '../model/selection.js';
import type {ViewKind} from '../views/registry.js';
import {createScreenClock, type ScreenClock, type ShownTimes} from './screen-clock.js';
import {createTicker} from './ticker.js';

export type ConfigFile = {path: string; found: boolean};

export type ConsoleServices = {
	store: FleetStore;
	engine: FleetEngine;
	ui: UiStore;
	keymap: Keymap;
	/**
	 * The view registry's answers, for the one view that shows another (help): it cannot import
	 * the registry that imports it.
	 */
	views: {selectionFor(ui: UiState, fleet: FleetState): Selection; title(kind: ViewKind): string};
	theme: Theme;
	/** The clock the data was stamped with (virtual in tests, scaled in the demo). */
	now: () => number;
	/** Whether the action layer refuses writes for a profile. */
	readOnly: (profile: string) => boolean;
	config: PipetopConfig;
	/** The config file in use, or the one pipetop would read (found: false), for help to name. */
	configFile?: ConfigFile;
	notifications: NotifySettings;
	/** Writes bells and OSC sequences straight to the terminal, outside Ink's frame. */
	writeRaw: (text: string) => void;
	env: Record<string, string | undefined>;
	/** The operator-action layer the dialogs use; without it operator keys say they are unavailable. */
	actionLayer?: ActionLayer;
	/** Where `:freeze` records what it disabled (the console command sets it; without it none is kept). */
	freezeRecordPath?: string;
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

export type NowProviderProps = {
	now: () => number;
	intervalMs?: number;
	/** What the screen shows of the clock (see screen-clock.ts); without it every tick repaints. */
	shows?: ShownTimes;
	/** Calls `recheck` whenever what is on screen may have changed; returns how to stop. */
	watch?: (recheck: ScreenClock['recheck']) => () => void;
	children: ReactNode;
};

/**
 * One ticking clock for the whole console: ages and durations advance once a second without each
 * row owning a timer. `now` is read on each tick (the data's clock: virtual in tests). With
 * `shows`, a tick that would not change any text on screen is not passed on (no frame at all).
 */
export function NowProvider({now, intervalMs = 1000, shows, watch, children}: NowProviderProps) {
	// The latest probe, read at each tick: a new one (the terminal resized) must not restart the clock.
	const probe = useRef(shows);
	probe.current = shows;
	const clock = useMemo(() => createScreenClock(createTicker(intervalMs), now, () => probe.current), [intervalMs, now]);
	useEffect(() => watch?.(clock.recheck), [clock, watch]);
	// A new probe means a new screen size: more (or other) rows may now be on screen.
	useLayoutEffect(() => clock.recheck(false), [clock, shows]);
	const value = useSyncExternalStore(clock.subscribe, clock.getSnapshot);
	return <NowContext.Provider value={value}>{children}</NowContext.Provider>;
}

/** The console's notion of "now", refreshed every second. */
export function useNow(): number {
	return useContext(NowContext);
}
