import {describe, expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Approval', [{name: 'Approve', category: 'Approval', configuration: {CustomData: 'Check the dashboards', ExternalEntityLink: 'https://example.com/release'}}]],
	['Deploy', [{name: 'Ship', category: 'Deploy'}]],
];
const BEHAVIOUR = timings({'Source/Checkout': 5, 'Deploy/Ship': 30});

function waiting(extra: Record<string, unknown> = {}) {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES, extra), behaviour: BEHAVIOUR}]);
	const id = t.start('app');
	t.advance(10);
	return {...t, id};
}

function answer(t: ReturnType<typeof waiting>, token: string, status = 'Approved', extra: Record<string, unknown> = {}) {
	return t.call<any>('PutApprovalResult', {pipelineName: 'app', stageName: 'Approval', actionName: 'Approve', token, result: {summary: `${status} in test`, status}, ...extra});
}

describe('manual approvals', () => {
	test('the state shows a token while the approval waits; approving moves on', () => {
		const t = waiting();
		const latest = t.action('app', 'Approval', 'Approve').latestExecution;
		expect(latest.status).toBe('InProgress');
		expect(latest.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(t.action('app', 'Approval', 'Approve').entityUrl).toBe('https://example.com/release');
		const {approvedAt} = answer(t, latest.token);
		expect(approvedAt).toBe(t.clock.now() / 1000);
		const after = t.action('app', 'Approval', 'Approve').latestExecution;
		expect(after.status).toBe('Succeeded');
		expect(after.token).toBeUndefined();
		expect(after.summary).toBe('Approved in test');
		expect(after.lastUpdatedBy).toBe('arn:aws:iam::111122223333:user/test');
		t.advance(40);
		expect(t.execution('app', t.id).status).toBe('Succeeded');
	});

	test('a token is good once; unknown tokens are refused', () => {
		const t = waiting();
		const token = t.action('app', 'Approval', 'Approve').latestExecution.token;
		expect(t.error('PutApprovalResult', {pipelineName: 'app', stageName: 'Approval', actionName: 'Approve', token: '00000000-0000-4000-8000-000000000000', result: {summary: '', status: 'Approved'}}).code).toBe('InvalidApprovalTokenException');
		answer(t, token);
		const again = t.error('PutApprovalResult', {pipelineName: 'app', stageName: 'Approval', actionName: 'Approve', token, result: {summary: 'twice', status: 'Approved'}});
		expect(again.code).toBe('ApprovalAlreadyCompletedException');
	});

	test('rejecting fails the action, the stage and the execution', () => {
		const t = waiting();
		answer(t, t.action('app', 'Approval', 'Approve').latestExecution.token, 'Rejected');
		expect(t.action('app', 'Approval', 'Approve').latestExecution.status).toBe('Failed');
		expect(t.stage('app', 'Approval').latestExecution.status).toBe('Failed');
		expect(t.execution('app', t.id).status).toBe('Failed');
		expect(t.stage('app', 'Deploy').latestExecution).toBeUndefined();
	});

	test('an approval nobody answers fails after 7 days', () => {
		const t = waiting();
		t.advance(7 * 86400 - 60);
		expect(t.action('app', 'Approval', 'Approve').latestExecution.status).toBe('InProgress');
		t.advance(120);
		const latest = t.action('app', 'Approval', 'Approve').latestExecution;
		expect(latest.status).toBe('Failed');
		expect(latest.errorDetails.message).toContain('timed out');
		expect(t.execution('app', t.id).status).toBe('Failed');
	});

	test('wrong stage or action names are StageNotFoundException / ActionNotFoundException', () => {
		const t = waiting();
		const token = t.action('app', 'Approval', 'Approve').latestExecution.token;
		expect(t.error('PutApprovalResult', {pipelineName: 'app', stageName: 'Nope', actionName: 'Approve', token, result: {summary: '', status: 'Approved'}}).code).toBe('StageNotFoundException');
		expect(t.error('PutApprovalResult', {pipelineName: 'app', stageName: 'Approval', actionName: 'Nope', token, result: {summary: '', status: 'Approved'}}).code).toBe('ActionNotFoundException');
		const bad = t.error('PutApprovalResult', {pipelineName: 'app', stageName: 'Approval', actionName: 'Approve', token, result: {summary: '', status: 'Maybe'}});
		expect(bad.code).toBe('ValidationException');
		expect(bad.message).toContain("'result.status'");
	});

	test('PARALLEL mode: no token in the state; the externalExecutionId is the token', () => {
		const t = waiting({pipelineType: 'V2', executionMode: 'PARALLEL'});
		const latest = t.action('app', 'Approval', 'Approve').latestExecution;
		expect(latest.token).toBeUndefined();
		const detail = t.call<any>('ListActionExecutions', {pipelineName: 'app', filter: {pipelineExecutionId: t.id}}).actionExecutionDetails.find((entry: any) => entry.actionName === 'Approve');
		const token = detail.output.executionResult.externalExecutionId;
		expect(token).toBe(latest.externalExecutionId);
		answer(t, token);
		t.advance(40);
		expect(t.execution('app', t.id).status).toBe('Succeeded');
	});

	test('scenario outcomes answer approvals automatically after their delay, cycling', () => {
		const t = makeWorld([{doc: pipelineDoc('app', STAGES), behaviour: {...BEHAVIOUR, 'Approval/Approve': {seconds: 600, outcomes: ['Succeeded', 'Failed']}}}]);
		const first = t.start('app');
		t.advance(300);
		expect(t.action('app', 'Approval', 'Approve').latestExecution.status).toBe('InProgress');
		t.advance(400);
		const approved = t.action('app', 'Approval', 'Approve').latestExecution;
		expect(approved.status).toBe('Succeeded');
		expect(approved.lastUpdatedBy).toMatch(/^arn:aws:sts::111122223333:assumed-role\//);
		t.advance(60);
		expect(t.execution('app', first).status).toBe('Succeeded');
		const second = t.start('app');
		t.advance(700);
		expect(t.action('app', 'Approval', 'Approve').latestExecution.status).toBe('Failed');
		expect(t.execution('app', second).status).toBe('Failed');
	});
});
