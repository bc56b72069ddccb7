/**
 * What the logs view shows for an action that has no build log (approvals, deploys, Lambda
 * invokes...): its status, summary, error and links, as text rows.
 */
import type {ActionExecutionView, ActionView} from '../../store/types.js';
import {textRows} from './text-view.js';
import {formatTimestamp} from '../../format/time.js';

export function actionDetailRows(action: ActionView | undefined, run: ActionExecutionView | undefined, width: number): string[] {
	const parts: string[] = [];
	const add = (label: string, value: string | undefined) => {
		if (value) parts.push(`${label}: ${value}`);
	};
	if (!action && !run) return textRows('this action is not in the pipeline any more', width);
	add('provider', run?.provider ?? action?.provider);
	add('status', run?.status ?? action?.status ?? 'not run');
	add('last change', formatTimestamp(run?.lastUpdateTime ?? action?.lastStatusChange));
	add('summary', run?.externalExecutionSummary ?? action?.summary);
	const errorCode = run?.errorCode ?? action?.errorCode;
	const errorMessage = run?.errorMessage ?? action?.errorMessage;
	if (errorCode || errorMessage) add('error', `${errorCode ? `${errorCode}: ` : ''}${errorMessage ?? ''}`);
	add('external execution', run?.externalExecutionId ?? action?.externalExecutionId);
	add('link', run?.externalExecutionUrl ?? action?.externalExecutionUrl);
	const configuration = run?.configuration ?? action?.configuration ?? {};
	if (configuration.CustomData) add('approval note', configuration.CustomData);
	if (configuration.ExternalEntityLink) add('review URL', configuration.ExternalEntityLink);
	add('updated by', run?.updatedBy ?? action?.lastUpdatedBy);
	parts.push('', 'This action has no build log: only CodeBuild actions do.');
	return textRows(parts.join('\n'), width);
}
