/** What an operator action touches, as two lines: where (account, region, profile) and what. Shown by the dialogs and the headless actions alike. */
import type {ActionTarget} from '../actions/types.js';

export function targetLines(target: ActionTarget): string[] {
	const where = `Account ${target.accountId ?? 'unknown'}   Region ${target.region}   Profile ${target.profile}`;
	const what = [`Pipeline ${target.pipelineName}`];
	if (target.stageName) what.push(`Stage ${target.stageName}`);
	if (target.actionName) what.push(`Action ${target.actionName}`);
	if (target.executionId) what.push(`Execution ${target.executionId}`);
	return [where, what.join('   ')];
}
