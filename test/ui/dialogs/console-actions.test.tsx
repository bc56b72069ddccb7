import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {PipetopConfig} from '../../../source/config/types.js';
import {PROFILE, REGION, key, operatorScenario} from '../../actions/helpers/operator-sim.js';
import {startFleetHarness, type FleetHarness} from '../../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../open-console.js';
import {closedAfterEachTest} from '../console-per-test.js';

const opened = closedAfterEachTest();

const writes = ['StartPipelineExecution', 'StopPipelineExecution', 'RetryStageExecution', 'PutApprovalResult', 'EnableStageTransition', 'DisableStageTransition', 'RollbackStage', 'OverrideStageCondition'];
const calls = (operation: string) => opened.fleet!.sim.stats().byOperation[operation] ?? 0;

async function consoleOnWaitingApproval(config: PipetopConfig = {}): Promise<OpenConsole> {
	opened.fleet = await startFleetHarness({scenario: operatorScenario()});
	opened.fleet.world.startExecution(PROFILE, REGION, 'gate');
	await opened.fleet.until(state => state.pipelines[key('gate')]?.stages.find(stage => stage.name === 'Approve')?.actions[0].token !== undefined, {what: 'approval waiting'});
	opened.screen = openConsole(opened.fleet, {columns: 120, rows: 40, config});
	await opened.screen.settle();
	// Narrow the fleet to the one pipeline so the cursor is on it.
	await opened.screen.terminal.press('/');
	await opened.screen.terminal.type('gate');
	await opened.screen.terminal.press('enter');
	await opened.screen.terminal.waitFor('gate');
	return opened.screen;
}

describe('operator actions from the console keyboard', () => {
	it('a on a waiting pipeline: review, Approve, summary, double Enter stops at confirm, y y sends once', async () => {
		const {terminal, settle} = await consoleOnWaitingApproval();
		await terminal.press('a');
		const review = await terminal.waitFor('Review approval Approve/Manual');
		expect(review).toContain('Account 123456789012');
		expect(review).toContain('Region eu-west-1');
		expect(review).toContain('Pipeline gate');
		expect(review).toContain('Note: Check the canary dashboard');
		expect(review).toContain('Review: https://dash.example/shop');

		await terminal.press('enter');
		await terminal.waitFor('Summary');
		await terminal.type('canary green');
		await terminal.press('enter', 'enter');
		expect(await terminal.waitFor('Enter does not confirm here: press y, or Esc to cancel')).toContain('Approve Approve/Manual of execution');
		expect(calls('PutApprovalResult')).toBe(0);

		await terminal.press('y', 'y');
		await settle();
		await terminal.waitFor('Accepted by AWS');
		await settle();
		expect(calls('PutApprovalResult')).toBe(1);
		await terminal.press('enter');
		await terminal.waitFor(text => !text.includes('Review approval'));
		await opened.fleet!.until(state => state.pipelines[key('gate')]?.stages.find(stage => stage.name === 'Deploy')?.status === 'InProgress', {what: 'Deploy running', withinMs: 30_000});

		const audit = (await readFile(join(opened.fleet!.dir, 'audit.jsonl'), 'utf8')).trim().split('\n').map(line => JSON.parse(line));
		expect(audit).toEqual([expect.objectContaining({via: 'console', action: 'approve', pipeline: 'gate', outcome: 'done', parameters: {status: 'Approved', summary: 'canary green'}})]);
	});

	it('Esc cancels at any question: nothing is sent or logged', async () => {
		const {terminal} = await consoleOnWaitingApproval();
		await terminal.press('a');
		await terminal.waitFor('Review approval');
		await terminal.press('enter');
		await terminal.type('never mind');
		await terminal.press('esc');
		await terminal.waitFor(text => !text.includes('Review approval'));
		for (const operation of writes) expect(calls(operation)).toBe(0);
		await expect(readFile(join(opened.fleet!.dir, 'audit.jsonl'), 'utf8')).rejects.toThrow();
	});

	it('an approval answered elsewhere meanwhile: the dialog explains it and the console keeps running', async () => {
		const {terminal, settle} = await consoleOnWaitingApproval();
		await terminal.press('a');
		await terminal.waitFor('Review approval');
		await terminal.press('enter');
		await terminal.type('ship');
		await terminal.press('enter');
		await terminal.waitFor('Press y to confirm');
		const token = opened.fleet!.state().pipelines[key('gate')]?.stages.find(stage => stage.name === 'Approve')?.actions[0].token;
		opened.fleet!.world.call(PROFILE, REGION, 'PutApprovalResult', {pipelineName: 'gate', stageName: 'Approve', actionName: 'Manual', token, result: {status: 'Approved', summary: 'someone else'}});
		await terminal.press('y');
		await settle();
		const refused = await terminal.waitFor('Refused by AWS (ApprovalAlreadyCompletedException)');
		expect(refused).toContain('Someone already answered this approval');
		expect(refused).toContain('Next: The screen has been refreshed');
		await terminal.press('enter');
		await settle();
		// The console goes on: the approval is gone, and `a` now says why it does nothing.
		await terminal.press('a');
		await terminal.waitFor('no pending approval');
	});

	it('r, s, n and t each open their dialog from the selected row and act on y', async () => {
		opened.fleet = await startFleetHarness({scenario: operatorScenario()});
		opened.fleet.world.startExecution(PROFILE, REGION, 'broken');
		opened.fleet.world.startExecution(PROFILE, REGION, 'slow');
		await opened.fleet.until(state => state.pipelines[key('broken')]?.stages[1]?.status === 'Failed' && state.pipelines[key('slow')]?.latestExecution?.status === 'InProgress', {what: 'broken failed, slow running'});
		opened.screen = openConsole(opened.fleet, {columns: 120, rows: 40});
		const {terminal, settle} = opened.screen;
		await settle();
		const act = async (pipeline: string, pressed: string, title: string, ...steps: string[]) => {
			await terminal.press('esc', '/');
			await terminal.type(pipeline);
			await terminal.press('enter', pressed);
			await settle();
			await terminal.waitFor(title);
			if (pressed === 'enter') return;
			for (const step of steps) {
				if (step === 'enter') await terminal.press('enter');
				else await terminal.type(step);
			}
			await terminal.waitFor('Press y to confirm');
			await terminal.press('y');
			await settle();
			await terminal.waitFor('Accepted by AWS');
			await terminal.press('enter');
			await settle();
		};
		await act('broken', 'r', 'Retry stage Build', 'enter');
		await act('slow', 's', 'Stop execution', 'enter', 'operator test', 'enter');
		await act('gate', 'n', 'Start gate', 'enter', 'enter');
		// In the pipeline view: the last row is the Deploy stage's action.
		await act('train', 'enter', 'Deploy');
		await terminal.press('G', 't');
		await settle();
		await terminal.waitFor('Disable transition into Deploy');
		await terminal.type('Freeze');
		await terminal.press('enter', 'y');
		await settle();
		await terminal.waitFor('Accepted by AWS');
		expect(['RetryStageExecution', 'StopPipelineExecution', 'StartPipelineExecution', 'DisableStageTransition'].map(calls)).toEqual([1, 1, 1, 1]);
	});

	it('in read-only mode the key says why and opens nothing; zero writes reach the service', async () => {
		const {terminal, settle} = await consoleOnWaitingApproval({readOnly: true});
		for (const pressed of ['a', 'r', 's', 'n', 't']) {
			await terminal.press(pressed);
			await settle();
			expect(terminal.text()).not.toContain('Press y to confirm');
		}
		expect(await terminal.waitFor('read-only mode')).not.toContain('Review approval');
		for (const operation of writes) expect(calls(operation)).toBe(0);
	});
});
