/**
 * A CloudFormation stack's events, derived from the runs of the actions that deploy it: each run
 * is one stack operation between its start and its end. A failed run fails the function's update
 * with the very reason the action's error quotes, cancels the others, and rolls back.
 */

import {Rng} from '../random.js';
import type {ActionRun} from '../model.js';

export type StackEvent = {
	StackId: string;
	EventId: string;
	StackName: string;
	LogicalResourceId: string;
	PhysicalResourceId: string;
	ResourceType: string;
	Timestamp: string;
	ResourceStatus: string;
	ResourceStatusReason?: string;
};

type Resource = {logical: string; physical: (stack: string) => string; type: string};

const RESOURCES: Resource[] = [
	{logical: 'HandlerRole', physical: stack => `${stack}-HandlerRole-${stack.length}X7Q`, type: 'AWS::IAM::Role'},
	{logical: 'HandlerFunction', physical: stack => `${stack}-handler`, type: 'AWS::Lambda::Function'},
	{logical: 'HandlerAlias', physical: stack => `arn:aws:lambda:::function:${stack}-handler:live`, type: 'AWS::Lambda::Alias'},
];

/** The reason the failed resource gives: the same text the action's error message quotes. */
export function failedReason(stack: string): string {
	return `Resource handler returned message: "Resource of type 'AWS::Lambda::Function' with identifier '${stack}-handler' was not found" (HandlerErrorCode: NotFound)`;
}

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
	return value;
}

/** The stack's id: the run's external id when it is a stack ARN, else one made from the name. */
export function stackIdOf(run: ActionRun, stack: string, region: string, accountId: string): string {
	if (run.externalId?.startsWith('arn:aws:cloudformation:')) return run.externalId;
	return `arn:aws:cloudformation:${region}:${accountId}:stack/${stack}/${new Rng(hash(stack)).uuid()}`;
}

/** One run's events, newest first (DescribeStackEvents order); none while the run has not started. */
export function eventsOfRun(run: ActionRun, stack: string, stackId: string, now: number): StackEvent[] {
	const rng = new Rng(hash(run.id));
	const end = run.status === 'InProgress' ? now : run.lastUpdateTime;
	const steps: Array<[Resource | undefined, string, string?]> = [[undefined, 'UPDATE_IN_PROGRESS', 'User Initiated']];
	const failed = run.status === 'Failed';
	for (const resource of RESOURCES) {
		steps.push([resource, 'UPDATE_IN_PROGRESS']);
		if (failed && resource.logical === 'HandlerFunction') {
			steps.push([resource, 'UPDATE_FAILED', failedReason(stack)]);
			break;
		}
		steps.push([resource, 'UPDATE_COMPLETE']);
	}
	if (failed) {
		steps.push([RESOURCES[2], 'UPDATE_FAILED', 'Resource update cancelled']);
		steps.push([undefined, 'UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [HandlerFunction]. ']);
		steps.push([RESOURCES[0], 'UPDATE_IN_PROGRESS'], [RESOURCES[0], 'UPDATE_COMPLETE'], [undefined, 'UPDATE_ROLLBACK_COMPLETE']);
	} else if (run.status === 'Succeeded') steps.push([undefined, 'UPDATE_COMPLETE']);
	const span = Math.max(1000, end - run.startTime);
	const events = steps.map(([resource, status, reason], index): StackEvent => ({
		StackId: stackId,
		EventId: resource ? `${resource.logical}-${status}-${new Date(run.startTime).toISOString()}` : rng.uuid(),
		StackName: stack,
		LogicalResourceId: resource?.logical ?? stack,
		PhysicalResourceId: resource ? resource.physical(stack) : stackId,
		ResourceType: resource?.type ?? 'AWS::CloudFormation::Stack',
		Timestamp: new Date(Math.floor(run.startTime + (span * (index + 1)) / (steps.length + 1))).toISOString(),
		ResourceStatus: status,
		...(reason ? {ResourceStatusReason: reason} : {}),
	}));
	// A running update shows only what has happened by now.
	return events.filter(event => Date.parse(event.Timestamp) <= now).reverse();
}
