/**
 * The real AWS CLI reads the event queue of the running sim: get-queue-url, receive-message
 * (short and long polls), delete-message, and SQS's error codes as the CLI reports them.
 * Skipped (and says so) where `aws` is not on PATH.
 */

import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {startFeed, watch, type FeedHarness} from './helpers/feed.js';

const run = promisify(execFile);

const HAS_AWS = awsCliAvailable();

describe.skipIf(!HAS_AWS)(`the AWS CLI on the event queue${HAS_AWS ? '' : ' (skipped: `aws` is not on PATH)'}`, () => {
	let feed: FeedHarness;
	let dir: string;
	let env: NodeJS.ProcessEnv;

	async function aws(...args: string[]): Promise<any> {
		const {stdout} = await run('aws', ['--endpoint-url', feed.sim.url, '--output', 'json', ...args], {env, timeout: 60_000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	}

	beforeAll(async () => {
		feed = await startFeed();
		dir = mkdtempSync(join(tmpdir(), 'pipetop-sqs-cli-'));
		const files = await feed.sim.writeAwsDir(join(dir, 'aws'));
		env = {};
		for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
		Object.assign(env, {AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, AWS_PROFILE: 'tools', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true'});
	});

	afterAll(async () => {
		await feed?.stop();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	test('get-queue-url, receive-message and delete-message read the events of an execution', async () => {
		expect((await aws('sqs', 'get-queue-url', '--queue-name', 'pipetop-events')).QueueUrl).toBe(feed.queueUrl);
		const executionId = feed.world.startExecution('team', 'eu-west-1', 'web');
		const received = await aws('sqs', 'receive-message', '--queue-url', feed.queueUrl, '--max-number-of-messages', '10', '--wait-time-seconds', '0');
		const events = received.Messages.map((message: any) => JSON.parse(message.Body));
		expect(events.map((event: any) => [event.source, event['detail-type'], event.detail['execution-id']])).toEqual([
			['aws.codepipeline', 'CodePipeline Pipeline Execution State Change', executionId],
			['aws.codepipeline', 'CodePipeline Stage Execution State Change', executionId],
			['aws.codepipeline', 'CodePipeline Action Execution State Change', executionId],
		]);
		await aws('sqs', 'delete-message', '--queue-url', feed.queueUrl, '--receipt-handle', received.Messages[0].ReceiptHandle);
		const entries = received.Messages.slice(1).map((message: any, index: number) => ({Id: `m${index}`, ReceiptHandle: message.ReceiptHandle}));
		expect((await aws('sqs', 'delete-message-batch', '--queue-url', feed.queueUrl, '--entries', JSON.stringify(entries))).Successful).toEqual([{Id: 'm0'}, {Id: 'm1'}]);
		const attributes = await aws('sqs', 'get-queue-attributes', '--queue-url', feed.queueUrl, '--attribute-names', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible');
		expect(attributes.Attributes).toEqual({ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0'});
	}, 120_000);

	test('a long poll from the CLI returns when the next event arrives', async () => {
		const before = feed.sim.stats().handledByOperation.ReceiveMessage ?? 0;
		const polling = watch(aws('sqs', 'receive-message', '--queue-url', feed.queueUrl, '--wait-time-seconds', '20'));
		// The CLI is another process (a Python start-up away): wait until the sim holds its call.
		while ((feed.sim.stats().handledByOperation.ReceiveMessage ?? 0) === before) {
			if (polling.done) throw new Error(`the CLI call ended before reaching the sim: ${String(polling.error)}`);
			await new Promise(resolve => setTimeout(resolve, 25));
		}
		expect(polling.done).toBe(false);
		// The source finishes 10 s (of sim time) into the execution: its events end the poll.
		feed.clock.advance(10_000);
		const answer = await polling.promise;
		expect(JSON.parse(answer.Messages[0].Body).detail).toMatchObject({stage: 'Source', action: 'Checkout', state: 'SUCCEEDED'});
	}, 60_000);

	test("SQS's error codes reach the CLI", async () => {
		await expect(aws('sqs', 'get-queue-url', '--queue-name', 'nope')).rejects.toMatchObject({stderr: expect.stringMatching(/AWS\.SimpleQueueService\.NonExistentQueue|QueueDoesNotExist/)});
		feed.world.events?.set({refuse: true});
		await expect(aws('sqs', 'receive-message', '--queue-url', feed.queueUrl)).rejects.toMatchObject({stderr: expect.stringContaining('AccessDenied')});
		feed.world.events?.set({refuse: false});
	}, 60_000);
});
