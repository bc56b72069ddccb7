import {describe, expect, test} from 'vitest';
import {matchPipeline, parsePromptCommand} from '../../../source/ui/model/prompt-command.js';
import {initialFleetState} from '../../../source/store/index.js';
import {pipeline} from '../render/fixtures.js';

describe('command mode', () => {
	test('commands and their arguments', () => {
		expect(parsePromptCommand(':profile prod')).toEqual({kind: 'profile', name: 'prod'});
		expect(parsePromptCommand('region')).toEqual({kind: 'region', name: undefined});
		expect(parsePromptCommand('pipeline web front')).toEqual({kind: 'pipeline', name: 'web front'});
		expect(parsePromptCommand('failed')).toEqual({kind: 'attention', attention: 'failed'});
		expect(parsePromptCommand('approvals')).toEqual({kind: 'attention', attention: 'approval'});
		expect(parsePromptCommand('q')).toEqual({kind: 'binding', command: 'quit'});
		expect(parsePromptCommand('help')).toEqual({kind: 'binding', command: 'help'});
		expect(parsePromptCommand('so')).toEqual({kind: 'binding', command: 'sources'});
	});

	test('unambiguous prefixes work, unknown commands say what exists', () => {
		expect(parsePromptCommand('pi web')).toEqual({kind: 'pipeline', name: 'web'});
		const unknown = parsePromptCommand('deploy');
		expect(unknown.kind).toBe('error');
		expect(unknown.kind === 'error' && unknown.message).toContain(':pipeline');
		expect(parsePromptCommand('pipeline').kind).toBe('error');
	});

	test(':pipeline takes a key or the one name that fits, and lists the candidates when several do', () => {
		const state = initialFleetState();
		const a = pipeline('web', []);
		const b = pipeline('web-admin', []);
		state.pipelines = {[a.key]: a, [b.key]: b};
		state.order = [b.key, a.key];
		expect(matchPipeline(state, 'WEB')).toEqual({key: a.key});
		expect(matchPipeline(state, 'adm')).toEqual({key: b.key});
		// Two names contain "we": no guess, both offered, most urgent first.
		expect(matchPipeline(state, 'we')).toEqual({candidates: [b.key, a.key]});
		expect(matchPipeline(state, b.key)).toEqual({key: b.key});
		expect(matchPipeline(state, 'nothing')).toBeUndefined();
	});
});
