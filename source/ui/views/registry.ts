/**
 * Every view of the console, one line each. Adding a view: its module (see view.ts), its entry
 * type in ViewEntry and its line in `registry`. The order is the order of help and docs/keys.md.
 */
import type {FleetState} from '../../store/types.js';
import {resolveKeymap, type CommandName, type Keymap} from '../keymap.js';
import type {Selection} from '../model/selection.js';
import {topOf, type UiState} from '../model/ui-store.js';
import {causeView, type CauseEntry} from './cause-view.js';
import {commitView, type CommitEntry} from './commit-view.js';
import {definitionView, type DefinitionEntry} from './definition-view.js';
import {executionView, type ExecutionEntry} from './execution-view.js';
import {fleetView, type FleetEntry} from './fleet-view.js';
import {helpView, type HelpEntry} from './help-view.js';
import {historyView, type HistoryEntry} from './history-view.js';
import {logsView, type LogsEntry} from './logs-view.js';
import {pipelineView, type PipelineViewEntry} from './pipeline-view.js';
import {sourcesView, type SourcesEntry} from './sources-view.js';
import type {ViewDefinition} from './view.js';

/** One entry of the view stack: a view's kind with its cursor and whatever it was opened on. */
export type ViewEntry = FleetEntry | PipelineViewEntry | HistoryEntry | ExecutionEntry | LogsEntry | CauseEntry | DefinitionEntry | SourcesEntry | HelpEntry | CommitEntry;
export type ViewKind = ViewEntry['kind'];
export type EntryOf<K extends ViewKind> = Extract<ViewEntry, {kind: K}>;

const registry: {[K in ViewKind]: ViewDefinition<EntryOf<K>>} = {
	fleet: fleetView,
	pipeline: pipelineView,
	history: historyView,
	execution: executionView,
	logs: logsView,
	cause: causeView,
	definition: definitionView,
	sources: sourcesView,
	help: helpView,
	commit: commitView,
};

const viewKinds = Object.keys(registry) as ViewKind[];

export function viewOf<K extends ViewKind>(kind: K): ViewDefinition<EntryOf<K>> {
	return registry[kind];
}

/** What the cursor of the view on top is on. */
export function selectionFor(ui: UiState, fleet: FleetState): Selection {
	const entry = topOf(ui);
	return (viewOf(entry.kind) as ViewDefinition<ViewEntry>).selection(entry, ui, fleet);
}

/** Where the cursor of the view on top is, for the status line. */
export function positionFor(ui: UiState, fleet: FleetState): string {
	const entry = topOf(ui);
	return (viewOf(entry.kind) as ViewDefinition<ViewEntry>).position?.(entry, ui, fleet) ?? '';
}

export function viewTitle(kind: ViewKind): string {
	return registry[kind].title;
}

/** The console's keymap: the bindings, each view's key scope, and the config's overrides. */
export function consoleKeymap(overrides: Record<string, string | string[]> = {}): Keymap {
	const scopes = Object.fromEntries(viewKinds.map(kind => [kind, registry[kind].keys])) as Record<ViewKind, readonly CommandName[]>;
	return resolveKeymap(scopes, overrides);
}
