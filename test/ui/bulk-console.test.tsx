import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {REGION} from '../actions/helpers/operator-sim.js';
import {bulkScenario, PROFILES, shopKey} from '../actions/helpers/bulk-fleet.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from './open-console.js';
import {closedAfterEachTest} from './console-per-test.js';

const opened = closedAfterEachTest();

const calls = (operation: string) => opened.fleet!.sim.stats().byOperation[operation] ?? 0;

/** The dialog's lines inside its border, execution ids masked (they are the service's own). */
function dialog(lines: string[]): string[] {
	const top = lines.findIndex(line => line.startsWith('╭'));
	const bottom = lines.findIndex(line => line.startsWith('╰'));
	return lines.slice(top + 1, bottom).map(line => line.replaceAll(/\b[0-9a-f]{8}\b/g, '<id>'));
}

describe('marks and bulk actions in the console', () => {
	it('Space marks rows, * marks every row shown, Esc clears; a approves every marked pipeline after one pre-flight table', async () => {
		opened.fleet = await startFleetHarness({scenario: bulkScenario(), readOnlyProfiles: ['charlie']});
		for (const profile of PROFILES) opened.fleet.world.startExecution(profile, REGION, 'shop');
		await opened.fleet.until(state => PROFILES.every(profile => state.pipelines[shopKey(profile)]?.stages[2]?.actions[0]?.token !== undefined), {what: 'approvals waiting'});
		opened.screen = openConsole(opened.fleet, {columns: 120, rows: 24, config: {readOnlyProfiles: ['charlie']}});
		await opened.screen.settle();
		const {terminal} = opened.screen;
		await terminal.waitFor('charlie');
		await terminal.press('space', 'down', 'space');
		await terminal.waitFor('2 marked');
		const rows = terminal.lines();
		expect(rows[0]).toMatch(/^pipetop 2 marked {2}✗ 0 failed/);
		expect(rows.filter(line => /^\*. (alpha|bravo) /.test(line))).toHaveLength(2);
		expect(rows.find(line => line.includes('charlie 3333'))).toMatch(/^ /);
		await terminal.press('esc');
		await terminal.waitFor('marks cleared');
		expect(terminal.lines().some(line => line.startsWith('*'))).toBe(false);
		expect(terminal.lines()[0]).not.toContain('marked');
		await terminal.press('*');
		await terminal.waitFor('3 marked');

		await terminal.press('a');
		await terminal.waitFor('Review approvals: 3 pipelines');
		await terminal.press('enter');
		await terminal.waitFor('Summary');
		await terminal.type('release 42');
		await terminal.press('enter', 'enter');
		await terminal.waitFor('Enter does not confirm here');
		expect(dialog(terminal.lines())).toEqual([
			'│ Review approvals: 3 pipelines                                                                                        │',
			'│                                                                                                                      │',
			'│ approve: 2 targets to send, 1 left out                                                                               │',
			'│ PROFILE  ACCOUNT       REGION     PIPELINE  STAGE           EXECUTION  SENDS                                         │',
			'│ alpha    111111111111  eu-west-1  shop      Approve/Manual  <id>   PutApprovalResult Approve/Manual Approved "r… │',
			'│ bravo    222222222222  eu-west-1  shop      Approve/Manual  <id>   PutApprovalResult Approve/Manual Approved "r… │',
			'│ Left out (nothing is sent to these):                                                                                 │',
			'│ PROFILE  ACCOUNT       REGION     PIPELINE  STAGE           EXECUTION  WHY                                           │',
			'│ charlie  333333333333  eu-west-1  shop      Approve/Manual  <id>   read-only mode                                │',
			'│ Enter does not confirm here: press y, or Esc to cancel                                                               │',
			'│ Press y to send each one in turn, e to edit, Esc to cancel                                                           │',
		]);
		expect(calls('PutApprovalResult')).toBe(0);

		// A second y (key repeat) while the first run goes: nothing is sent twice.
		await terminal.press('y', 'y');
		await opened.screen.settle();
		await terminal.waitFor('targets done');
		expect(dialog(terminal.lines())).toEqual([
			'│ Review approvals: 3 pipelines                                                                                        │',
			'│                                                                                                                      │',
			'│ 2 of 2 targets done, 1 left out                                                                                      │',
			'│ RESULT    PROFILE  ACCOUNT       REGION     PIPELINE  STAGE           EXECUTION  MESSAGE                             │',
			'│ done      alpha    111111111111  eu-west-1  shop      Approve/Manual  <id>   Done: Approve Approve/Manual of ex… │',
			'│ done      bravo    222222222222  eu-west-1  shop      Approve/Manual  <id>   Done: Approve Approve/Manual of ex… │',
			'│ left out  charlie  333333333333  eu-west-1  shop      Approve/Manual  <id>   Not sent: read-only mode.           │',
			'│ Enter close                                                                                                          │',
		]);
		expect(calls('PutApprovalResult')).toBe(2);
		await terminal.press('enter');
		await terminal.waitFor(text => !text.includes('Review approvals'));
		// Sent: the marks have done their job.
		expect(terminal.lines()[0]).not.toContain('marked');
		const audit = (await readFile(join(opened.fleet.dir, 'audit.jsonl'), 'utf8')).trim().split('\n').map(line => JSON.parse(line) as {profile: string; outcome: string});
		expect(audit.map(entry => [entry.profile, entry.outcome])).toEqual([['alpha', 'done'], ['bravo', 'done'], ['charlie', 'blocked']]);
	});

	it(':freeze disables Prod* in every shown pipeline, leaves the one disabled by someone else, records it, and marks the frozen rows', async () => {
		opened.fleet = await startFleetHarness({scenario: bulkScenario({bravoProdDisabled: 'dba migration'})});
		const record = join(opened.fleet.dir, 'state', 'freeze.json');
		opened.screen = openConsole(opened.fleet, {columns: 120, rows: 24, freezeRecordPath: record});
		await opened.screen.settle();
		const {terminal} = opened.screen;
		await terminal.waitFor('charlie');
		await terminal.press(':');
		await terminal.type('freeze');
		await terminal.press('enter');
		await terminal.waitFor('Freeze: 3 pipelines');
		await terminal.type('Prod*');
		await terminal.press('enter');
		await terminal.waitFor('Reason (e.g. INC-123)');
		await terminal.type('INC-123');
		await terminal.press('enter');
		await terminal.waitFor('targets to send');
		expect(dialog(terminal.lines()).slice(2, 9)).toEqual([
			'│ transition: 2 targets to send, 1 left out                                                                            │',
			'│ PROFILE  ACCOUNT       REGION     PIPELINE  STAGE  EXECUTION  SENDS                                                  │',
			'│ alpha    111111111111  eu-west-1  shop      Prod   -          DisableStageTransition Prod Inbound "INC-123"          │',
			'│ charlie  333333333333  eu-west-1  shop      Prod   -          DisableStageTransition Prod Inbound "INC-123"          │',
			'│ Left out (nothing is sent to these):                                                                                 │',
			'│ PROFILE  ACCOUNT       REGION     PIPELINE  STAGE  EXECUTION  WHY                                                    │',
			'│ bravo    222222222222  eu-west-1  shop      Prod   -          already disabled: dba migration (by arn:aws:iam::2222… │',
		]);
		expect(calls('DisableStageTransition')).toBe(0);
		await terminal.press('y');
		await opened.screen.settle();
		await terminal.waitFor('Recorded in');
		expect(calls('DisableStageTransition')).toBe(2);
		expect(dialog(terminal.lines()).slice(2, 7)).toEqual([
			'│ 2 of 2 targets done, 1 left out                                                                                      │',
			'│ RESULT    PROFILE  ACCOUNT       REGION     PIPELINE  STAGE  EXECUTION  MESSAGE                                      │',
			'│ done      alpha    111111111111  eu-west-1  shop      Prod   -          Done: Disable the transition into Prod.      │',
			'│ left out  bravo    222222222222  eu-west-1  shop      Prod   -          Not sent: already disabled: dba migration (… │',
			'│ done      charlie  333333333333  eu-west-1  shop      Prod   -          Done: Disable the transition into Prod.      │',
		]);
		await terminal.press('enter');
		await terminal.waitFor('2 frozen');
		const lines = terminal.lines();
		expect(lines[0]).toMatch(/^pipetop 2 frozen {2}/);
		// The cursor's row shows the cursor; every other frozen row shows the freeze.
		expect(lines.find(line => line.includes('charlie 3333'))).toMatch(/^#/);
		expect(lines.find(line => line.includes('alpha   1111'))).toMatch(/^[#›]/);
		expect(lines.find(line => line.includes('bravo   2222'))).toMatch(/^[ ›]/);
		const saved = JSON.parse(await readFile(record, 'utf8')) as {frozen: Array<{profile: string}>; alreadyDisabled: Array<{profile: string; reason: string}>};
		expect(saved.frozen.map(entry => entry.profile)).toEqual(['alpha', 'charlie']);
		expect(saved.alreadyDisabled).toEqual([expect.objectContaining({profile: 'bravo', stage: 'Prod', reason: 'dba migration'})]);
	});
});
