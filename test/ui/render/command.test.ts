import {describe, expect, test} from 'vitest';
import {findPipeline, parseCommand} from '../../../source/ui/model/prompt-command.js';
import {initialFleetState} from '../../../source/store/index.js';
import {pipeline} from './fixtures.js';

describe('command mode', () => {
	test('commands and their arguments', () => {
		expect(parseCommand(':profile prod')).toEqual({kind: 'profile', name: 'prod'});
		expect(parseCommand('region')).toEqual({kind: 'region', name: undefined});
		expect(parseCommand('pipeline web front')).toEqual({kind: 'pipeline', name: 'web front'});
		expect(parseCommand('failed')).toEqual({kind: 'attention', attention: 'failed'});
		expect(parseCommand('approvals')).toEqual({kind: 'attention', attention: 'approval'});
		expect(parseCommand('q')).toEqual({kind: 'quit'});
	});

	test('unambiguous prefixes work, unknown commands say what exists', () => {
		expect(parseCommand('pi web')).toEqual({kind: 'pipeline', name: 'web'});
		const unknown = parseCommand('deploy');
		expect(unknown.kind).toBe('error');
		expect(unknown.kind === 'error' && unknown.message).toContain(':pipeline');
		expect(parseCommand('pipeline').kind).toBe('error');
	});

	test(':pipeline prefers an exact name, then the most urgent partial match', () => {
		const state = initialFleetState();
		const a = pipeline('web', []);
		const b = pipeline('web-admin', []);
		state.pipelines = {[a.key]: a, [b.key]: b};
		state.order = [b.key, a.key];
		expect(findPipeline(state, 'WEB')).toBe(a.key);
		expect(findPipeline(state, 'adm')).toBe(b.key);
		expect(findPipeline(state, 'we')).toBe(b.key);
		expect(findPipeline(state, 'nothing')).toBeUndefined();
	});
});
