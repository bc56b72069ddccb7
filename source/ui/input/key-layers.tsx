/**
 * Layered key dispatch: one Ink input handler for the whole console hands each key to the
 * registered layers from the highest priority down until one takes it. A dialog takes keys
 * before the prompt, the prompt before the view, the view before the shell's global commands.
 *
 * Dialogs may register a layer with `useKeyLayer(KeyPriority.modal, handler)`; a dialog that
 * uses Ink's `useInput` directly works too, because while a dialog is open the shell holds a
 * modal layer that swallows every key except Ctrl-C, so nothing under it reacts.
 */
import {useInput, type Key} from 'ink';
import {createContext, useContext, useEffect, useMemo, useRef, type ReactNode} from 'react';
import {eventKeyName} from './keys.js';

export type KeyEvent = {
	/** Canonical key name (see keys.ts), undefined for pastes and unknown sequences. */
	name: string | undefined;
	/** What Ink reported, for text prompts. */
	input: string;
	key: Key;
};

/** Returns true when the layer took the key (lower layers do not see it). */
export type KeyHandler = (event: KeyEvent) => boolean;

export const KeyPriority = {
	/** Ctrl-C: always quits. */
	global: 1000,
	/** An operator-action dialog. */
	modal: 100,
	/** A text prompt (filter, command, search). */
	prompt: 50,
	/** The view on top of the stack: movement and its own commands. */
	view: 0,
	/** The shell: navigation and commands shared by every view. */
	shell: -100,
} as const;

const plainKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink hands over several characters at once when they arrive together (a paste, a fast typist
 * over SSH, tmux send-keys): they are pressed one by one, so ":pipeline web" then Enter works
 * however the bytes were chunked. Layers read the stores at call time, so each key sees the
 * effect of the one before.
 */
export function keyEvents(input: string, key: Key): KeyEvent[] {
	// Two Esc in one read ("\x1b\x1b") reach us as one Esc with meta set: they are two presses
	// (closing two levels), not Alt-Esc, which nothing here binds.
	if (key.escape && key.meta) {
		const single: KeyEvent = {name: 'esc', input, key: {...key, meta: false}};
		return [single, single];
	}
	const name = eventKeyName(input, key);
	if (name !== undefined || key.ctrl || key.meta || [...input].length <= 1) return [{name, input, key}];
	return [...input].map(character => {
		const single: Key = {
			...plainKey,
			return: character === '\r' || character === '\n',
			tab: character === '\t',
			backspace: character === '\u007F',
			shift: /[A-Z]/.test(character),
		};
		return {name: eventKeyName(character, single), input: character, key: single};
	});
}

type Layer = {priority: number; handler: {current: KeyHandler}; order: number};

type Registry = {register(layer: Layer): () => void; next(): number};

const LayersContext = createContext<Registry | undefined>(undefined);

export function KeyLayersProvider({children}: {children: ReactNode}) {
	const layers = useRef<Layer[]>([]);
	const counter = useRef(0);
	const registry = useMemo<Registry>(
		() => ({
			register(layer) {
				// Highest priority first; among equals the most recently mounted wins (a nested dialog).
				layers.current = [...layers.current, layer].sort((a, b) => b.priority - a.priority || b.order - a.order);
				return () => {
					layers.current = layers.current.filter(each => each !== layer);
				};
			},
			next: () => counter.current++,
		}),
		[],
	);
	useInput((input, key) => {
		for (const event of keyEvents(input, key)) {
			for (const layer of layers.current) if (layer.handler.current(event)) break;
		}
	});
	return <LayersContext.Provider value={registry}>{children}</LayersContext.Provider>;
}

/** Registers a key handler at a priority while `active`; the latest handler is always used. */
export function useKeyLayer(priority: number, handler: KeyHandler, active = true): void {
	const registry = useContext(LayersContext);
	if (!registry) throw new Error('useKeyLayer outside <KeyLayersProvider>');
	const ref = useRef(handler);
	ref.current = handler;
	useEffect(() => {
		if (!active) return;
		return registry.register({priority, handler: ref, order: registry.next()});
	}, [registry, priority, active]);
}
