import {expect, test} from 'vitest';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole, type OpenConsole} from './open-console.js';

const fleet = loadedFleetPerFile({scenario: 'demo'});

async function onApprovalPipeline(): Promise<OpenConsole> {
	const console_ = openConsole(fleet(), {columns: 120, rows: 40});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('pipeline orders-api-prod');
	await console_.terminal.press('enter');
	await console_.settle();
	return console_;
}

test('an operator dialog takes the keys before the view; Esc gives them back', async () => {
	const console_ = await onApprovalPipeline();
	await console_.terminal.press('a');
	await console_.settle();
	await console_.terminal.waitFor('Review approval');
	// Keys a view would act on go to the dialog: the grid does not move, q does not quit.
	const stack = console_.services.ui.getState().stack;
	await console_.terminal.press('j', 'G', 'q', '?');
	expect(console_.services.ui.getState().stack).toBe(stack);
	expect(console_.terminal.text()).toContain('Review approval');
	// The frame still fits the terminal with the dialog in it.
	expect(console_.terminal.lines().length).toBeLessThanOrEqual(40);
	await console_.terminal.press('esc');
	await console_.terminal.waitFor(text => !text.includes('Review approval'));
	await console_.terminal.press('g', 'j');
	expect(console_.terminal.lines().at(-2)).toMatch(/^action 2\//);
	console_.close();
});

test('Ctrl-C quits from inside a dialog', async () => {
	const console_ = await onApprovalPipeline();
	await console_.terminal.press('a');
	await console_.settle();
	await console_.terminal.waitFor('Review approval');
	const exited = console_.terminal.instance.waitUntilExit();
	await console_.terminal.press('ctrl+c');
	await expect(exited).resolves.toBeUndefined();
});

test('a disabled operator key says why in the status line and opens nothing', async () => {
	const console_ = openConsole(fleet(), {columns: 120, rows: 40});
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type('pipeline checkout-web-prod');
	await console_.terminal.press('enter');
	await console_.settle();
	await console_.terminal.press('a');
	expect(console_.terminal.lines().at(-2)).toMatch(/^approve: .+/);
	expect(console_.services.ui.getState().modal).toBeUndefined();
	await console_.terminal.press('t');
	expect(console_.terminal.lines().at(-2)).toBe('transition: the first stage has no inbound transition');
	console_.close();
});
