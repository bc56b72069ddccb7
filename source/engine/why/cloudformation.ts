/**
 * A CloudFormation deploy's cause: DescribeStackEvents of the action's stack, cut to the update
 * the action started (back to the stack's "User Initiated" event), with the first `*_FAILED`
 * resource and its status reason as the headline and the update's events, oldest first, below.
 */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import {list, ms, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, line, summaryCause} from './lines.js';
import type {CauseContext} from './types.js';

/** Pages read at most: a busy stack has thousands of events, the last update is near the top. */
const MAX_PAGES = 5;

type StackEvent = {time?: number; logical: string; type: string; status: string; reason?: string; physical?: string; isStack: boolean};

function stackNameOf(subject: CauseContext['subject']): string | undefined {
	const named = subject.configuration.StackName;
	if (named) return named;
	const arn = subject.externalExecutionId;
	return arn?.startsWith('arn:aws:cloudformation:') ? arn.split('/')[1] : undefined;
}

function toEvent(raw: unknown): StackEvent {
	const event = obj(raw);
	const type = str(event.ResourceType) ?? '';
	return {
		time: ms(event.Timestamp),
		logical: str(event.LogicalResourceId) ?? '?',
		type,
		status: str(event.ResourceStatus) ?? '?',
		reason: str(event.ResourceStatusReason),
		physical: str(event.PhysicalResourceId),
		isStack: type === 'AWS::CloudFormation::Stack',
	};
}

const startsUpdate = (event: StackEvent) => event.isStack && event.status.endsWith('_IN_PROGRESS') && event.reason === 'User Initiated';

export async function cloudFormationCause({subject, read}: CauseContext): Promise<Cause> {
	const stack = stackNameOf(subject);
	if (!stack) return summaryCause(subject, 'the action names no stack (StackName)');
	const newestFirst: StackEvent[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const output = await read('DescribeStackEvents', (api, signal) => api.describeStackEvents({StackName: stack, NextToken: token}, {signal}));
		newestFirst.push(...list(output.StackEvents).map(toEvent));
		token = str(output.NextToken);
		if (!token || newestFirst.some(startsUpdate)) break;
	}
	const begin = newestFirst.findIndex(startsUpdate);
	const update = (begin === -1 ? newestFirst : newestFirst.slice(0, begin + 1)).reverse();
	const failed = update.find(event => event.status.endsWith('_FAILED') && !event.isStack) ?? update.find(event => event.status.endsWith('_FAILED'));
	const stackStatus = newestFirst.find(event => event.isStack)?.status;
	const headline = failed
		? `${failed.logical} (${failed.type}) ${failed.status}: ${failed.reason ?? 'no reason given'}`
		: `stack ${stack}${stackStatus ? ` is ${stackStatus}` : ' has no events'}`;
	const details = [`stack ${stack}${stackStatus ? `: ${stackStatus}` : ''}`, ...(failed?.physical ? [`resource: ${failed.physical}`] : []), ...actionFacts(subject)];
	const lines: CauseLine[] = update.map(event =>
		line(`${event.logical}  ${event.type}  ${event.status}${event.reason ? `  ${event.reason}` : ''}`, {timestamp: event.time, error: event.status.endsWith('_FAILED'), failedPart: true}),
	);
	return {provider: 'CloudFormation', linesTitle: `Stack events of the update (${stack})`, headline, details, lines, links: actionLinks(subject)};
}
