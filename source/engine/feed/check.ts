/**
 * `pipetop events check`: does the queue answer (GetQueueAttributes), and how old are the events
 * waiting in it? It looks without taking (ReceiveMessage with VisibilityTimeout 0: the messages
 * stay visible for the console that reads this queue) and deletes nothing.
 */

import {createQueueApi, type QueueAttributes} from '../../aws/index.js';
import type {Clock} from '../../shared/clock.js';
import type {SourceError} from '../../store/types.js';
import {toSourceError} from '../source-health.js';
import {parseFeedEvent} from './event.js';
import type {FeedOptions} from './attach.js';

export type QueueCheck =
	| {answers: false; error: SourceError}
	| {
			answers: true;
			attributes: QueueAttributes;
			/** The events among the (up to 10) messages looked at: their count, and the newest and oldest change time. */
			looked: number;
			newestEventAt?: number;
			oldestEventAt?: number;
	  };

export async function checkQueue(feed: FeedOptions, clock: Clock, timeoutMs: number): Promise<QueueCheck> {
	const api = createQueueApi(feed.queue);
	const controller = new AbortController();
	const timer = clock.setTimer(() => controller.abort(Object.assign(new Error(`the queue gave no answer within ${Math.round(timeoutMs / 1000)} s`), {name: 'TimeoutError'})), timeoutMs);
	try {
		const attributes = await api.attributes({signal: controller.signal});
		const times = (await api.peek({signal: controller.signal})).flatMap(message => parseFeedEvent(message.body)?.time ?? []);
		return {
			answers: true,
			attributes,
			looked: times.length,
			...(times.length > 0 && {newestEventAt: Math.max(...times), oldestEventAt: Math.min(...times)}),
		};
	} catch (error) {
		const reason: unknown = controller.signal.reason;
		const cause = reason instanceof Error && reason.name === 'TimeoutError' ? reason : error;
		return {answers: false, error: toSourceError(api.classify(cause))};
	} finally {
		clock.clearTimer(timer);
		api.destroy();
	}
}
