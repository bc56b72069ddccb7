import type {ActionOutcome, ActionResult, ActionTarget, OperatorCommand} from '../actions/types.js';

/**
 * Exit codes of the headless actions (docs/actions.md):
 * 0 done; 1 AWS refused or the call failed; 2 bad usage, or pipetop refused before sending
 * (read-only, nothing to act on, not confirmed); 3 no clear answer: it may or may not have happened.
 */
export const exitCodes = {done: 0, refused: 1, failed: 1, blocked: 2, unknown: 3} as const satisfies Record<ActionOutcome, number>;

export function exitCodeFor(outcome: ActionOutcome): number {
	return exitCodes[outcome];
}

export type OperatorReport = {
	command: OperatorCommand;
	outcome: ActionOutcome;
	target?: ActionTarget;
	parameters?: Record<string, unknown>;
	result: ActionResult;
};

/** The --json document: one object on stdout, whatever the outcome. */
export function reportJson(report: OperatorReport): string {
	const {result, target} = report;
	return `${JSON.stringify({
		ok: report.outcome === 'done',
		command: report.command,
		outcome: report.outcome,
		exitCode: exitCodeFor(report.outcome),
		...(target
			? {
					profile: target.profile,
					account: target.accountId,
					region: target.region,
					pipeline: target.pipelineName,
					stage: target.stageName,
					action: target.actionName,
					executionId: target.executionId,
				}
			: {}),
		...(report.parameters ? {parameters: report.parameters} : {}),
		message: result.message,
		next: result.next,
		errorCode: result.code,
		awsMessage: result.detail,
		requestId: result.requestId,
		resultExecutionId: result.executionId,
	})}\n`;
}

/** Plain text: the outcome on stdout when done, on stderr otherwise. */
export function reportText(report: OperatorReport): {stdout: string; stderr: string} {
	const {result} = report;
	const lines = [result.message];
	if (result.next) lines.push(`Next: ${result.next}`);
	if (result.detail && report.outcome !== 'done') lines.push(`AWS said: ${result.detail}`);
	if (result.executionId) lines.push(`Execution: ${result.executionId}`);
	if (result.requestId) lines.push(`Request id: ${result.requestId}`);
	const text = `${lines.join('\n')}\n`;
	return report.outcome === 'done' ? {stdout: text, stderr: ''} : {stdout: '', stderr: text};
}
