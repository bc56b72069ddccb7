/**
 * What a view declares about itself, in its own module: its kind, how help names it, the
 * commands whose keys act in it (its key scope: the footer and `?` follow from it), its component,
 * what its cursor is on, and where the cursor is. The registry (registry.ts) collects them; the
 * body, the shell's key dispatch, the footer, the status line and help look a view up there.
 */
import type {ComponentType} from 'react';
import type {FleetState} from '../../store/types.js';
import type {CommandName} from '../keymap.js';
import type {Selection} from '../model/selection.js';
import type {UiState} from '../model/ui-store.js';

export type ViewProps<E> = {entry: E; width: number; height: number};

export type ViewDefinition<E extends {kind: string}> = {
	kind: E['kind'];
	/** How the help overlay names it: "Keys in the <title> view". */
	title: string;
	/** The commands whose keys act in this view. */
	keys: readonly CommandName[];
	component: ComponentType<ViewProps<E>>;
	/** What the cursor is on: what keys act on, and why a key does nothing now. */
	selection(entry: E, ui: UiState, fleet: FleetState): Selection;
	/** Where the cursor is, for the status line ("12/2000", "action 3/9"); empty for nothing. */
	position?(entry: E, ui: UiState, fleet: FleetState): string;
};

/** A view's declaration, typed by its entry. */
export function defineView<E extends {kind: string}>(definition: ViewDefinition<E>): ViewDefinition<E> {
	return definition;
}
