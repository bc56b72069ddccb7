/**
 * Frames rendered in-process, for benchmarks and snapshots: the fleet view or one pipeline's
 * view of a store, at a fixed size, as the terminal would receive it (with SGR colours).
 */
import {renderToString} from 'ink';
import type {FleetEngine, FleetStore} from '../engine/types.js';
import type {PipelineKey} from '../store/types.js';
import {ConsoleApp} from './shell/console-app.js';
import {createConsoleServices} from './shell/create-services.js';
import {initialScroll, initialUiState, createUiStore} from './model/ui-store.js';
import type {ViewEntry} from './views/registry.js';

export type FrameOptions = {
	columns: number;
	rows: number;
	/** "Now" for ages and durations (default: the wall clock). */
	now?: () => number;
	env?: Record<string, string | undefined>;
	/** The engine views ask for data (focus, history...); default: one that asks for nothing. */
	engine?: FleetEngine;
};

/** An engine that serves a store as it is: frames render what is there and load nothing. */
function storeOnlyEngine(store: FleetStore): FleetEngine {
	return {
		store,
		start: () => undefined,
		stop: async () => undefined,
		setFocus: () => undefined,
		refresh: () => undefined,
		markDirty: () => undefined,
		loadHistory: async () => undefined,
		loadActionExecutions: async () => undefined,
		loadDefinition: async () => undefined,
		loadRuleResults: async () => undefined,
		openLog: async () => undefined,
		closeLog: () => undefined,
		readCause: async () => undefined,
		whenIdle: async () => undefined,
		sourceOf: key => store.getState().pipelines[key]?.sourceKey,
	};
}

function renderView(store: FleetStore, stack: ViewEntry[], options: FrameOptions): string {
	const ui = createUiStore({...initialUiState(), stack});
	const services = createConsoleServices({
		engine: options.engine ?? storeOnlyEngine(store),
		now: options.now,
		env: options.env ?? {},
		notify: false,
		ui,
	});
	return renderToString(<ConsoleApp services={services} size={{columns: options.columns, rows: options.rows}} />, {
		columns: options.columns,
	});
}

export function renderFleetFrame(store: FleetStore, options: FrameOptions): string {
	return renderView(store, [{kind: 'fleet', ...initialScroll}], options);
}

export function renderPipelineFrame(store: FleetStore, key: PipelineKey, options: FrameOptions): string {
	return renderView(store, [{kind: 'fleet', ...initialScroll}, {kind: 'pipeline', key, ...initialScroll}], options);
}
