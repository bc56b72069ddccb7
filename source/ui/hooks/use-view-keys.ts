/**
 * A view's key layer: resolves the key through the keymap for this view and hands the command
 * to the view's handler. Movement is common to every view and mapped here.
 */
import {useServices} from '../shell/services.js';
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import type {CommandName, CommandSpec} from '../keymap.js';
import type {Movement} from '../model/window.js';
import {topOf} from '../model/ui-store.js';
import type {ViewEntry, ViewKind} from '../views/registry.js';

const movements: Partial<Record<CommandName, Movement>> = {
	up: 'up',
	down: 'down',
	pageUp: 'pageUp',
	pageDown: 'pageDown',
	top: 'top',
	bottom: 'bottom',
};

export function movementOf(command: CommandName): Movement | undefined {
	return movements[command];
}

/**
 * Registers the view's handler; returning false passes the command on to the shell. The handler
 * gets the view's entry as the console state holds it now (not as it was at the last render), so
 * keys that arrive together each see the one before.
 */
export function useViewKeys<K extends ViewKind>(view: K, handler: (spec: CommandSpec, entry: Extract<ViewEntry, {kind: K}>) => boolean): void {
	const {keymap, ui} = useServices();
	useKeyLayer(KeyPriority.view, event => {
		if (!event.name) return false;
		const entry = topOf(ui.getState());
		if (entry.kind !== view) return false;
		const spec = keymap.commandFor(event.name, view);
		return spec ? handler(spec, entry as Extract<ViewEntry, {kind: K}>) : false;
	});
}
