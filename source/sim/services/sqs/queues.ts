/**
 * Every queue of the world, by account, region and name, and how a QueueUrl finds one. URLs are
 * `<scheme>://<host the client used>/<account id>/<name>`, so a queue URL leads back to this
 * service whichever address it was reached on; the AWS form
 * (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`) is read the same way, by its path.
 */

import type {Rng} from '../../world/random.js';
import type {Scheduler} from '../../world/scheduler.js';
import {invalidAddress} from './errors.js';
import {Queue, type QueueAddress, type QueueSettings} from './queue.js';

function keyOf(address: QueueAddress): string {
	return `${address.accountId}/${address.region}/${address.name}`;
}

export class QueueRegistry {
	private readonly queues = new Map<string, Queue>();

	constructor(
		private readonly scheduler: Scheduler,
		private readonly rng: Rng,
	) {}

	get(address: QueueAddress): Queue | undefined {
		return this.queues.get(keyOf(address));
	}

	create(address: QueueAddress, settings: QueueSettings): Queue {
		const queue = new Queue(address, settings, this.scheduler, this.rng);
		this.queues.set(keyOf(address), queue);
		return queue;
	}

	delete(queue: Queue): void {
		if (this.queues.get(keyOf(queue.address)) !== queue) return;
		this.queues.delete(keyOf(queue.address));
		queue.close();
	}
}

/** The account and name a QueueUrl points at; InvalidAddress when it is not a queue URL. */
export function parseQueueUrl(url: string): {accountId: string; name: string} {
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		throw invalidAddress(url);
	}
	const match = /^\/(\d{12})\/([A-Za-z0-9_-]{1,80})\/?$/.exec(path);
	if (!match) throw invalidAddress(url);
	return {accountId: match[1], name: match[2]};
}

/** The URL a client reached through `host` should use for the queue (no host: the AWS form). */
export function queueUrl(address: QueueAddress, host: string | undefined): string {
	const base = host ? `http://${host}` : `https://sqs.${address.region}.amazonaws.com`;
	return `${base}/${address.accountId}/${address.name}`;
}
