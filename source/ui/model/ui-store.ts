/**
 * The console's own state (not AWS state): the stack of views with each one's cursor, the
 * filter and scope, the prompt being typed, the status message and the open dialog. Pure
 * reducers, so navigation is tested without rendering; a Zustand store holds the result.
 */
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {ActionRequest} from '../../actions/types.js';
import type {PipelineKey} from '../../store/types.js';
import type {BulkRequest} from './bulk-request.js';
import type {Scope} from './filter.js';
import type {Cursor} from './window.js';
import {movedChooser, type Chooser} from './chooser.js';
import type {FleetSort} from './fleet-sort.js';
import type {ViewEntry} from '../views/registry.js';

/** Every view's cursor and scroll offset. */
export type Scroll = {cursor: Cursor; offset: number};

export type PromptMode = 'filter' | 'command' | 'search';

export type UiState = {
	stack: ViewEntry[];
	prompt?: {
		mode: PromptMode;
		text: string;
		/** The filter before typing, restored by Esc. */ before?: string;
		/** Candidates a Tab found, shown after the text. */ hint?: string;
		/** Which command of the history is shown (up/down), from the newest. */ historyIndex?: number;
	};
	/** The `:` commands run this session, oldest first. */
	promptHistory: string[];
	filter: string;
	sort: FleetSort;
	chooser?: Chooser;
	scope: Scope;
	message?: {text: string; kind: 'info' | 'error'; at: number};
	modal?: ActionRequest;
	/** The pipelines marked in the fleet (Space), in the order they were marked: what a bulk action acts on. */
	marks: readonly PipelineKey[];
	/** The pipelines with a transition pipetop froze (the freeze record), marked in the fleet. */
	frozen: readonly PipelineKey[];
	/** The open bulk-action dialog (marks, or :freeze). */
	bulk?: BulkRequest;
};

export type UiAction =
	| {type: 'push'; entry: ViewEntry}
	| {type: 'pop'}
	| {type: 'update'; patch: Partial<ViewEntry>}
	| {type: 'openPrompt'; mode: PromptMode; text?: string}
	| {type: 'editPrompt'; text: string; hint?: string; historyIndex?: number}
	| {type: 'rememberCommand'; text: string}
	| {type: 'setSort'; sort: FleetSort}
	| {type: 'openChooser'; chooser: Chooser}
	| {type: 'moveChooser'; delta: number}
	| {type: 'closeChooser'}
	| {type: 'closePrompt'; restore?: boolean}
	| {type: 'setFilter'; filter: string}
	| {type: 'setScope'; scope: Scope}
	| {type: 'message'; text: string; kind?: 'info' | 'error'; at: number}
	| {type: 'clearMessage'}
	| {type: 'openModal'; request: ActionRequest}
	| {type: 'closeModal'}
	| {type: 'toggleMark'; key: PipelineKey}
	| {type: 'markAll'; keys: readonly PipelineKey[]}
	| {type: 'clearMarks'}
	| {type: 'setFrozen'; keys: readonly PipelineKey[]}
	| {type: 'openBulk'; request: BulkRequest}
	| {type: 'closeBulk'};

export const initialScroll: Scroll = {cursor: {index: 0}, offset: 0};

export function initialUiState(): UiState {
	return {stack: [{kind: 'fleet', ...initialScroll}], filter: '', scope: {}, sort: 'attention', promptHistory: [], marks: [], frozen: []};
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
			const prompt = {...state.prompt, text: action.text, hint: action.hint, historyIndex: action.historyIndex};
			// The filter applies as it is typed, like k9s: the list narrows with each key.
			return state.prompt.mode === 'filter' ? {...state, prompt, filter: action.text} : {...state, prompt};
		}
		case 'closePrompt': {
			if (!state.prompt) return state;
			const filter = action.restore && state.prompt.mode === 'filter' ? (state.prompt.before ?? '') : state.filter;
			return {...state, prompt: undefined, filter};
		}
		case 'rememberCommand':
			// The newest last, once: running a recalled command does not repeat it.
			return {...state, promptHistory: [...state.promptHistory.filter(text => text !== action.text), action.text].slice(-100)};
		case 'setSort':
			return {...state, sort: action.sort};
		case 'openChooser':
			return {...state, chooser: action.chooser, prompt: undefined};
		case 'moveChooser':
			return state.chooser ? {...state, chooser: movedChooser(state.chooser, action.delta)} : state;
		case 'closeChooser':
			return {...state, chooser: undefined};
		case 'setFilter':
			return {...state, filter: action.filter};
		case 'setScope':
			return {...state, scope: action.scope};
		case 'message':
			return {...state, message: {text: action.text, kind: action.kind ?? 'info', at: action.at}};
		case 'clearMessage':
			return state.message ? {...state, message: undefined} : state;
		case 'openModal':
			return {...state, modal: action.request, prompt: undefined};
		case 'closeModal':
			return {...state, modal: undefined};
		default:
			return reduceMarks(state, action);
	}
}

/** Marks and the bulk dialog: a second reducer, so the first stays about views and prompts. */
function reduceMarks(state: UiState, action: Exclude<UiAction, {type: Exclude<UiAction['type'], 'toggleMark' | 'markAll' | 'clearMarks' | 'setFrozen' | 'openBulk' | 'closeBulk'>}>): UiState {
	switch (action.type) {
		case 'toggleMark':
			return {...state, marks: state.marks.includes(action.key) ? state.marks.filter(key => key !== action.key) : [...state.marks, action.key]};
		case 'markAll': {
			const added = action.keys.filter(key => !state.marks.includes(key));
			return added.length === 0 ? state : {...state, marks: [...state.marks, ...added]};
		}
		case 'clearMarks':
			return state.marks.length === 0 ? state : {...state, marks: []};
		case 'setFrozen':
			return {...state, frozen: action.keys};
		case 'openBulk':
			return {...state, bulk: action.request, prompt: undefined};
		case 'closeBulk':
			return {...state, bulk: undefined};
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
