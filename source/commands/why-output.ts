/**
 * `pipetop why` output: the same cause the console shows, as text (headline, details, links,
 * then the failed part's lines, as `gh run view --log-failed` does) or as one JSON document.
 */

import type {CauseSubject} from '../engine/why/types.js';
import {formatClock} from '../format/time.js';
import type {Cause, CauseState} from '../store/cause-types.js';

export type WhyTarget = {pipeline: string; source: string; executionId: string; status: string};
export type ExplainedAction = {subject: CauseSubject; state: CauseState | undefined};

/** Keeps what a terminal would act on (escapes, other control characters) out of the text. */
function clean(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function linesOf(cause: Cause): Cause['lines'] {
	return cause.lines.some(each => each.failedPart) ? cause.lines.filter(each => each.failedPart) : cause.lines;
}

export function whyText(target: WhyTarget, actions: ExplainedAction[]): string {
	const out = [`${target.pipeline} (${target.source}) execution ${target.executionId}: ${target.status}`];
	if (actions.length === 0) out.push('no action of this execution failed');
	for (const {subject, state} of actions) {
		out.push('', `${subject.stageName}/${subject.actionName}  ${subject.provider}  ${subject.status ?? ''}`.trimEnd());
		const cause = state?.cause;
		if (!cause) {
			out.push(`  the cause could not be read: ${state?.error ? `${state.error.code}: ${state.error.message}` : 'no answer'}`);
			continue;
		}
		out.push(clean(cause.headline));
		for (const detail of cause.details) out.push(`  ${clean(detail)}`);
		for (const link of cause.links) out.push(`  ${link.label}: ${link.url}`);
		const lines = linesOf(cause);
		if (lines.length === 0) continue;
		out.push('', `${cause.linesTitle}${lines.length < cause.lines.length ? ', failed part' : ''}:`);
		for (const each of lines) out.push(`${each.timestamp === undefined ? '' : `${formatClock(each.timestamp)} `}${each.error ? '! ' : '  '}${clean(each.text)}`);
	}
	return `${out.join('\n')}\n`;
}

export function whyJson(target: WhyTarget, actions: ExplainedAction[]): string {
	const document = {
		...target,
		failedActions: actions.map(({subject, state}) => ({
			stageName: subject.stageName,
			actionName: subject.actionName,
			provider: subject.provider,
			status: subject.status,
			actionExecutionId: subject.actionExecutionId,
			...(state?.cause
				? {
						headline: state.cause.headline,
						details: state.cause.details,
						links: state.cause.links,
						linesTitle: state.cause.linesTitle,
						lines: state.cause.lines.map(each => ({...each, ...(each.timestamp === undefined ? {} : {time: new Date(each.timestamp).toISOString()})})),
					}
				: {error: state?.error ?? {code: 'NoAnswer', message: 'the cause could not be read'}}),
		})),
	};
	return `${JSON.stringify(document, null, 2)}\n`;
}
