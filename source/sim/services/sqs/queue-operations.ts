/** CreateQueue, GetQueueUrl, GetQueueAttributes, DeleteQueue. */

import {parseCreateAttributes, reportAttributes, sameSettings} from './attributes.js';
import {allow, openQueue, type SqsHandler} from './call.js';
import {invalidParameterValue, queueDoesNotExist, queueNameExists} from './errors.js';
import {optionalString, requiredString, stringList} from './input.js';
import {queueUrl} from './queues.js';

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

function queueName(name: string): string {
	if (!NAME.test(name)) throw invalidParameterValue('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
	return name;
}

/** Creates the queue in the caller's account and region; the same name with the same settings answers its URL again. */
export const createQueue: SqsHandler = (call, input) => {
	const name = queueName(requiredString(input, 'QueueName'));
	const attributes = parseCreateAttributes(input.Attributes);
	const address = {accountId: call.context.accountId, region: call.context.region, name};
	const existing = call.queues.get(address);
	if (existing) {
		allow(call, existing, 'CreateQueue');
		if (!sameSettings(existing, attributes.given)) throw queueNameExists(name);
	} else {
		call.queues.create(address, attributes.settings).policy = attributes.policy;
	}
	return {QueueUrl: queueUrl(address, call.context.host)};
};

export const getQueueUrl: SqsHandler = (call, input) => {
	const name = queueName(requiredString(input, 'QueueName'));
	const owner = optionalString(input, 'QueueOwnerAWSAccountId') ?? call.context.accountId;
	const queue = call.queues.get({accountId: owner, region: call.context.region, name});
	if (!queue) throw queueDoesNotExist();
	allow(call, queue, 'GetQueueUrl');
	return {QueueUrl: queueUrl(queue.address, call.context.host)};
};

export const getQueueAttributes: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'GetQueueAttributes');
	const attributes = reportAttributes(queue, stringList(input, 'AttributeNames'));
	return attributes ? {Attributes: attributes} : {};
};

export const deleteQueue: SqsHandler = (call, input) => {
	call.queues.delete(openQueue(call, input, 'DeleteQueue'));
	return {};
};
