import {describe, expect, it} from 'vitest';
import type {BulkPlan} from '../../../source/actions/bulk-plan.js';
import {bulkFinished, initialBulkState, onBulkKey, type BulkDialogState, type MakePlan} from '../../../source/ui/dialogs/bulk-dialog-state.js';
import type {DialogKey} from '../../../source/ui/dialogs/dialog-state.js';
import {initialUiState, reduceUi} from '../../../source/ui/model/ui-store.js';

const target = {pipelineKey: 'p/r/a', sourceKey: 'p/r', profile: 'p', region: 'r', pipelineName: 'a'};
function planOf(excluded?: string): MakePlan {
	return answers => ({id: 'x', spec: {command: 'approve', answers}, rows: [{request: {command: 'approve', pipelineKey: 'p/r/a'}, target, sends: 'PutApprovalResult', ...(excluded ? {excluded} : {})}]}) as BulkPlan;
}
const key = (command?: DialogKey['command'], text = ''): DialogKey => ({command, text});

function press(state: BulkDialogState, makePlan: MakePlan, ...keys: DialogKey[]) {
	const effects = [];
	for (const each of keys) {
		const next = onBulkKey(state, each, makePlan);
		state = next.state;
		effects.push(next.effect);
	}
	return {state, effects};
}

describe('the bulk dialog', () => {
	it('asks once, shows the pre-flight table, sends only on y, and never twice', () => {
		const makePlan = planOf();
		let state = initialBulkState('approve', makePlan);
		expect(state.phase.kind).toBe('questions');
		({state} = press(state, makePlan, key('dialogNext'), key(undefined, 'ok to ship'), key('dialogNext')));
		expect(state.phase).toMatchObject({kind: 'preflight', plan: {spec: {answers: {decision: 'approve', summary: 'ok to ship'}}}});
		const enter = press(state, makePlan, key('dialogNext'));
		expect(enter.effects).toEqual([undefined]);
		expect(enter.state.phase).toMatchObject({kind: 'preflight', error: expect.stringContaining('Enter does not confirm')});
		const sent = press(state, makePlan, key('dialogConfirm'), key('dialogConfirm'), key('dialogCancel'));
		expect(sent.effects.map(effect => effect?.kind)).toEqual(['send', undefined, undefined]);
		expect(sent.state.phase.kind).toBe('sending');
		const done = bulkFinished(sent.state, []);
		expect(press(done, makePlan, key('dialogNext')).effects).toEqual([{kind: 'close'}]);
	});

	it('e goes back to the questions with the answers kept; with every target left out, y sends nothing', () => {
		const makePlan = planOf('read-only mode');
		let {state} = press(initialBulkState('approve', makePlan), makePlan, key('dialogNext'), key(undefined, 'first'), key('dialogNext'));
		({state} = press(state, makePlan, key('dialogEdit')));
		expect(state.phase).toMatchObject({kind: 'questions', dialog: {answers: {decision: 'approve', summary: 'first'}}});
		({state} = press(state, makePlan, key('dialogNext'), key('dialogNext')));
		const refused = press(state, makePlan, key('dialogConfirm'));
		expect(refused.effects).toEqual([undefined]);
		expect(refused.state.phase).toMatchObject({kind: 'preflight', error: expect.stringContaining('Nothing to send')});
	});

	it('start has no questions: straight to the pre-flight table', () => {
		expect(initialBulkState('start', planOf()).phase.kind).toBe('preflight');
	});
});

describe('marks in the console state', () => {
	it('toggle one, add every shown one without doubles, clear', () => {
		let state = reduceUi(initialUiState(), {type: 'toggleMark', key: 'a'});
		state = reduceUi(state, {type: 'toggleMark', key: 'b'});
		state = reduceUi(state, {type: 'toggleMark', key: 'a'});
		expect(state.marks).toEqual(['b']);
		state = reduceUi(state, {type: 'markAll', keys: ['a', 'b', 'c']});
		expect(state.marks).toEqual(['b', 'a', 'c']);
		expect(reduceUi(state, {type: 'markAll', keys: ['a']})).toBe(state);
		expect(reduceUi(state, {type: 'clearMarks'}).marks).toEqual([]);
	});
});
