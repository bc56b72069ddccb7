/** Helpers every cause reader shares: which lines are errors, and the action's own facts. */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import type {CauseSubject} from './types.js';

/** Words test runners, compilers and AWS use when something went wrong. */
const ERROR_PATTERN = /\b(errors?|fail(ed|ure|ing)?|exception|fatal|panic|denied|timed? ?out)\b|exit status [1-9]|npm ERR!|✗|×/i;

export function isErrorText(text: string): boolean {
	return ERROR_PATTERN.test(text);
}

export function line(text: string, extra: Partial<CauseLine> = {}): CauseLine {
	return {text: text.replace(/\s+$/, ''), ...extra};
}

/** The action's error and summary as CodePipeline reports them: the first details of every cause. */
export function actionFacts(subject: CauseSubject): string[] {
	const facts: string[] = [];
	if (subject.errorCode || subject.errorMessage) facts.push(`${subject.errorCode ? `${subject.errorCode}: ` : ''}${subject.errorMessage ?? ''}`.trim());
	if (subject.summary) facts.push(`summary: ${subject.summary}`);
	return facts;
}

export function actionLinks(subject: CauseSubject): Cause['links'] {
	return subject.externalExecutionUrl ? [{label: subject.provider, url: subject.externalExecutionUrl}] : [];
}

/** Any provider pipetop has no reader for: the action's summary, error and link, whole. */
export function summaryCause(subject: CauseSubject, note?: string): Cause {
	const details = actionFacts(subject);
	if (subject.externalExecutionId) details.push(`external execution: ${subject.externalExecutionId}`);
	if (note) details.push(note);
	const headline = subject.errorMessage ?? subject.summary ?? `${subject.provider} action ${subject.status ?? 'has not run'}`;
	return {provider: subject.provider, linesTitle: 'Details', headline, details, lines: [], links: actionLinks(subject)};
}
