/**
 * A Lambda invoke's cause: the function's log group (`/aws/lambda/NAME`) filtered to the time
 * window of the action (FilterLogEvents), the streams that logged an error marked as the failed
 * part, and the last error line as the headline.
 */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import {list, num, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, isErrorText, line, summaryCause} from './lines.js';
import type {CauseContext} from './types.js';

const MAX_PAGES = 5;
/** Without a start time (the pipeline's state has none), look this far back from the last change. */
const DEFAULT_WINDOW_MS = 15 * 60_000;
/** Log lines are ingested a little after the action's status changes. */
const SLACK_MS = 60_000;

/** The text of a runtime log line without its timestamp and request id (`2026-...\tid\tERROR\ttext`). */
function messageOf(text: string): string {
	const parts = text.split('\t');
	return parts.length >= 4 && /^\d{4}-\d\d-\d\dT/.test(parts[0]) ? parts.slice(3).join(' ') : text;
}

export async function lambdaCause({subject, read}: CauseContext): Promise<Cause> {
	const name = subject.configuration.FunctionName;
	if (!name) return summaryCause(subject, 'the action names no function (FunctionName)');
	const group = `/aws/lambda/${name.split(':').pop()}`;
	const end = (subject.endTime ?? Date.now()) + SLACK_MS;
	const start = (subject.startTime ?? end - SLACK_MS - DEFAULT_WINDOW_MS) - 5_000;
	const events: Array<{stream: string; timestamp: number; message: string}> = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const output = await read('FilterLogEvents', (api, signal) => api.filterLogEvents({logGroupName: group, startTime: start, endTime: end, nextToken: token}, {signal}));
		for (const raw of list(output.events)) {
			const event = obj(raw);
			events.push({stream: str(event.logStreamName) ?? '', timestamp: num(event.timestamp) ?? 0, message: (str(event.message) ?? '').replace(/\n$/, '')});
		}
		token = str(output.nextToken);
		if (!token) break;
	}
	const failedStreams = new Set(events.filter(event => isErrorText(event.message)).map(event => event.stream));
	const lines: CauseLine[] = events.map(event => line(event.message, {timestamp: event.timestamp, error: isErrorText(event.message), failedPart: failedStreams.has(event.stream)}));
	const lastError = [...events].reverse().find(event => isErrorText(event.message));
	return {
		provider: 'Lambda',
		linesTitle: `Function log ${group}`,
		headline: lastError ? `${name}: ${messageOf(lastError.message)}` : (subject.errorMessage ?? `function ${name} logged no error in the action's time window`),
		details: [`function ${name}, ${events.length} log lines from ${new Date(start).toISOString()} to ${new Date(end).toISOString()}`, ...actionFacts(subject)],
		lines,
		links: actionLinks(subject),
	};
}
