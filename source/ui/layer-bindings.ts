/**
 * The bindings of the layers above the views that read keys of their own: a text prompt (filter,
 * `:`, search) and an operator-action dialog. They are keymap bindings like any other (in `?`, in
 * docs/keys.md, rebindable in the config), kept here so the keymap's table stays one screen.
 */
import type {CommandBinding} from './keymap.js';
import {promptExtraCommands} from './act-bindings.js';

export const layerCommands = {
	// At a text prompt (filter, `:`, search): the rest of the keys type.
	PromptAccept: 'promptAccept',
	PromptCancel: 'promptCancel',
	PromptErase: 'promptErase',
	PromptClear: 'promptClear',
	PromptEraseWord: 'promptEraseWord',
	// In an operator-action dialog: in a text field the rest of the keys type.
	DialogNext: 'dialogNext',
	DialogCancel: 'dialogCancel',
	DialogUp: 'dialogUp',
	DialogDown: 'dialogDown',
	DialogErase: 'dialogErase',
	DialogConfirm: 'dialogConfirm',
	DialogDecline: 'dialogDecline',
	DialogEdit: 'dialogEdit',
	DialogResend: 'dialogResend',
} as const;

export type LayerCommand = (typeof layerCommands)[keyof typeof layerCommands];

/** The layers above the views that read keys of their own: a text prompt, an action dialog. */
export type LayerScope = 'prompt' | 'dialog';
export const layerScopes: Readonly<Record<LayerScope, readonly (LayerCommand | (typeof promptExtraCommands)[number])[]>> = {
	prompt: ['promptAccept', 'promptCancel', 'promptErase', 'promptClear', 'promptEraseWord', ...promptExtraCommands],
	dialog: ['dialogNext', 'dialogCancel', 'dialogUp', 'dialogDown', 'dialogErase', 'dialogConfirm', 'dialogDecline', 'dialogEdit', 'dialogResend'],
};
/** Where typed text goes: these must sit on named or Ctrl keys, or they would swallow a letter. */
export const typingCommands = new Set<string>([...layerScopes.prompt, 'dialogNext', 'dialogCancel', 'dialogErase']);

export const layerBindings: readonly CommandBinding[] = [
	{command: layerCommands.PromptAccept, keys: ['enter'], label: 'accept', description: 'at a prompt: keep the filter, run the command, search'},
	{command: layerCommands.PromptCancel, keys: ['esc'], label: 'cancel', description: 'at a prompt: close it (the filter goes back to what it was)'},
	{command: layerCommands.PromptErase, keys: ['backspace', 'delete'], label: 'erase', description: 'at a prompt: erase a character (on an empty prompt: close it)'},
	{command: layerCommands.PromptClear, keys: ['ctrl+u'], label: 'clear', description: 'at a prompt: erase the whole line'},
	{command: layerCommands.PromptEraseWord, keys: ['ctrl+w'], label: 'erase word', description: 'at a prompt: erase the last word'},
	{command: layerCommands.DialogNext, keys: ['enter'], label: 'next', description: 'in a dialog: take the choice or the text and go on (never confirms)'},
	{command: layerCommands.DialogCancel, keys: ['esc'], label: 'cancel', description: 'in a dialog: close it without sending'},
	{command: layerCommands.DialogUp, keys: ['up', 'k'], label: 'up', description: 'in a dialog: the previous choice'},
	{command: layerCommands.DialogDown, keys: ['down', 'j', 'tab'], label: 'down', description: 'in a dialog: the next choice'},
	{command: layerCommands.DialogErase, keys: ['backspace', 'delete'], label: 'erase', description: 'in a dialog: erase a character of the text'},
	{command: layerCommands.DialogConfirm, keys: ['y', 'Y'], label: 'send', description: 'in a dialog, on its last step: send the action', dangerous: true},
	{command: layerCommands.DialogDecline, keys: ['n'], label: 'no', description: 'in a dialog, on its last step: do not send; close it'},
	{command: layerCommands.DialogEdit, keys: ['e'], label: 'edit', description: 'in a dialog, on its last step: change the answers'},
	{command: layerCommands.DialogResend, keys: ['r'], label: 'resend', description: 'in a dialog, after an unknown outcome: send again (only when AWS makes it safe)', dangerous: true},
];
