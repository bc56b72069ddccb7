/**
 * The change feed's queue: CodePipeline's EventBridge events, delivered by a rule to one SQS
 * queue, read with long polls and deleted once applied. One client, built on the first call
 * from a module imported then (most consoles and every headless command but `events` run
 * without a feed, and an SDK client module is megabytes), one attempt per call as everywhere
 * else: the feed's consumer owns retries and the fall-back to polling.
 */

import type {SQSClient} from '@aws-sdk/client-sqs';
import {sharedClientSettings} from './client-settings.js';
import {sharedConnections} from './connection-pool.js';
import {profileCredentials} from './credentials.js';
import {classifyError, type ClassifiedError} from './errors.js';
import type {CallEvent, CallOptions} from './api.js';
import type {AwsFilePaths} from './profiles.js';
import type {CredentialKind} from './types.js';

/** Where the queue is and whose credentials read it. */
export type QueueSpec = {
	queueUrl: string;
	profile: string;
	region: string;
	/** The profile's SQS endpoint (endpoint_url, AWS_ENDPOINT_URL_SQS...); undefined: AWS's own. */
	endpoint?: string;
	paths: AwsFilePaths;
	credentialsFromEnv?: boolean;
	credentialKind?: CredentialKind;
};

export type QueueMessage = {messageId: string; receiptHandle: string; body: string};

export interface QueueApi {
	readonly spec: QueueSpec;
	/** One long poll: up to 10 messages, waiting up to `waitSeconds` (20, SQS's most) for the first. */
	receive(waitSeconds: number, options?: CallOptions): Promise<QueueMessage[]>;
	/** Deletes up to 10 messages by receipt handle; returns how many SQS refused. */
	deleteBatch(receiptHandles: string[], options?: CallOptions): Promise<number>;
	/** GetQueueAttributes: the queue's ARN and its message counts (`pipetop events check`). */
	attributes(options?: CallOptions): Promise<QueueAttributes>;
	/** Up to 10 waiting messages, left visible (VisibilityTimeout 0): a look that takes nothing from the console. */
	peek(options?: CallOptions): Promise<QueueMessage[]>;
	classify(error: unknown): ClassifiedError;
	destroy(): void;
}

export type QueueAttributes = {arn?: string; waiting: number; inFlight: number; delayed: number};

/** SQS's own limits: 10 messages per receive and per batch, 20 s of long polling. */
export const SQS_MAX_MESSAGES = 10;
export const SQS_MAX_WAIT_SECONDS = 20;

/**
 * The queue's region, from its URL's host (`sqs.eu-west-1.amazonaws.com`, or the legacy
 * `eu-west-1.queue.amazonaws.com`); undefined for any other host (an endpoint of one's own).
 */
export function regionOfQueueUrl(queueUrl: string): string | undefined {
	let host: string;
	try {
		host = new URL(queueUrl).hostname;
	} catch {
		return undefined;
	}
	return /^sqs[.-]([a-z]{2,}(?:-[a-z0-9]+)*-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(host)?.[1] ?? /^([a-z]{2,}(?:-[a-z0-9]+)*-\d+)\.queue\.amazonaws\.com(?:\.cn)?$/.exec(host)?.[1];
}

type SqsModule = typeof import('@aws-sdk/client-sqs');
const sqsModule = (): Promise<SqsModule> => import('@aws-sdk/client-sqs');

export function createQueueApi(spec: QueueSpec, observe?: (event: CallEvent) => void): QueueApi {
	let client: SQSClient | undefined;
	const classify = (error: unknown) => classifyError(error, {profile: spec.profile, region: spec.region, credentialKind: spec.credentialKind});
	const sqs = async (): Promise<SQSClient> => {
		const {SQSClient} = await sqsModule();
		client ??= new SQSClient({
			...sharedClientSettings(),
			requestHandler: sharedConnections(),
			region: spec.region,
			credentials: profileCredentials(spec.profile, spec.paths, {fromEnvironment: spec.credentialsFromEnv, kind: spec.credentialKind}),
			maxAttempts: 1,
			...(spec.endpoint ? {endpoint: spec.endpoint} : {ignoreConfiguredEndpointUrls: true}),
		});
		return client;
	};

	async function call<R>(operation: string, run: (client: SQSClient, sdk: SqsModule) => Promise<R>): Promise<R> {
		const started = performance.now();
		try {
			const result = await run(await sqs(), await sqsModule());
			observe?.({service: 'sqs', operation, ms: performance.now() - started});
			return result;
		} catch (error) {
			observe?.({service: 'sqs', operation, ms: performance.now() - started, error: classify(error)});
			throw error;
		}
	}

	return {
		spec,
		classify,
		receive: (waitSeconds, o) => call('ReceiveMessage', async (c, sdk) => receiveFrom(c, sdk, spec.queueUrl, {WaitTimeSeconds: Math.min(SQS_MAX_WAIT_SECONDS, waitSeconds)}, o)),
		peek: o => call('ReceiveMessage', async (c, sdk) => receiveFrom(c, sdk, spec.queueUrl, {WaitTimeSeconds: 0, VisibilityTimeout: 0}, o)),
		attributes: o =>
			call('GetQueueAttributes', async (c, {GetQueueAttributesCommand}) => {
				const names = ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] as const;
				const output = await c.send(new GetQueueAttributesCommand({QueueUrl: spec.queueUrl, AttributeNames: [...names]}), {abortSignal: o?.signal});
				const count = (name: (typeof names)[number]) => Number(output.Attributes?.[name] ?? 0);
				return {arn: output.Attributes?.QueueArn, waiting: count('ApproximateNumberOfMessages'), inFlight: count('ApproximateNumberOfMessagesNotVisible'), delayed: count('ApproximateNumberOfMessagesDelayed')};
			}),
		deleteBatch: (receiptHandles, o) =>
			call('DeleteMessageBatch', async (c, {DeleteMessageBatchCommand}) => {
				const entries = receiptHandles.slice(0, SQS_MAX_MESSAGES).map((ReceiptHandle, index) => ({Id: String(index), ReceiptHandle}));
				const output = await c.send(new DeleteMessageBatchCommand({QueueUrl: spec.queueUrl, Entries: entries}), {abortSignal: o?.signal});
				return output.Failed?.length ?? 0;
			}),
		destroy() {
			client?.destroy();
			client = undefined;
		},
	};
}

async function receiveFrom(
	client: SQSClient,
	{ReceiveMessageCommand}: SqsModule,
	queueUrl: string,
	input: {WaitTimeSeconds: number; VisibilityTimeout?: number},
	options?: CallOptions,
): Promise<QueueMessage[]> {
	const output = await client.send(new ReceiveMessageCommand({QueueUrl: queueUrl, MaxNumberOfMessages: SQS_MAX_MESSAGES, ...input}), {abortSignal: options?.signal});
	const messages: QueueMessage[] = [];
	for (const message of output.Messages ?? []) {
		if (message.MessageId && message.ReceiptHandle) messages.push({messageId: message.MessageId, receiptHandle: message.ReceiptHandle, body: message.Body ?? ''});
	}
	return messages;
}
