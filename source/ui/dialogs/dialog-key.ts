import type {Key} from 'ink';
import {eventKeyName} from '../input/keys.js';
import type {Keymap} from '../keymap.js';
import type {DialogCommand, DialogKey} from './dialog-state.js';

/**
 * Ink's key event as the dialog sees it: the binding of its key in the keymap's `dialog` scope
 * (so dialog keys are in `?`, docs/keys.md and follow rebinding), and the text it types. Ctrl and
 * Meta combinations type nothing: no mutation may sit on them (tmux and shells take some), and
 * they must not type into a field either.
 */
export function dialogKey(input: string, key: Key, keymap: Keymap): DialogKey {
	const name = eventKeyName(input, key);
	const command = name === undefined ? undefined : (keymap.commandFor(name, 'dialog')?.command as DialogCommand | undefined);
	const named = key.escape || key.return || key.upArrow || key.downArrow || key.tab || key.backspace || key.delete;
	if (named || key.ctrl || key.meta) return {command, text: ''};
	// Anything else printable is text (a paste arrives as one string).
	return {command, text: input.replaceAll(/[\u0000-\u001F\u007F]/g, '')};
}
