/**
 * The embedded SQS queue through the real SDK: long polls that wait in the sim's time, visibility
 * timeouts that hand an undeleted message out again, deletes, and SQS's refusals.
 */

import {ChangeMessageVisibilityCommand, DeleteMessageBatchCommand, DeleteMessageCommand, GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand} from '@aws-sdk/client-sqs';
import {flushIo} from '../../../source/shared/clock.js';
import {afterEach, expect, test} from 'vitest';
import {answered, startFeed, TOOLS, type FeedHarness} from './helpers/feed.js';

let feed: FeedHarness;

afterEach(async () => {
	await feed?.stop();
});

test('a long poll waits in sim time: it answers the moment an event arrives, or empty when its wait is over', async () => {
	feed = await startFeed();
	const idle = (await feed.receive({WaitTimeSeconds: 20}));
	feed.clock.advance(19_000);
	await flushIo(20);
	expect(idle.done).toBe(false);
	feed.clock.advance(1000);
	expect(await answered(idle)).toEqual([]);

	const waiting = (await feed.receive({WaitTimeSeconds: 20, MaxNumberOfMessages: 10}));
	feed.clock.advance(5000);
	await flushIo(20);
	expect(waiting.done).toBe(false);
	const executionId = feed.world.startExecution('team', 'eu-west-1', 'web');
	// Answered at once, with no time passing: as SQS does, with the first message there (the pipeline's STARTED).
	const messages = await answered(waiting);
	expect(messages.map(message => JSON.parse(message.Body ?? '{}')['detail-type'])).toEqual(['CodePipeline Pipeline Execution State Change']);
	expect(JSON.parse(messages[0].Body ?? '{}').detail).toMatchObject({'execution-id': executionId, state: 'STARTED'});
	expect((await feed.drain()).map(entry => entry.event['detail-type'])).toEqual(['CodePipeline Stage Execution State Change', 'CodePipeline Action Execution State Change']);
});

test('an undeleted message comes back after its visibility timeout with a new receipt handle; deleted ones never do', async () => {
	feed = await startFeed();
	const client = feed.sqs();
	feed.world.startExecution('team', 'eu-west-1', 'web');
	const first = await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 30, MessageSystemAttributeNames: ['ApproximateReceiveCount']}));
	const [kept, deleted, batched] = first.Messages ?? [];
	expect(first.Messages).toHaveLength(3);
	expect(kept.Attributes?.ApproximateReceiveCount).toBe('1');
	await client.send(new DeleteMessageCommand({QueueUrl: feed.queueUrl, ReceiptHandle: deleted.ReceiptHandle}));
	const batch = await client.send(new DeleteMessageBatchCommand({QueueUrl: feed.queueUrl, Entries: [{Id: 'b', ReceiptHandle: batched.ReceiptHandle}, {Id: 'junk', ReceiptHandle: 'not-a-handle'}]}));
	expect(batch.Successful).toEqual([{Id: 'b'}]);
	expect(batch.Failed).toEqual([expect.objectContaining({Id: 'junk', SenderFault: true, Code: 'ReceiptHandleIsInvalid'})]);

	// Hidden while in flight (nothing else happened yet: the source takes 10 s).
	expect((await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl}))).Messages).toBeUndefined();
	feed.clock.advance(5000);
	expect((await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl}))).Messages).toBeUndefined();
	feed.clock.advance(25_000);
	const again = await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60, MessageSystemAttributeNames: ['All']}));
	const ids = (again.Messages ?? []).map(message => message.MessageId);
	expect(ids).toContain(kept.MessageId);
	expect(ids).not.toContain(deleted.MessageId);
	expect(ids).not.toContain(batched.MessageId);
	const back = again.Messages?.find(message => message.MessageId === kept.MessageId);
	expect(back?.Body).toBe(kept.Body);
	expect(back?.ReceiptHandle).not.toBe(kept.ReceiptHandle);
	expect(back?.Attributes).toMatchObject({ApproximateReceiveCount: '2', SentTimestamp: String(feed.clock.now() - 30_000)});

	// ChangeMessageVisibility 0 hands it out again at once; the old receipt handle no longer can.
	await expect(client.send(new ChangeMessageVisibilityCommand({QueueUrl: feed.queueUrl, ReceiptHandle: kept.ReceiptHandle, VisibilityTimeout: 0}))).rejects.toMatchObject({name: 'MessageNotInflight'});
	await client.send(new ChangeMessageVisibilityCommand({QueueUrl: feed.queueUrl, ReceiptHandle: back?.ReceiptHandle, VisibilityTimeout: 0}));
	const third = await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 10}));
	expect(third.Messages?.map(message => message.MessageId)).toEqual([kept.MessageId]);
});

test('a long poll also wakes when an in-flight message becomes visible again', async () => {
	feed = await startFeed({sources: [{account: 'team', regions: ['us-east-1']}]});
	feed.world.startExecution('team', 'us-east-1', 'api');
	const client = feed.sqs();
	const taken = await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 8}));
	expect(taken.Messages).toHaveLength(3);
	const waiting = (await feed.receive({WaitTimeSeconds: 20, MaxNumberOfMessages: 10}));
	feed.clock.advance(7000);
	await flushIo(20);
	expect(waiting.done).toBe(false);
	feed.clock.advance(1000);
	expect((await answered(waiting)).map(message => message.MessageId).sort()).toEqual(taken.Messages?.map(message => message.MessageId).sort());
});

test('GetQueueUrl and GetQueueAttributes as the model shapes them; bad parameters are refused with SQS codes', async () => {
	feed = await startFeed();
	const client = feed.sqs();
	expect((await client.send(new GetQueueUrlCommand({QueueName: 'pipetop-events'}))).QueueUrl).toBe(feed.queueUrl);
	feed.world.startExecution('team', 'eu-west-1', 'web');
	await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, VisibilityTimeout: 60}));
	const {Attributes} = await client.send(new GetQueueAttributesCommand({QueueUrl: feed.queueUrl, AttributeNames: ['All']}));
	expect(Attributes).toMatchObject({
		QueueArn: `arn:aws:sqs:us-east-1:${TOOLS.accountId}:pipetop-events`,
		ApproximateNumberOfMessages: '2',
		ApproximateNumberOfMessagesNotVisible: '1',
		VisibilityTimeout: '30',
		ReceiveMessageWaitTimeSeconds: '0',
	});
	await expect(client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, WaitTimeSeconds: 21}))).rejects.toMatchObject({name: 'InvalidParameterValue', message: expect.stringContaining('WaitTimeSeconds')});
	await expect(client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 11}))).rejects.toMatchObject({name: 'InvalidParameterValue'});
	await expect(client.send(new DeleteMessageCommand({QueueUrl: feed.queueUrl, ReceiptHandle: 'x'}))).rejects.toMatchObject({name: 'ReceiptHandleIsInvalid', $metadata: {httpStatusCode: 404}});
	await expect(client.send(new GetQueueAttributesCommand({QueueUrl: feed.queueUrl, AttributeNames: ['Nope' as 'All']}))).rejects.toMatchObject({name: 'InvalidAttributeName'});
	// The queue is regional: the same URL signed for another region finds nothing.
	await expect(feed.sqs('tools', 'us-east-1').send(new GetQueueUrlCommand({QueueName: 'nope'}))).rejects.toMatchObject({name: 'QueueDoesNotExist', Code: 'AWS.SimpleQueueService.NonExistentQueue'});
});

test('a message in flight until a moment between milliseconds wakes a waiting long poll once visible again (no busy loop)', async () => {
	feed = await startFeed({sources: [{account: 'team', regions: ['us-east-1']}]});
	// The engine's rate limits move a virtual clock by fractions of a millisecond.
	feed.clock.advance(0.3);
	feed.world.startExecution('team', 'us-east-1', 'api');
	const client = feed.sqs();
	const taken = await client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 8}));
	expect(taken.Messages).toHaveLength(3);
	const waiting = await feed.receive({WaitTimeSeconds: 20, MaxNumberOfMessages: 10});
	feed.clock.advance(5000);
	await flushIo(20);
	expect(waiting.done).toBe(false);
	// Visible again 8 s after the receive (between two milliseconds); the world wakes on whole seconds.
	feed.clock.advance(4000);
	expect((await answered(waiting)).map(message => message.MessageId).sort()).toEqual(taken.Messages?.map(message => message.MessageId).sort());
});
