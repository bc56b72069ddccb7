/**
 * Queue attributes: the ones CreateQueue may set (checked against SQS's ranges) and what
 * GetQueueAttributes reports. Every value is a string on the wire; timestamps are epoch seconds.
 */

import {invalidAttributeName, invalidAttributeValue} from './errors.js';
import {DEFAULT_SETTINGS, type Queue, type QueueSettings} from './queue.js';

const RANGES: Record<keyof QueueSettings, [number, number]> = {
	VisibilityTimeout: [0, 43_200],
	ReceiveMessageWaitTimeSeconds: [0, 20],
	MessageRetentionPeriod: [60, 1_209_600],
	DelaySeconds: [0, 900],
	MaximumMessageSize: [1024, 262_144],
};

/** Accepted and kept as given, without effect here (the sim neither encrypts nor redrives). */
const ACCEPTED = new Set(['Policy', 'SqsManagedSseEnabled', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'RedrivePolicy', 'RedriveAllowPolicy']);

/** All the names GetQueueAttributes knows (botocore's QueueAttributeName, FIFO ones included). */
const KNOWN = new Set([
	'All', 'Policy', 'VisibilityTimeout', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible',
	'CreatedTimestamp', 'LastModifiedTimestamp', 'QueueArn', 'ApproximateNumberOfMessagesDelayed', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'RedrivePolicy',
	'FifoQueue', 'ContentBasedDeduplication', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'DeduplicationScope', 'FifoThroughputLimit', 'RedriveAllowPolicy', 'SqsManagedSseEnabled',
]);

export type CreateAttributes = {settings: QueueSettings; given: Partial<QueueSettings>; policy: string | undefined};

export function parseCreateAttributes(value: unknown): CreateAttributes {
	const settings = {...DEFAULT_SETTINGS};
	const given: Partial<QueueSettings> = {};
	let policy: string | undefined;
	if (value === undefined || value === null) return {settings, given, policy};
	if (typeof value !== 'object' || Array.isArray(value)) throw invalidAttributeValue('Attributes');
	for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
		if (name in RANGES) {
			const [min, max] = RANGES[name as keyof QueueSettings];
			const number = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
			if (!(number >= min && number <= max)) throw invalidAttributeValue(name);
			settings[name as keyof QueueSettings] = given[name as keyof QueueSettings] = number;
		} else if (ACCEPTED.has(name)) {
			if (typeof raw !== 'string') throw invalidAttributeValue(name);
			if (name === 'Policy') policy = raw;
		} else throw invalidAttributeName(name);
	}
	return {settings, given, policy};
}

/** True when an existing queue has the settings CreateQueue asked for (then it answers its URL). */
export function sameSettings(queue: Queue, given: Partial<QueueSettings>): boolean {
	return Object.entries(given).every(([name, value]) => queue.settings[name as keyof QueueSettings] === value);
}

export function reportAttributes(queue: Queue, names: string[]): Record<string, string> | undefined {
	for (const name of names) if (!KNOWN.has(name)) throw invalidAttributeName(name);
	if (names.length === 0) return undefined;
	const counts = queue.counts();
	const all: Record<string, string | undefined> = {
		QueueArn: queue.arn,
		ApproximateNumberOfMessages: String(counts.visible),
		ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
		ApproximateNumberOfMessagesDelayed: String(counts.delayed),
		CreatedTimestamp: String(Math.floor(queue.created / 1000)),
		LastModifiedTimestamp: String(Math.floor(queue.modified / 1000)),
		VisibilityTimeout: String(queue.settings.VisibilityTimeout),
		MaximumMessageSize: String(queue.settings.MaximumMessageSize),
		MessageRetentionPeriod: String(queue.settings.MessageRetentionPeriod),
		DelaySeconds: String(queue.settings.DelaySeconds),
		ReceiveMessageWaitTimeSeconds: String(queue.settings.ReceiveMessageWaitTimeSeconds),
		SqsManagedSseEnabled: 'true',
		Policy: queue.policy,
	};
	const wanted = names.includes('All') ? Object.keys(all) : names;
	const out: Record<string, string> = {};
	for (const name of wanted) if (all[name] !== undefined) out[name] = all[name] as string;
	return out;
}
