/**
 * PutApprovalResult. A token is good once: answering it again is
 * ApprovalAlreadyCompletedException; a token never issued for that action, or one whose approval
 * was abandoned by a stop, is InvalidApprovalTokenException (a documented choice for the latter).
 */

import {SimError} from '../../contract.js';
import type {Pipeline} from '../model.js';
import type {Engine} from './context.js';
import {settleAction} from './step.js';

export function answerApproval(
	engine: Engine,
	pipeline: Pipeline,
	stageName: string,
	actionName: string,
	token: string,
	result: {status: 'Approved' | 'Rejected'; summary: string},
	approver: string,
): number {
	const run = pipeline.approvalTokens.get(token);
	if (!run || run.stageName !== stageName || run.action.name !== actionName || run.status === 'Abandoned') {
		throw new SimError('InvalidApprovalTokenException', `The approval token ${token} is not valid for action ${actionName} in stage ${stageName}.`);
	}
	if (run.status !== 'InProgress') {
		throw new SimError('ApprovalAlreadyCompletedException', `The approval request for action ${actionName} has already been completed (${run.status}).`);
	}
	run.summary = result.summary;
	const now = engine.scheduler.now();
	// Rejection leaves errorDetails empty: the reviewer's summary carries the reason (a documented choice).
	settleAction(engine, run, result.status === 'Approved' ? 'Succeeded' : 'Failed', approver);
	return now;
}
