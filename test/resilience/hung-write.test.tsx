/**
 * A write that hangs (issue 18, item 5): the "Sending…" dialog closes on Esc, the write goes on
 * in the background and its outcome reaches the status line when it is known; `?` and the
 * other views answer meanwhile, and nothing is sent again (not by a second dialog either).
 * The embedded service holds the call open (hangRate) or answers late (latencyMs); the write's
 * time limit runs on the harness's virtual clock.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {PROFILE, REGION, key, operatorScenario} from '../actions/helpers/operator-sim.js';
import {flushIo} from '../../source/shared/clock.js';
import type {FaultOptions} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../ui/open-console.js';

const WRITE_TIMEOUT_MS = 30_000;

const opened: {fleet?: FleetHarness; screen?: OpenConsole} = {};
afterEach(async () => {
	opened.screen?.close();
	await opened.fleet?.close();
	delete opened.screen;
	delete opened.fleet;
});

const approvals = () => opened.fleet.sim.stats().byOperation.PutApprovalResult ?? 0;
const statusLine = () => opened.screen!.terminal.lines().at(-2) ?? '';

/** The console on the fleet view narrowed to `gate`, whose approval waits; the dialog at its confirm step. */
async function approvalAtConfirm(): Promise<{fleet: FleetHarness; screen: OpenConsole}> {
	const fleet = await startFleetHarness({scenario: operatorScenario()});
	opened.fleet = fleet;
	fleet.world.startExecution(PROFILE, REGION, 'gate');
	await fleet.until(state => state.pipelines[key('gate')]?.stages.find(stage => stage.name === 'Approve')?.actions[0].token !== undefined, {what: 'approval waiting'});
	const screen = openConsole(fleet, {columns: 120, rows: 40});
	opened.screen = screen;
	const {terminal, settle} = screen;
	await settle();
	await terminal.press('/');
	await terminal.type('gate');
	await terminal.press('enter');
	await terminal.waitFor('gate');
	await terminal.press('a');
	await settle();
	await terminal.waitFor('Review approval');
	await terminal.press('enter');
	await terminal.type('ship it');
	await terminal.press('enter');
	await terminal.waitFor('Press y to confirm');
	return {fleet, screen};
}

/** Confirms under these faults and waits for "Sending…". */
async function confirmUnder(fleet: FleetHarness, screen: OpenConsole, faults: FaultOptions): Promise<void> {
	fleet.setFaults(faults);
	await screen.terminal.press('y');
	await screen.terminal.waitFor('Sending:');
}

test('Esc closes a hung "Sending…" dialog; ? and other views answer; the outcome comes later; sent once', async () => {
	const {fleet, screen} = await approvalAtConfirm();
	const {terminal, settle} = screen;
	await confirmUnder(fleet, screen, {hangRate: 1, scope: {operations: ['PutApprovalResult']}});
	// The call has reached the service and is held there.
	for (let turn = 0; turn < 50 && approvals() === 0; turn++) await flushIo(2);
	expect(approvals()).toBe(1);
	await terminal.press('esc');
	await terminal.waitFor(text => !text.includes('Sending:'));
	expect(statusLine()).toMatch(/^still sending in the background: Approve .*its outcome will show here/);

	// The console is usable: help opens and closes, another view opens.
	await terminal.press('?');
	await terminal.waitFor('Keys in the fleet view');
	await terminal.press('esc');
	await terminal.waitFor(text => !text.includes('Keys in the fleet view'));
	await terminal.press('S');
	expect(screen.services.ui.getState().stack.at(-1)?.kind).toBe('sources');
	await terminal.waitFor(/Sources \d+: \d+ ok/);
	await terminal.press('esc');
	expect(screen.services.ui.getState().stack.at(-1)?.kind).toBe('fleet');

	// A second approval of the same pipeline while the first is on its way is refused, not sent.
	await terminal.waitFor('gate');
	await terminal.press('a');
	// No virtual time here: the engine would wait for the held call (the refusal needs no read).
	await terminal.settle();
	await terminal.waitFor('still on its way');
	await terminal.press('enter');
	await terminal.waitFor(text => !text.includes('still on its way'));

	// The write's time limit: the outcome (unknown: it was not sent again) reaches the status line.
	fleet.setFaults({});
	fleet.clock.advance(WRITE_TIMEOUT_MS);
	for (let step = 0; step < 40 && !/^approve: /.test(statusLine()); step++) await settle(250);
	expect(statusLine()).toMatch(/^approve: No clear answer from AWS \(TimeoutError\): the approval answer may or may not/);
	expect(approvals()).toBe(1);
	const audit = (await readFile(join(fleet.dir, 'audit.jsonl'), 'utf8')).trim().split('\n').map(line => JSON.parse(line));
	expect(audit).toEqual([expect.objectContaining({action: 'approve', outcome: 'unknown', errorCode: 'TimeoutError'})]);
});

test('a slow write whose dialog was closed: its success is reported when it comes', async () => {
	const {fleet, screen} = await approvalAtConfirm();
	const {terminal, settle} = screen;
	// Real-time latency: the answer comes after the dialog is closed, whatever the machine's speed.
	await confirmUnder(fleet, screen, {latencyMs: 1500, scope: {operations: ['PutApprovalResult']}});
	await terminal.press('esc');
	await terminal.waitFor(text => !text.includes('Sending:'));
	expect(statusLine()).toMatch(/^still sending in the background/);
	await terminal.waitFor(text => /approve: Done: Approve/.test(text), 20_000);
	fleet.setFaults({});
	expect(approvals()).toBe(1);
	await settle();
	expect(fleet.state().pipelines[key('gate')]?.attention).not.toBe('approval');
});
