/**
 * Delivery as AWS promises it, and the scenario options that make its corners show: duplicates,
 * reordering, delay, a queue that refuses or is gone, an event storm.
 */

import {CreateQueueCommand, GetQueueUrlCommand, ReceiveMessageCommand} from '@aws-sdk/client-sqs';
import {afterEach, expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {createWorld} from '../../../source/sim/world/index.js';
import {rawCall} from '../http/helpers/clients.js';
import {eventLabel, EXECUTION_LABELS, feedScenario, startFeed, TEAM, TOOLS, type FeedHarness} from './helpers/feed.js';

let feed: FeedHarness;

afterEach(async () => {
	await feed?.stop();
});

test('duplicates: the same event (one id) arrives as two messages', async () => {
	feed = await startFeed({duplicates: 1});
	feed.world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(120_000);
	const received = await feed.drain();
	const byId = new Map<string, string[]>();
	for (const {message, event} of received) byId.set(event.id, [...(byId.get(event.id) ?? []), message.MessageId ?? '']);
	expect(byId.size).toBe(14);
	for (const messageIds of byId.values()) {
		expect(messageIds).toHaveLength(2);
		expect(new Set(messageIds).size).toBe(2);
	}
});

test('reorderSeconds: close events overtake each other, and every one still arrives', async () => {
	feed = await startFeed({reorderSeconds: 30});
	feed.world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(160_000);
	const events = (await feed.drain()).map(entry => entry.event);
	expect(events).toHaveLength(14);
	const times = events.map(event => Date.parse(event.time));
	expect(times.some((time, index) => index > 0 && time < times[index - 1])).toBe(true);
	expect(events.map(eventLabel).sort()).toEqual(EXECUTION_LABELS.toSorted());
});

test('delaySeconds: an event is in the queue only that long after the change', async () => {
	feed = await startFeed({delaySeconds: 5});
	feed.world.startExecution('team', 'eu-west-1', 'web');
	feed.clock.advance(4000);
	expect(await feed.drain()).toEqual([]);
	feed.clock.advance(1000);
	expect((await feed.drain()).map(entry => entry.event.detail.state)).toEqual(['STARTED', 'STARTED', 'STARTED']);
});

test('refuse: every call is AccessDenied, shaped as SQS sends it; other accounts need to be consumers', async () => {
	feed = await startFeed({refuse: true});
	feed.world.startExecution('team', 'eu-west-1', 'web');
	await expect(feed.sqs().send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl}))).rejects.toMatchObject({
		name: 'AccessDenied',
		$metadata: {httpStatusCode: 403},
		message: expect.stringContaining(`is not authorized to perform: sqs:receivemessage on resource: arn:aws:sqs:us-east-1:${TOOLS.accountId}:pipetop-events`),
	});
	const tools = feed.world.account('tools');
	const raw = await rawCall(feed.sim.url, tools, {service: 'sqs', target: 'AmazonSQS.ReceiveMessage', body: JSON.stringify({QueueUrl: feed.queueUrl}), extraHeaders: {'content-type': 'application/x-amz-json-1.0'}});
	expect(raw.status).toBe(403);
	expect(raw.headers['content-type']).toBe('application/x-amz-json-1.0');
	expect(raw.headers['x-amzn-query-error']).toBe('AccessDenied;Sender');
	expect(JSON.parse(raw.body).__type).toBe('com.amazon.coral.service#AccessDeniedException');

	// Let in again: the events sent meanwhile are there. The team account is no consumer of the queue.
	feed.world.events?.set({refuse: false});
	expect((await feed.drain()).length).toBe(3);
	await expect(feed.sqs('team', 'us-east-1').send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl}))).rejects.toMatchObject({name: 'AccessDenied'});
});

test('consumers: an account the queue policy names may read it across accounts', async () => {
	feed = await startFeed({consumers: ['team']});
	feed.world.startExecution('team', 'eu-west-1', 'web');
	const url = (await feed.sqs('team', 'us-east-1').send(new GetQueueUrlCommand({QueueName: 'pipetop-events', QueueOwnerAWSAccountId: TOOLS.accountId}))).QueueUrl;
	expect(url).toBe(feed.queueUrl);
	expect((await feed.drain(feed.sqs('team', 'us-east-1'))).length).toBe(3);
});

test('deleted: QueueDoesNotExist as the model names it, events are lost; created again, the feed resumes', async () => {
	feed = await startFeed({deleted: true});
	const client = feed.sqs();
	feed.world.startExecution('team', 'eu-west-1', 'web');
	await expect(client.send(new ReceiveMessageCommand({QueueUrl: feed.queueUrl}))).rejects.toMatchObject({name: 'QueueDoesNotExist', Code: 'AWS.SimpleQueueService.NonExistentQueue', $metadata: {httpStatusCode: 400}});
	const raw = await rawCall(feed.sim.url, feed.world.account('tools'), {service: 'sqs', target: 'AmazonSQS.GetQueueUrl', body: JSON.stringify({QueueName: 'pipetop-events'})});
	expect(raw.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
	expect(JSON.parse(raw.body)).toEqual({__type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.'});
	expect(feed.world.events?.counts()).toMatchObject({published: 3, delivered: 0, lost: 3});

	expect((await client.send(new CreateQueueCommand({QueueName: 'pipetop-events'}))).QueueUrl).toBe(feed.queueUrl);
	feed.clock.advance(10_000);
	expect((await feed.drain()).map(entry => eventLabel(entry.event))).toEqual(['Action Source/Checkout SUCCEEDED', 'Stage Source SUCCEEDED', 'Stage Build STARTED', 'Action Build/Compile STARTED']);
});

test('queueNames: every queue the central rule targets gets every event, so two consoles both see it', async () => {
	feed = await startFeed({queueNames: ['console-a', 'console-b']});
	const [a, b] = feed.sim.eventQueues;
	expect([a.url, b.url]).toEqual([feed.queueUrl, feed.queueUrl.replace('console-a', 'console-b')]);
	const client = feed.sqs();
	const read = async (url: string) => (await client.send(new ReceiveMessageCommand({QueueUrl: url, MaxNumberOfMessages: 10}))).Messages?.map(message => JSON.parse(message.Body ?? '{}').id) ?? [];
	feed.world.startExecution('team', 'eu-west-1', 'web');
	const onB = await read(b.url);
	expect(onB).toHaveLength(3);
	// console-b's queue goes away: console-a still gets everything, with the same event ids.
	feed.world.events?.set({queueName: 'console-b', deleted: true});
	feed.clock.advance(10_000);
	const onA = await read(a.url);
	expect(onA).toHaveLength(7);
	expect(onA.slice(0, 3).sort()).toEqual(onB.toSorted());
	feed.world.events?.set({queueName: 'console-b', deleted: false});
	expect(await read(b.url)).toEqual([]);
	expect(feed.world.events?.counts()).toMatchObject({published: 7, delivered: 7 + 3, lost: 4});
});

test('storm: many executions start across the fleet in a burst, each with its events', async () => {
	feed = await startFeed({storm: {executions: 40, afterSeconds: 60, seconds: 10}});
	feed.clock.advance(59_000);
	expect(await feed.drain()).toEqual([]);
	feed.clock.advance(11_000);
	const started = (await feed.drain()).map(entry => entry.event).filter(event => event['detail-type'] === 'CodePipeline Pipeline Execution State Change' && event.detail.state === 'STARTED');
	expect(started).toHaveLength(40);
	expect(new Set(started.map(event => event.detail.pipeline))).toEqual(new Set(['web', 'api']));
	const listed = feed.world.call('team', 'eu-west-1', 'ListPipelineExecutions', {pipelineName: 'web'}) as {pipelineExecutionSummaries: unknown[]};
	expect(listed.pipelineExecutionSummaries).toHaveLength(20);
});

test('a scenario whose events option is wrong is refused with a message naming the member', () => {
	const bad = (events: Record<string, unknown>) => () => createWorld({scenario: feedScenario(events as never), clock: new VirtualClock()});
	expect(bad({account: 'nobody'})).toThrow('scenario: events.account "nobody" is not one of the accounts (a profile or an account id)');
	expect(bad({duplicates: 2})).toThrow('events.duplicates must be a share from 0 to 1');
	expect(bad({region: 'eu-west-1'})).toThrow(`events.region "eu-west-1" is not one of tools's regions (us-east-1)`);
	expect(bad({sources: [{account: TEAM.profile, regions: ['ap-south-1']}]})).toThrow('events.sources[0].regions: "ap-south-1" is not one of team\'s regions');
	expect(bad({storm: {executions: 0}})).toThrow('events.storm.executions must be a whole number from 1 to 100000');
	expect(bad({queueNames: ['a', 'a']})).toThrow('events.queueNames has the same name twice');
	expect(bad({queueName: 'a', queueNames: ['b']})).toThrow('events: give queueName or queueNames, not both');
});
