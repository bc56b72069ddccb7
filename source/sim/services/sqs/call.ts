/** What every SQS operation gets, and how it finds the queue a call names (and may use). */

import type {OperationContext} from '../../contract.js';
import {accessDenied, queueDoesNotExist} from './errors.js';
import {requiredString, type Input} from './input.js';
import type {Queue} from './queue.js';
import {parseQueueUrl, type QueueRegistry} from './queues.js';

export type SqsCall = {
	context: OperationContext;
	queues: QueueRegistry;
	/** The caller's IAM identity, as AccessDenied names it. */
	callerArn: string;
};

export type SqsHandler = (call: SqsCall, input: Input) => unknown;

/**
 * The queue's policy: its owner and the accounts it names may use it, unless it refuses everyone.
 * `action` is the operation name, as the refusal quotes it.
 */
export function allow(call: SqsCall, queue: Queue, action: string): void {
	const caller = call.context.accountId;
	if (queue.refusing || (caller !== queue.address.accountId && !queue.readers.has(caller))) throw accessDenied(call.callerArn, action, queue.arn);
}

/** The queue of the call's QueueUrl, in the call's region (queue names are regional). */
export function openQueue(call: SqsCall, input: Input, action: string): Queue {
	const {accountId, name} = parseQueueUrl(requiredString(input, 'QueueUrl'));
	const queue = call.queues.get({accountId, region: call.context.region, name});
	if (!queue) throw queueDoesNotExist();
	allow(call, queue, action);
	return queue;
}
