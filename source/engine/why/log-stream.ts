/** Reading a CloudWatch Logs stream from its start, page by page, under the budget. */

import {list, num, obj, str} from '../map-util.js';
import type {CauseRead} from './types.js';

export type StreamEvent = {timestamp: number; message: string};

/** A cause needs the failure, not a whole day of logs: at most this many pages (10,000 events each). */
const MAX_PAGES = 10;

export async function readStream(read: CauseRead, group: string, stream: string): Promise<StreamEvent[]> {
	const events: StreamEvent[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const output = await read('GetLogEvents', (api, signal) => api.getLogEvents({logGroupName: group, logStreamName: stream, startFromHead: true, nextToken: token}, {signal}));
		for (const raw of list(output.events)) {
			const event = obj(raw);
			const message = str(event.message);
			if (message !== undefined) events.push({timestamp: num(event.timestamp) ?? 0, message});
		}
		const next = str(output.nextForwardToken);
		// The end of a stream is its forward token coming back unchanged.
		if (!next || next === token) break;
		token = next;
	}
	return events;
}
