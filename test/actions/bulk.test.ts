import {afterEach, describe, expect, it} from 'vitest';
import {planBulk, stageMatcher} from '../../source/actions/bulk-plan.js';
import {runBulk} from '../../source/actions/bulk-run.js';
import {bulkFailed, preflightLines, resultLines} from '../../source/actions/bulk-table.js';
import {createActionLayer} from '../../source/actions/create.js';
import type {OperatorSim} from './helpers/operator-sim.js';
import {ACCOUNTS, approvalsWaiting, bootFleet, PROFILES, shopKey, startBulkFleet} from './helpers/bulk-fleet.js';

let harness: OperatorSim | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

describe('a bulk approval over three accounts, against the embedded service', () => {
	it('leaves the read-only target out, reports the throttled one, approves the rest, and sends nothing twice', async () => {
		harness = await startBulkFleet({readOnly: ['charlie']});
		const app = await bootFleet(harness);
		await approvalsWaiting(harness, app);
		// Bravo's account is out of quota for approvals: every PutApprovalResult there is throttled.
		harness.sim.setFaults({throttleRate: 1, scope: {accountIds: [ACCOUNTS.bravo], operations: ['PutApprovalResult']}});

		const layer = createActionLayer(app, {via: 'cli', clock: harness.clock, env: harness.env});
		const keys = PROFILES.map(shopKey);
		const plan = planBulk(app.engine.store.getState(), keys, {command: 'approve', answers: {decision: 'approve', summary: 'release 42'}}, {id: 'p1', refusal: request => layer.disabledReason(request)});
		expect(plan.rows.map(row => [row.target.profile, row.target.accountId, row.target.stageName, row.excluded])).toEqual([
			['alpha', ACCOUNTS.alpha, 'Approve', undefined],
			['bravo', ACCOUNTS.bravo, 'Approve', undefined],
			['charlie', ACCOUNTS.charlie, 'Approve', 'read-only mode'],
		]);
		const table = preflightLines(plan).join('\n');
		expect(table).toContain('approve: 2 targets to send, 1 left out');
		expect(table).toMatch(/alpha\s+111111111111\s+eu-west-1\s+shop\s+Approve\/Manual\s+\w{8}\s+PutApprovalResult Approve\/Manual Approved "release 42"/);
		expect(table).toMatch(/Left out[^\n]*\n[^\n]*WHY\ncharlie .*read-only mode/);
		// The pre-flight changed nothing.
		expect(harness.calls('PutApprovalResult')).toBe(0);

		const run = runBulk(layer, plan, {slot: sourceKey => app.engine.writeSlot!(sourceKey)});
		// A second confirm while the first is on its way gets the same run.
		expect(runBulk(layer, plan)).toBe(run);
		const results = await harness.drive(run);
		expect(results.map(({row, result}) => [row.target.profile, result.outcome, result.code])).toEqual([
			['alpha', 'done', undefined],
			['bravo', 'refused', 'ThrottlingException'],
			['charlie', 'blocked', undefined],
		]);
		expect(bulkFailed(results)).toBe(true);
		const lines = resultLines(results).join('\n');
		expect(lines).toContain('1 of 2 targets done, 1 left out');
		expect(lines).toMatch(/refused\s+bravo .*Throttl/i);

		// Alpha's and bravo's approvals each reached the service once; charlie's never did.
		expect(harness.calls('PutApprovalResult')).toBe(2);
		const audit = await harness.audit();
		expect(audit.map(entry => [entry.profile, entry.action, entry.outcome, entry.parameters.bulk])).toEqual([
			['alpha', 'approve', 'done', true],
			['bravo', 'approve', 'refused', true],
			['charlie', 'approve', 'blocked', true],
		]);
		await harness.until(() => app.engine.store.getState().pipelines[shopKey('alpha')]?.stages[3].status === 'InProgress', 'alpha deploying to Prod', {maxMs: 60_000});
		expect(app.engine.store.getState().pipelines[shopKey('bravo')]?.stages[2].status).toBe('InProgress');
	});
});

describe('stage patterns', () => {
	it('match whole names in any case, with * and ?', () => {
		const prod = stageMatcher('Prod*');
		expect(['Prod', 'prod-eu', 'Production', 'PreProd'].filter(prod)).toEqual(['Prod', 'prod-eu', 'Production']);
		expect(['Beta1', 'Beta12'].filter(stageMatcher('Beta?'))).toEqual(['Beta1']);
		expect(stageMatcher('a.b')('axb')).toBe(false);
	});
});
