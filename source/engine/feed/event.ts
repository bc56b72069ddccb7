/**
 * CodePipeline's EventBridge events as an SQS target receives them (the event JSON is the
 * message body): only what the feed needs to know which pipeline changed, and when.
 */

import {obj, str} from '../map-util.js';

export type FeedEvent = {
	id: string;
	account: string;
	region: string;
	pipeline: string;
	executionId?: string;
	/** Epoch ms of the change (EventBridge writes whole seconds). */
	time: number;
	kind: 'pipeline' | 'stage' | 'action';
	state: string;
	/** The execution's start (epoch ms) and trigger, as the event says. */
	startTime?: number;
	triggerType?: string;
};

const KINDS: Record<string, FeedEvent['kind']> = {
	'CodePipeline Pipeline Execution State Change': 'pipeline',
	'CodePipeline Stage Execution State Change': 'stage',
	'CodePipeline Action Execution State Change': 'action',
};

/** The event a message carries, or undefined for anything else (a test message, another source's event). */
export function parseFeedEvent(body: string): FeedEvent | undefined {
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		return undefined;
	}
	const event = obj(value);
	const kind = KINDS[str(event['detail-type']) ?? ''];
	if (event.source !== 'aws.codepipeline' || !kind) return undefined;
	const detail = obj(event.detail);
	const id = str(event.id);
	const account = str(event.account);
	const region = str(event.region);
	const pipeline = str(detail.pipeline);
	const time = Date.parse(str(event.time) ?? '');
	if (!id || !account || !region || !pipeline || Number.isNaN(time)) return undefined;
	const startTime = Date.parse(str(detail['start-time']) ?? '');
	return {
		id,
		account,
		region,
		pipeline,
		executionId: str(detail['execution-id']),
		time,
		kind,
		state: str(detail.state) ?? '',
		...(Number.isNaN(startTime) ? {} : {startTime}),
		...(str(obj(detail['execution-trigger'])['trigger-type']) && {triggerType: str(obj(detail['execution-trigger'])['trigger-type'])}),
	};
}
