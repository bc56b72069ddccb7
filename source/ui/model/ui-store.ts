/**
 * The console's own state (not AWS state): the stack of views with each one's cursor, the
 * filter and scope, the prompt being typed, the status message and the open dialog. Pure
 * reducers, so navigation is tested without rendering; a Zustand store holds the result.
 */
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {ActionRequest} from '../../actions/types.js';
import type {Scope} from './filter.js';
import type {Cursor} from './window.js';
import type {ViewEntry} from '../views/registry.js';

/** Every view's cursor and scroll offset. */
export type Scroll = {cursor: Cursor; offset: number};

export type PromptMode = 'filter' | 'command' | 'search';

export type UiState = {
	stack: ViewEntry[];
	prompt?: {mode: PromptMode; text: string; /** The filter before typing, restored by Esc. */ before?: string};
	filter: string;
	scope: Scope;
	message?: {text: string; kind: 'info' | 'error'; at: number};
	modal?: ActionRequest;
	/** The keys the open dialog takes now (its phase decides): what the footer offers behind it. */
	modalKeys?: ModalKey[];
};

/** One key hint of the open dialog: a binding of the keymap's `dialog` scope, and its word now. */
export type ModalKey = {command: string; label: string};

export type UiAction =
	| {type: 'push'; entry: ViewEntry}
	| {type: 'pop'}
	| {type: 'update'; patch: Partial<ViewEntry>}
	| {type: 'openPrompt'; mode: PromptMode; text?: string}
	| {type: 'editPrompt'; text: string}
	| {type: 'closePrompt'; restore?: boolean}
	| {type: 'setFilter'; filter: string}
	| {type: 'setScope'; scope: Scope}
	| {type: 'message'; text: string; kind?: 'info' | 'error'; at: number}
	| {type: 'clearMessage'}
	| {type: 'openModal'; request: ActionRequest}
	| {type: 'closeModal'}
	| {type: 'modalKeys'; keys: ModalKey[]};

export const initialScroll: Scroll = {cursor: {index: 0}, offset: 0};

export function initialUiState(): UiState {
	return {stack: [{kind: 'fleet', ...initialScroll}], filter: '', scope: {}};
}

export function topOf(state: UiState): ViewEntry {
	return state.stack[state.stack.length - 1];
}

export function reduceUi(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'push':
			return {...state, stack: [...state.stack, action.entry], prompt: undefined};
		case 'pop':
			// The fleet is the root: it is never popped.
			return state.stack.length <= 1 ? state : {...state, stack: state.stack.slice(0, -1), prompt: undefined};
		case 'update': {
			const stack = [...state.stack];
			stack[stack.length - 1] = {...stack[stack.length - 1], ...action.patch} as ViewEntry;
			return {...state, stack};
		}
		case 'openPrompt': {
			const text = action.text ?? (action.mode === 'filter' ? state.filter : '');
			return {...state, prompt: {mode: action.mode, text, before: state.filter}};
		}
		case 'editPrompt': {
			if (!state.prompt) return state;
			const prompt = {...state.prompt, text: action.text};
			// The filter applies as it is typed, like k9s: the list narrows with each key.
			return state.prompt.mode === 'filter' ? {...state, prompt, filter: action.text} : {...state, prompt};
		}
		case 'closePrompt': {
			if (!state.prompt) return state;
			const filter = action.restore && state.prompt.mode === 'filter' ? (state.prompt.before ?? '') : state.filter;
			return {...state, prompt: undefined, filter};
		}
		case 'setFilter':
			return {...state, filter: action.filter};
		case 'setScope':
			return {...state, scope: action.scope};
		case 'message':
			return {...state, message: {text: action.text, kind: action.kind ?? 'info', at: action.at}};
		case 'clearMessage':
			return state.message ? {...state, message: undefined} : state;
		case 'openModal':
			return {...state, modal: action.request, modalKeys: undefined, prompt: undefined};
		case 'closeModal':
			return {...state, modal: undefined, modalKeys: undefined};
		case 'modalKeys':
			return state.modal ? {...state, modalKeys: action.keys} : state;
	}
}

export type UiStore = StoreApi<UiState> & {dispatch(action: UiAction): void};

export function createUiStore(initial: UiState = initialUiState()): UiStore {
	const store = createStore<UiState>()(() => initial);
	return Object.assign(store, {
		dispatch(action: UiAction) {
			store.setState(state => reduceUi(state, action), true);
		},
	});
}
