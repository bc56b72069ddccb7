/**
 * Keys do what the screen says (issue 12, item 7): two Esc in one read are two presses, the grid
 * opens on what needs the operator, clearing the filter keeps the selected pipeline, and behind
 * a dialog the footer offers the dialog's keys. The real console on the demo fleet, in frames.
 */
import {describe, expect, test} from 'vitest';
import type {PipelineEntry} from '../../source/store/types.js';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole, openPipeline, type OpenConsole} from './open-console.js';

const fleet = loadedFleetPerFile({scenario: 'demo'});

const selectedRow = (console_: OpenConsole) => console_.terminal.lines().find(line => line.startsWith('›'));
const footer = (console_: OpenConsole) => console_.terminal.lines().at(-1) ?? '';
const actionsOf = (entry: PipelineEntry) => entry.stages.flatMap(stage => stage.actions);

/** A pipeline whose failed action is not its first one (so opening on the first would be wrong). */
function failedPipeline(): {entry: PipelineEntry; index: number} {
	for (const entry of Object.values(fleet().state().pipelines)) {
		const index = actionsOf(entry).findIndex(action => action.status === 'Failed');
		if (index > 0 && entry.stages.every(stage => stage.actions.length === 1)) return {entry, index};
	}
	throw new Error('the demo has no failed pipeline');
}

describe('keys act on what is shown', () => {
	test('the grid opens with the cursor on the failed action', async () => {
		const {entry, index} = failedPipeline();
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await openPipeline(console_, entry.name);
		const failed = actionsOf(entry)[index];
		expect(console_.terminal.lines().at(-2)).toBe(`action ${index + 1}/${actionsOf(entry).length}`);
		expect(console_.terminal.text()).toContain(`›✗ ${failed.name}`);
		console_.close();
	});

	test('the grid opens with the cursor on the approval waiting', async () => {
		const entry = Object.values(fleet().state().pipelines).find(each => each.name === 'orders-api-prod')!;
		const index = actionsOf(entry).findIndex(action => action.category === 'Approval' && action.status === 'InProgress');
		expect(index).toBeGreaterThan(0);
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await openPipeline(console_, entry.name);
		expect(console_.terminal.lines().at(-2)).toBe(`action ${index + 1}/${actionsOf(entry).length}`);
		console_.close();
	});

	test('two Esc in one read go back two levels', async () => {
		const {entry} = failedPipeline();
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await openPipeline(console_, entry.name);
		await console_.terminal.press('e');
		await console_.settle();
		expect(console_.services.ui.getState().stack.map(view => view.kind)).toEqual(['fleet', 'pipeline', 'history']);
		await console_.terminal.write('\u001B\u001B');
		await console_.terminal.waitFor(() => console_.services.ui.getState().stack.length === 1);
		console_.close();
	});

	test('two Esc in one read close a dialog and go back in the view under it', async () => {
		const {entry} = failedPipeline();
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await openPipeline(console_, entry.name);
		await console_.terminal.press('r');
		await console_.settle();
		await console_.terminal.waitFor('Retry');
		await console_.terminal.write('\u001B\u001B');
		await console_.terminal.waitFor(() => console_.services.ui.getState().stack.length === 1 && !console_.services.ui.getState().modal);
		// The r that follows acts on the fleet's own selection, not from inside the grid.
		expect(console_.services.ui.getState().stack.map(view => view.kind)).toEqual(['fleet']);
		console_.close();
	});

	test('clearing the filter keeps the selected pipeline selected', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await console_.settle(0);
		await console_.terminal.press('/');
		await console_.terminal.type('billing');
		await console_.terminal.press('enter', 'j');
		const chosen = /billing-[a-z-]+/.exec(selectedRow(console_) ?? '')?.[0];
		expect(chosen).toBeDefined();
		await console_.terminal.press('esc');
		await console_.terminal.waitFor('filter cleared');
		expect(selectedRow(console_)).toContain(chosen);

		// Typing the filter away keeps it too.
		await console_.terminal.press('/');
		await console_.terminal.type('bill');
		await console_.terminal.press('backspace', 'backspace', 'backspace', 'backspace', 'enter');
		expect(selectedRow(console_)).toContain(chosen);
		console_.close();
	});

	test('behind a dialog the footer offers the dialog keys, never q quit', async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 40});
		await openPipeline(console_, 'orders-api-prod');
		expect(footer(console_)).toContain('q quit');
		await console_.terminal.press('a');
		await console_.settle();
		await console_.terminal.waitFor('Review approval');
		// The decision: a choice.
		await console_.terminal.waitFor(() => footer(console_).includes('next'));
		expect(footer(console_)).toMatch(/↑ up {2}↓ down {2}↵ next {2}Esc cancel/);
		expect(footer(console_)).not.toContain('quit');
		await console_.terminal.press('esc');
		await console_.terminal.waitFor(text => !text.includes('Review approval'));
		expect(footer(console_)).toContain('q quit');
		console_.close();
	});
});
