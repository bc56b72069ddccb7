/** SendMessage, ReceiveMessage, DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility. */

import {openQueue, type SqsHandler} from './call.js';
import {batchError, invalidParameterValue, messageNotInflight, receiptHandleIsInvalid} from './errors.js';
import {objectList, optionalInteger, requiredString, stringList} from './input.js';
import type {QueueMessage} from './queue.js';

/** The largest VisibilityTimeout SQS takes: 12 hours. */
const MAX_VISIBILITY = 43_200;

export const sendMessage: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'SendMessage');
	const body = requiredString(input, 'MessageBody');
	if (Buffer.byteLength(body, 'utf8') > queue.settings.MaximumMessageSize) {
		throw invalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${queue.settings.MaximumMessageSize} bytes.`);
	}
	const delay = optionalInteger(input, 'DelaySeconds', 0, 900);
	const message = queue.send(body, call.context.accessKeyId, delay);
	return {MD5OfMessageBody: message.md5, MessageId: message.id};
};

/** System attributes a receive may ask for (`AttributeNames` is the deprecated spelling). */
function systemAttributes(message: QueueMessage, names: Set<string>): Record<string, string> | undefined {
	if (names.size === 0) return undefined;
	const all: Record<string, string | undefined> = {
		SenderId: message.senderId,
		SentTimestamp: String(message.sentAt),
		ApproximateReceiveCount: String(message.receiveCount),
		ApproximateFirstReceiveTimestamp: message.firstReceiveAt === undefined ? undefined : String(message.firstReceiveAt),
	};
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(all)) if (value !== undefined && (names.has('All') || names.has(name))) out[name] = value;
	return out;
}

function messageOut(message: QueueMessage, names: Set<string>): Record<string, unknown> {
	const attributes = systemAttributes(message, names);
	return {MessageId: message.id, ReceiptHandle: message.receipt, MD5OfBody: message.md5, Body: message.body, ...(attributes ? {Attributes: attributes} : {})};
}

export const receiveMessage: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'ReceiveMessage');
	const max = optionalInteger(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
	const visibility = optionalInteger(input, 'VisibilityTimeout', 0, MAX_VISIBILITY) ?? queue.settings.VisibilityTimeout;
	const wait = optionalInteger(input, 'WaitTimeSeconds', 0, 20) ?? queue.settings.ReceiveMessageWaitTimeSeconds;
	const names = new Set([...stringList(input, 'MessageSystemAttributeNames'), ...stringList(input, 'AttributeNames')]);
	const answer = (messages: QueueMessage[]) => (messages.length > 0 ? {Messages: messages.map(message => messageOut(message, names))} : {});
	const received = queue.receive(max, visibility, wait);
	return Array.isArray(received) ? answer(received) : received.then(answer);
};

export const deleteMessage: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'DeleteMessage');
	const handle = requiredString(input, 'ReceiptHandle');
	if (queue.delete(handle) === 'invalid') throw receiptHandleIsInvalid(handle);
	return {};
};

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export const deleteMessageBatch: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'DeleteMessageBatch');
	const entries = objectList(input, 'Entries');
	if (entries.length === 0) throw batchError('EmptyBatchRequest', 'There should be at least one DeleteMessageBatchRequestEntry in the request.');
	if (entries.length > 10) throw batchError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${entries.length}.`);
	const ids = entries.map(entry => requiredString(entry, 'Id'));
	for (const id of ids) if (!ENTRY_ID.test(id)) throw batchError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
	if (new Set(ids).size !== ids.length) throw batchError('BatchEntryIdsNotDistinct', 'Id values must be unique within a batch request.');
	const Successful: Array<{Id: string}> = [];
	const Failed: Array<{Id: string; SenderFault: boolean; Code: string; Message: string}> = [];
	entries.forEach((entry, index) => {
		const handle = requiredString(entry, 'ReceiptHandle');
		if (queue.delete(handle) === 'deleted') Successful.push({Id: ids[index]});
		else Failed.push({Id: ids[index], SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: `The input receipt handle "${handle}" is not a valid receipt handle.`});
	});
	return {Successful, Failed};
};

export const changeMessageVisibility: SqsHandler = (call, input) => {
	const queue = openQueue(call, input, 'ChangeMessageVisibility');
	const handle = requiredString(input, 'ReceiptHandle');
	const seconds = optionalInteger(input, 'VisibilityTimeout', 0, MAX_VISIBILITY);
	if (seconds === undefined) throw invalidParameterValue('The request must contain the parameter VisibilityTimeout.');
	const outcome = queue.changeVisibility(handle, seconds);
	if (outcome === 'invalid') throw receiptHandleIsInvalid(handle);
	if (outcome === 'not-inflight') throw messageNotInflight();
	return {};
};
