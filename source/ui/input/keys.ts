/**
 * Key names: one canonical spelling for a key, used by the keymap, the config file, the help
 * overlay and the dispatcher alike. A printable key is itself ("j", "G", "?"); named keys are
 * enter, esc, up, down, left, right, pgup, pgdn, home, end, tab, backspace, delete, space;
 * control keys are ctrl+LETTER.
 */
import type {Key} from 'ink';

const namedKeys = [
	'enter',
	'esc',
	'up',
	'down',
	'left',
	'right',
	'pgup',
	'pgdn',
	'home',
	'end',
	'tab',
	'backspace',
	'delete',
	'space',
] as const;

const aliases: Record<string, string> = {
	return: 'enter',
	escape: 'esc',
	pageup: 'pgup',
	pagedown: 'pgdn',
	pgdown: 'pgdn',
	arrowup: 'up',
	arrowdown: 'down',
	arrowleft: 'left',
	arrowright: 'right',
	del: 'delete',
	bs: 'backspace',
	' ': 'space',
};

/** The canonical name of a key written by a person (config file), or undefined when it is not a key. */
export function normalizeKey(spec: string): string | undefined {
	if (spec.length === 1) {
		if (spec === ' ') return 'space';
		const code = spec.codePointAt(0)!;
		return code > 0x20 && code !== 0x7f ? spec : undefined;
	}
	const lower = spec.trim().toLowerCase();
	const named = aliases[lower] ?? lower;
	if ((namedKeys as readonly string[]).includes(named)) return named;
	const control = /^(?:ctrl|control|c)[-+]([a-z])$/.exec(lower);
	if (control) return `ctrl+${control[1]}`;
	const shifted = /^shift[-+]([a-z])$/.exec(lower);
	if (shifted) return shifted[1].toUpperCase();
	// A single printable character that is not ASCII (e.g. "é") is still one key.
	if ([...spec].length === 1) return normalizeKey(spec[0]);
	return undefined;
}

/** The canonical name of a key Ink reported, or undefined (pastes, alt+key, function keys). */
export function eventKeyName(input: string, key: Key): string | undefined {
	if (key.escape) return 'esc';
	if (key.return || input === '\r' || input === '\n') return 'enter';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pgup';
	if (key.pageDown) return 'pgdn';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return 'tab';
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	if (key.ctrl) return /^[a-z]$/i.test(input) ? `ctrl+${input.toLowerCase()}` : undefined;
	if (key.meta) return undefined;
	if (input === ' ') return 'space';
	if ([...input].length === 1) return input;
	return undefined;
}

/** How a key reads in the footer and help: "Enter", "Esc", "↑", "PgDn", "Ctrl-C", "j". */
export function displayKey(name: string, ascii = false): string {
	const shown: Record<string, [string, string]> = {
		enter: ['↵', 'Enter'],
		esc: ['Esc', 'Esc'],
		up: ['↑', 'Up'],
		down: ['↓', 'Down'],
		left: ['←', 'Left'],
		right: ['→', 'Right'],
		pgup: ['PgUp', 'PgUp'],
		pgdn: ['PgDn', 'PgDn'],
		home: ['Home', 'Home'],
		end: ['End', 'End'],
		tab: ['Tab', 'Tab'],
		backspace: ['Bksp', 'Bksp'],
		delete: ['Del', 'Del'],
		space: ['Space', 'Space'],
	};
	const entry = shown[name];
	if (entry) return ascii ? entry[1] : entry[0];
	if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
	return name;
}
