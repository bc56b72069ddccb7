import {describe, expect, test} from 'vitest';
import {initialScroll, initialUiState, reduceUi, topOf} from '../../source/ui/model/ui-store.js';

describe('console state', () => {
	test('views stack up and Esc comes back down, never below the fleet', () => {
		let state = initialUiState();
		state = reduceUi(state, {type: 'push', entry: {kind: 'pipeline', key: 'a/b/c', ...initialScroll}});
		state = reduceUi(state, {type: 'push', entry: {kind: 'history', key: 'a/b/c', ...initialScroll}});
		expect(state.stack.map(entry => entry.kind)).toEqual(['fleet', 'pipeline', 'history']);
		state = reduceUi(reduceUi(reduceUi(state, {type: 'pop'}), {type: 'pop'}), {type: 'pop'});
		expect(state.stack.map(entry => entry.kind)).toEqual(['fleet']);
	});

	test('the filter applies while typed and Esc restores the one before', () => {
		let state = reduceUi(initialUiState(), {type: 'setFilter', filter: 'prod'});
		state = reduceUi(state, {type: 'openPrompt', mode: 'filter'});
		expect(state.prompt?.text).toBe('prod');
		state = reduceUi(state, {type: 'editPrompt', text: 'prod web'});
		expect(state.filter).toBe('prod web');
		expect(reduceUi(state, {type: 'closePrompt', restore: true}).filter).toBe('prod');
		expect(reduceUi(state, {type: 'closePrompt'}).filter).toBe('prod web');
	});

	test('a cursor update touches only the view on top', () => {
		let state = reduceUi(initialUiState(), {type: 'push', entry: {kind: 'pipeline', key: 'k', ...initialScroll}});
		state = reduceUi(state, {type: 'update', patch: {cursor: {index: 3, id: 'x'}}});
		expect(topOf(state).cursor).toEqual({index: 3, id: 'x'});
		expect(state.stack[0].cursor).toEqual({index: 0});
	});

	test('opening a dialog closes the prompt', () => {
		let state = reduceUi(initialUiState(), {type: 'openPrompt', mode: 'command'});
		state = reduceUi(state, {type: 'openModal', request: {command: 'start', pipelineKey: 'k'}});
		expect(state.prompt).toBeUndefined();
		expect(reduceUi(state, {type: 'closeModal'}).modal).toBeUndefined();
	});
});
