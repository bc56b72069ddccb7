/**
 * A Commands action's cause: its CloudWatch Logs stream (the action execution's logStreamARN,
 * read from ListActionExecutions when the cursor was on the pipeline's state), the first error
 * line as the headline, every line of the run below.
 */

import type {Cause} from '../../store/cause-types.js';
import {list, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, isErrorText, line, summaryCause} from './lines.js';
import {readStream} from './log-stream.js';
import type {CauseContext} from './types.js';

/** `arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:log-stream:STREAM` -> its group and stream. */
function parseStreamArn(arn: string): {group: string; stream: string} | undefined {
	const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?):log-stream:(.+)$/.exec(arn);
	return match ? {group: match[1], stream: match[2]} : undefined;
}

async function streamArnOf({subject, read}: CauseContext): Promise<string | undefined> {
	if (subject.logStreamArn || !subject.executionId) return subject.logStreamArn;
	const output = await read('ListActionExecutions', (api, signal) =>
		api.listActionExecutions({pipelineName: subject.pipelineName, filter: {pipelineExecutionId: subject.executionId}}, {signal}),
	);
	const detail = list(output.actionExecutionDetails)
		.map(obj)
		.find(each => str(each.actionExecutionId) === subject.actionExecutionId || (str(each.stageName) === subject.stageName && str(each.actionName) === subject.actionName));
	return str(obj(obj(detail?.output).executionResult).logStreamARN);
}

export async function commandsCause(context: CauseContext): Promise<Cause> {
	const {subject, read} = context;
	const arn = await streamArnOf(context);
	const where = arn ? parseStreamArn(arn) : undefined;
	if (!where) return summaryCause(subject, 'the action execution names no log stream (logStreamARN)');
	const events = await readStream(read, where.group, where.stream);
	// The first error is the command's own complaint; later ones are the runner saying it stopped.
	const firstError = events.find(event => isErrorText(event.message));
	return {
		provider: 'Commands',
		linesTitle: `Commands log ${where.group} ${where.stream}`,
		headline: firstError ? firstError.message.trim() : (subject.errorMessage ?? 'the commands logged no error'),
		details: [...actionFacts(subject), `log stream: ${arn}`],
		lines: events.map(event => line(event.message, {timestamp: event.timestamp, error: isErrorText(event.message), failedPart: true})),
		links: actionLinks(subject),
	};
}
