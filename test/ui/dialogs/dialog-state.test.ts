import {describe, expect, it} from 'vitest';
import type {Plan} from '../../../source/actions/plan.js';
import {retryAction} from '../../../source/actions/retry.js';
import {approveAction} from '../../../source/actions/approve.js';
import type {ActionRequest} from '../../../source/actions/types.js';
import {initialDialogState, onKey, prepared, sent, type DialogKey, type DialogState} from '../../../source/ui/dialogs/dialog-state.js';
import {dialogKey} from '../../../source/ui/dialogs/dialog-key.js';
import {consoleKeymap} from '../../../source/ui/views/registry.js';
import {fleet, typicalPipeline} from '../../actions/fixture-state.js';
import type {FleetState} from '../../../source/store/types.js';

// Keys as the dialog receives them: through the console's keymap, as dialog-key.ts reads Ink's events.
const keymap = consoleKeymap();
const noKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};
const enter: DialogKey = dialogKey('\r', {...noKey, return: true}, keymap);
const esc: DialogKey = dialogKey('', {...noKey, escape: true}, keymap);
const down: DialogKey = dialogKey('', {...noKey, downArrow: true}, keymap);
const type = (text: string): DialogKey => dialogKey(text, noKey, keymap);

async function open(state: FleetState, request: ActionRequest, module = approveAction): Promise<DialogState> {
	let id = 0;
	const result = await module.prepare(
		{
			getState: () => state,
			engine: {loadActionExecutions: async () => undefined, loadHistory: async () => undefined, loadDefinition: async () => undefined},
			now: () => 0,
			newId: () => `id-${id++}`,
			waitFor: async () => state,
		},
		request,
	);
	return prepared(initialDialogState, result);
}

function press(state: DialogState, ...keys: DialogKey[]): {state: DialogState; effects: string[]} {
	const effects: string[] = [];
	for (const key of keys) {
		const next = onKey(state, key);
		state = next.state;
		if (next.effect) effects.push(next.effect.kind);
	}
	return {state, effects};
}

const approve: ActionRequest = {command: 'approve', pipelineKey: 'dev/eu-west-1/web'};

describe('the action dialog state machine', () => {
	it('walks decision, summary and confirm; only y sends, and only once', async () => {
		const start = await open(fleet([typicalPipeline()]), approve);
		expect(start.phase.kind).toBe('step');
		const {state, effects} = press(start, enter, type('ship it'), enter, enter, enter);
		// Double Enter after the summary reaches the confirm step and stops there.
		expect(effects).toEqual([]);
		expect(state.phase).toMatchObject({kind: 'confirm', error: 'Enter does not confirm here: press y, or Esc to cancel'});
		const sending = press(state, type('y'), type('y'), enter);
		expect(sending.effects).toEqual(['send']);
		expect(sending.state.phase.kind).toBe('sending');
		if (sending.state.phase.kind !== 'sending') throw new Error('not sending');
		expect(sending.state.phase.intent.parameters).toEqual({status: 'Approved', summary: 'ship it'});
		const done = sent(sending.state, {outcome: 'done', message: 'Done'});
		expect(press(done, enter).effects).toEqual(['close']);
		// While sending, y and Enter do nothing; Esc hands the request to the background (not a resend).
		expect(press(sending.state, type('y'), enter, esc).effects).toEqual(['detach']);
	});

	it('refuses an empty summary and shows why', async () => {
		const start = await open(fleet([typicalPipeline()]), approve);
		const {state} = press(start, down, enter, enter);
		expect(state.phase).toMatchObject({kind: 'step', error: 'write a short summary (it is recorded with the approval)'});
	});

	it('Esc cancels without sending; n on the confirm step too', async () => {
		const start = await open(fleet([typicalPipeline()]), approve);
		expect(press(start, esc).effects).toEqual(['close']);
		expect(press(start, enter, type('x'), enter, type('n')).effects).toEqual(['close']);
	});

	it('will not pick a disabled option: all-actions retry while an action still runs', async () => {
		const entry = typicalPipeline();
		entry.stages[1].actions[1].status = 'InProgress';
		const start = await open(fleet([entry]), {command: 'retry', pipelineKey: entry.key, stageName: 'Build'}, retryAction);
		const {state, effects} = press(start, down, enter);
		expect(effects).toEqual([]);
		expect(state.phase).toMatchObject({kind: 'step', error: 'All actions: still running: Lint'});
	});

	it('shows a refusal when the plan cannot be made', async () => {
		const state = await open(fleet([typicalPipeline()]), {...approve, stageName: 'Build'});
		expect(state.phase).toEqual({kind: 'refused', reason: 'no pending approval'});
		expect(press(state, type('y')).effects).toEqual([]);
	});

	it('a plan without questions goes straight to confirm', async () => {
		const entry = typicalPipeline();
		entry.stages[3].inboundTransition = {enabled: false, disabledReason: 'freeze'};
		const {transitionAction} = await import('../../../source/actions/transition.js');
		const state = await open(fleet([entry]), {command: 'transition', pipelineKey: entry.key, stageName: 'Deploy'}, transitionAction);
		expect(state.phase.kind).toBe('confirm');
		const plan = state.plan as Plan;
		expect(plan.title).toBe('Enable transition into Deploy');
	});
});
