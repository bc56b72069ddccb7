/**
 * `o` and `y` on what is selected, and the chooser's keys. `o` lists the selection's AWS console
 * links, each whole and clickable; `y` copies one thing (through OSC 52, written beside Ink's
 * frame), asking which when there are several. The chooser takes every key while it is open.
 */
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import type {ChooserItem} from '../model/chooser.js';
import {targetsFor} from '../model/targets.js';
import {topOf} from '../model/ui-store.js';
import {clipboardCaveat, clipboardSequence} from '../terminal-sequences.js';
import {selectionFor} from '../views/registry.js';
import {jumpToPipeline} from './run-prompt-command.js';
import type {ConsoleServices} from './services.js';
import {useServices} from './services.js';

function say(services: ConsoleServices, text: string, kind: 'info' | 'error' = 'info'): void {
	services.ui.dispatch({type: 'message', text, kind, at: services.now()});
}

/** Copies through the terminal (OSC 52) and says what went, whole. */
export function copyToClipboard(services: ConsoleServices, item: ChooserItem): void {
	services.writeRaw(clipboardSequence(item.value, services.env));
	say(services, `copied ${item.label}${clipboardCaveat(services.env)}: ${item.value}`);
}

/** Runs `o` (links) or `y` (copy) for the view on top. */
export function runTargetCommand(command: 'links' | 'copy', services: ConsoleServices): void {
	const uiState = services.ui.getState();
	const fleet = services.store.getState();
	const targets = targetsFor(topOf(uiState), selectionFor(uiState, fleet), fleet);
	if (command === 'links') {
		const links = targets.filter(target => target.kind === 'url');
		if (links.length === 0) return say(services, 'links: nothing selected has an AWS console link', 'error');
		const items = links.map(target => ({label: target.label, value: target.value, link: true}));
		services.ui.dispatch({type: 'openChooser', chooser: {purpose: 'links', title: 'AWS console links (click, or copy one)', items, index: 0}});
		return;
	}
	if (targets.length === 0) return say(services, 'copy: nothing selected to copy', 'error');
	const items = targets.map(target => ({label: target.label, value: target.value, link: target.kind === 'url'}));
	if (items.length === 1) return copyToClipboard(services, items[0]);
	services.ui.dispatch({type: 'openChooser', chooser: {purpose: 'copy', title: 'Copy which?', items, index: 0}});
}

export function useChooserKeys(): void {
	const services = useServices();
	const {ui, keymap} = services;
	useKeyLayer(KeyPriority.modal, event => {
		const chooser = ui.getState().chooser;
		if (!chooser) return false;
		// The dialog's bindings: up and down choose, Enter takes the choice, Esc closes.
		switch (event.name === undefined ? undefined : keymap.commandFor(event.name, 'dialog')?.command) {
			case 'dialogUp':
				ui.dispatch({type: 'moveChooser', delta: -1});
				break;
			case 'dialogDown':
				ui.dispatch({type: 'moveChooser', delta: 1});
				break;
			case 'dialogCancel':
				ui.dispatch({type: 'closeChooser'});
				break;
			case 'dialogNext': {
				const item = chooser.items[chooser.index];
				ui.dispatch({type: 'closeChooser'});
				if (!item) break;
				if (chooser.purpose === 'pipeline') jumpToPipeline(ui, services.store.getState(), item.value);
				else copyToClipboard(services, item);
				break;
			}
			default:
				break;
		}
		return true;
	});
}
