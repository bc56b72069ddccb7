/**
 * One queue the central rule targets: its address and policy (owner, readers), the delivery into
 * it, and its state (refusing every caller, deleted, there again). Several targets receive every
 * event independently, as several SQS targets of one EventBridge rule do: one queue per console,
 * because SQS hands each message to one consumer only.
 */

import {DEFAULT_SETTINGS, type Queue, type QueueAddress, type QueueRegistry} from '../../services/sqs/index.js';
import type {Rng} from '../random.js';
import type {Scheduler} from '../scheduler.js';
import {Delivery, type DeliveryOptions} from './delivery.js';

/** What can be changed while the world runs (tests, demo switches). */
export type FeedSettings = Partial<DeliveryOptions> & {refuse?: boolean; deleted?: boolean};

export type TargetAddress = QueueAddress & {profile: string; readers: string[]};

export class QueueTarget {
	private readonly delivery: Delivery;
	private refuse = false;

	constructor(
		readonly address: TargetAddress,
		private readonly queues: QueueRegistry,
		scheduler: Scheduler,
		rng: Rng,
	) {
		this.delivery = new Delivery(scheduler, rng, () => this.queue());
	}

	/** The queue as it is now (undefined while deleted). */
	queue(): Queue | undefined {
		return this.queues.get(this.address);
	}

	send(body: string): void {
		this.delivery.send(body);
	}

	set(settings: FeedSettings): void {
		const {refuse, deleted, ...delivery} = settings;
		for (const [name, value] of Object.entries(delivery)) if (value !== undefined) Object.assign(this.delivery.options, {[name]: value});
		if (refuse !== undefined) this.refuse = refuse;
		const existing = this.queue();
		if (deleted === true && existing) this.queues.delete(existing);
		if (deleted === false && !existing) this.createQueue();
		const queue = this.queue();
		if (queue) queue.refusing = this.refuse;
	}

	createQueue(): Queue {
		const queue = this.queues.create(this.address, {...DEFAULT_SETTINGS});
		for (const reader of this.address.readers) queue.readers.add(reader);
		queue.refusing = this.refuse;
		return queue;
	}

	counts(): {delivered: number; lost: number} {
		return {delivered: this.delivery.delivered, lost: this.delivery.lost};
	}
}
