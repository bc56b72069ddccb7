import {describe, expect, test} from 'vitest';
import {keyEvents} from '../../source/ui/input/key-layers.js';
import {eventKeyName, normalizeKey} from '../../source/ui/input/keys.js';
import {commandSpecs, KeymapError} from '../../source/ui/keymap.js';
import {consoleKeymap} from '../../source/ui/views/registry.js';

const defaultKeymap = consoleKeymap();
import type {Key} from 'ink';

const noKey: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};

describe('key names', () => {
	test('people may write keys in several ways', () => {
		expect(normalizeKey('Enter')).toBe('enter');
		expect(normalizeKey('return')).toBe('enter');
		expect(normalizeKey('Escape')).toBe('esc');
		expect(normalizeKey('PageDown')).toBe('pgdn');
		expect(normalizeKey('ctrl-x')).toBe('ctrl+x');
		expect(normalizeKey('C-x')).toBe('ctrl+x');
		expect(normalizeKey('shift+g')).toBe('G');
		expect(normalizeKey('G')).toBe('G');
		expect(normalizeKey('ctrl+shift+alt')).toBeUndefined();
		expect(normalizeKey('')).toBeUndefined();
	});

	test("Ink's key events map to the same names", () => {
		expect(eventKeyName('', {...noKey, return: true})).toBe('enter');
		expect(eventKeyName('', {...noKey, escape: true})).toBe('esc');
		expect(eventKeyName('', {...noKey, pageDown: true})).toBe('pgdn');
		expect(eventKeyName('c', {...noKey, ctrl: true})).toBe('ctrl+c');
		expect(eventKeyName('G', {...noKey, shift: true})).toBe('G');
		expect(eventKeyName('x', {...noKey, meta: true})).toBeUndefined();
		expect(eventKeyName('pasted text', noKey)).toBeUndefined();
	});
});

describe('chunked input', () => {
	test('characters that arrive together are pressed one by one', () => {
		expect(keyEvents(':pi\r', noKey).map(event => event.name)).toEqual([':', 'p', 'i', 'enter']);
		expect(keyEvents('jG', noKey).map(event => event.name)).toEqual(['j', 'G']);
		expect(keyEvents('', {...noKey, escape: true}).map(event => event.name)).toEqual(['esc']);
	});
});

describe('keymap', () => {
	test('the documented defaults', () => {
		const at = (key: string, view: Parameters<typeof defaultKeymap.commandFor>[1]) => defaultKeymap.commandFor(key, view)?.command;
		expect(at('j', 'fleet')).toBe('down');
		expect(at('down', 'pipeline')).toBe('down');
		expect(at('G', 'history')).toBe('bottom');
		expect(at('enter', 'fleet')).toBe('open');
		expect(at('/', 'fleet')).toBe('filter');
		expect(at('/', 'logs')).toBe('search');
		expect(at(':', 'logs')).toBe('command');
		expect(at('R', 'fleet')).toBe('refresh');
		expect(at('a', 'fleet')).toBe('approve');
		expect(at('b', 'pipeline')).toBe('rollback');
		expect(at('b', 'fleet')).toBeUndefined();
		expect(at('n', 'fleet')).toBe('start');
		expect(at('n', 'logs')).toBe('nextMatch');
		expect(at('ctrl+c', 'help')).toBe('forceQuit');
	});

	test('every operator action is marked dangerous and none sits on a Ctrl key', () => {
		for (const spec of commandSpecs.filter(each => each.operator)) {
			expect(spec.dangerous).toBe(true);
			expect(spec.keys.some(key => key.startsWith('ctrl+'))).toBe(false);
		}
	});

	test('overrides replace a command’s keys', () => {
		const keymap = consoleKeymap({approve: 'A', down: ['j', 'ctrl+n']});
		expect(keymap.commandFor('A', 'fleet')?.command).toBe('approve');
		expect(keymap.commandFor('a', 'fleet')).toBeUndefined();
		expect(keymap.commandFor('ctrl+n', 'fleet')?.command).toBe('down');
		expect(keymap.keysOf('approve')).toEqual(['A']);
	});

	test('an unknown command is a clear error naming it', () => {
		expect(() => consoleKeymap({aprove: 'A'})).toThrow(KeymapError);
		expect(() => consoleKeymap({aprove: 'A'})).toThrow(/unknown command "aprove"/);
	});

	test('a bad key is a clear error naming the command and the key', () => {
		expect(() => consoleKeymap({approve: 'hyper+x'})).toThrow(/keys.approve: "hyper\+x" is not a key/);
		expect(() => consoleKeymap({approve: []})).toThrow(/at least one key/);
	});

	test('a key taken twice in one view is refused, Ctrl-C cannot be taken', () => {
		expect(() => consoleKeymap({retry: 'q'})).toThrow(/"q" is bound to both/);
		expect(() => consoleKeymap({retry: 'ctrl+c'})).toThrow(/ctrl\+c always quits/);
		expect(() => consoleKeymap({forceQuit: 'x'})).toThrow(/cannot be rebound/);
		// Swapping two keys is fine when both move.
		expect(() => consoleKeymap({retry: 'q', quit: 'Q'})).not.toThrow();
	});

	test('operator commands are disabled with the action layer’s reason', () => {
		const spec = commandSpecs.find(each => each.command === 'approve')!;
		const context = {view: 'fleet' as const, selection: {pipelineKey: 'k'}, operatorReason: () => 'no pending approval'};
		expect(spec.disabled?.(context)).toBe('no pending approval');
		expect(spec.disabled?.({...context, selection: {}})).toBe('no pipeline selected');
	});
});
