import type {Key} from 'ink';
import type {DialogKey} from './dialog-state.js';

/**
 * Ink's key event as the dialog sees it. Ctrl and Meta combinations are dropped: no mutation may
 * sit on them (tmux and shells take some), and they must not type into a field either.
 */
export function dialogKey(input: string, key: Key): DialogKey {
	if (key.escape) return {name: 'esc', text: ''};
	if (key.return) return {name: 'enter', text: ''};
	if (key.upArrow) return {name: 'up', text: ''};
	if (key.downArrow) return {name: 'down', text: ''};
	if (key.tab) return {name: 'tab', text: ''};
	if (key.backspace || key.delete) return {name: 'backspace', text: ''};
	if (key.ctrl || key.meta) return {name: 'other', text: ''};
	// Anything else printable is text (a paste arrives as one string).
	const text = input.replaceAll(/[\u0000-\u001F\u007F]/g, '');
	return {name: 'other', text};
}
