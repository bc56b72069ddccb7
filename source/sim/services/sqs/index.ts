/**
 * The embedded SQS service (standard queues, AWS JSON 1.0, `X-Amz-Target: AmazonSQS.*`): the
 * queues and the operations a consumer of CodePipeline's events needs, plus SendMessage and
 * DeleteQueue. The world routes `sqs` calls here; the event feed (world/events/) delivers into it.
 */

import {SimError, type OperationContext} from '../../contract.js';
import type {Rng} from '../../world/random.js';
import type {Scheduler} from '../../world/scheduler.js';
import type {SqsHandler} from './call.js';
import type {Input} from './input.js';
import {changeMessageVisibility, deleteMessage, deleteMessageBatch, receiveMessage, sendMessage} from './message-operations.js';
import {createQueue, deleteQueue, getQueueAttributes, getQueueUrl} from './queue-operations.js';
import {QueueRegistry} from './queues.js';

export {QueueRegistry, queueUrl} from './queues.js';
export type {Queue, QueueAddress} from './queue.js';
export {DEFAULT_SETTINGS} from './queue.js';

export const SQS_OPERATIONS: Record<string, SqsHandler> = {
	CreateQueue: createQueue,
	GetQueueUrl: getQueueUrl,
	GetQueueAttributes: getQueueAttributes,
	DeleteQueue: deleteQueue,
	SendMessage: sendMessage,
	ReceiveMessage: receiveMessage,
	DeleteMessage: deleteMessage,
	DeleteMessageBatch: deleteMessageBatch,
	ChangeMessageVisibility: changeMessageVisibility,
};

export class SqsService {
	readonly queues: QueueRegistry;

	constructor(scheduler: Scheduler, rng: Rng) {
		this.queues = new QueueRegistry(scheduler, rng);
	}

	/** Answers one SQS operation: an answer, a promise of one (a long poll), or a thrown SimError. */
	handle(context: OperationContext, operation: string, input: Input, callerArn: string): unknown {
		const handler = Object.hasOwn(SQS_OPERATIONS, operation) ? SQS_OPERATIONS[operation] : undefined;
		if (!handler) throw new SimError('UnknownOperationException', `The operation ${operation} is not supported by the embedded sqs service.`);
		return handler({context, queues: this.queues, callerArn}, input);
	}
}
