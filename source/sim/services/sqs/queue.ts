/**
 * One standard SQS queue: messages in send order, each hidden for its visibility timeout once
 * received and visible again (with a new receipt handle on its next receive) unless deleted;
 * long polls that wait, in the sim's time, for a message to become visible. At least once, no
 * ordering promise: exactly what a standard queue gives.
 */

import {createHash} from 'node:crypto';
import type {Rng} from '../../world/random.js';
import type {Scheduler} from '../../world/scheduler.js';
import {LongPolls} from './long-polls.js';

export type QueueAddress = {accountId: string; region: string; name: string};

/** The queue attributes a caller may set, as numbers (the wire carries them as strings). */
export type QueueSettings = {
	VisibilityTimeout: number;
	ReceiveMessageWaitTimeSeconds: number;
	MessageRetentionPeriod: number;
	DelaySeconds: number;
	MaximumMessageSize: number;
};

export const DEFAULT_SETTINGS: QueueSettings = {VisibilityTimeout: 30, ReceiveMessageWaitTimeSeconds: 0, MessageRetentionPeriod: 345_600, DelaySeconds: 0, MaximumMessageSize: 262_144};

export type QueueMessage = {
	id: string;
	body: string;
	md5: string;
	senderId: string;
	sentAt: number;
	/** Hidden until then: delayed at send, or in flight after a receive. */
	visibleAt: number;
	receiveCount: number;
	firstReceiveAt: number | undefined;
	/** The receipt handle of the latest receive. */
	receipt: string | undefined;
};

export type DeleteOutcome = 'deleted' | 'invalid';
export type VisibilityOutcome = 'changed' | 'invalid' | 'not-inflight';

export class Queue {
	/** By message id; a Map keeps send order. */
	private readonly messages = new Map<string, QueueMessage>();
	private readonly polls: LongPolls<QueueMessage>;
	private receipts = 0;
	readonly created: number;
	modified: number;
	/** Accounts (ids) besides the owner that the queue policy lets in. */
	readonly readers = new Set<string>();
	/** Every call is refused with AccessDenied (a policy that lets nobody in). */
	refusing = false;
	/** The Policy attribute as set, echoed by GetQueueAttributes. */
	policy: string | undefined;

	constructor(
		readonly address: QueueAddress,
		readonly settings: QueueSettings,
		private readonly scheduler: Scheduler,
		private readonly rng: Rng,
	) {
		this.created = this.modified = scheduler.now();
		this.polls = new LongPolls(scheduler, (max, visibility) => this.take(max, visibility), () => this.nextVisible());
	}

	get arn(): string {
		return `arn:aws:sqs:${this.address.region}:${this.address.accountId}:${this.address.name}`;
	}

	send(body: string, senderId: string, delaySeconds = this.settings.DelaySeconds): QueueMessage {
		const now = this.scheduler.now();
		const message: QueueMessage = {
			id: this.rng.uuid(),
			body,
			md5: createHash('md5').update(body, 'utf8').digest('hex'),
			senderId,
			sentAt: now,
			visibleAt: now + delaySeconds * 1000,
			receiveCount: 0,
			firstReceiveAt: undefined,
			receipt: undefined,
		};
		this.messages.set(message.id, message);
		this.polls.changed();
		return message;
	}

	/**
	 * Up to `max` visible messages, hidden for `visibility` seconds from now. With `waitSeconds`
	 * and nothing visible, the answer waits (sim time) until a message becomes visible or the wait ends.
	 */
	receive(max: number, visibility: number, waitSeconds: number): QueueMessage[] | Promise<QueueMessage[]> {
		const now = this.take(max, visibility);
		if (now.length > 0 || waitSeconds <= 0) return now;
		return this.polls.wait(max, visibility, waitSeconds * 1000);
	}

	delete(handle: string): DeleteOutcome {
		const id = this.messageIdOf(handle);
		if (id === undefined) return 'invalid';
		// A message already deleted (or expired) is gone either way: SQS answers success.
		this.messages.delete(id);
		return 'deleted';
	}

	changeVisibility(handle: string, seconds: number): VisibilityOutcome {
		const id = this.messageIdOf(handle);
		if (id === undefined) return 'invalid';
		const message = this.messages.get(id);
		const now = this.scheduler.now();
		if (!message || message.receipt !== handle || message.visibleAt <= now) return 'not-inflight';
		message.visibleAt = now + seconds * 1000;
		this.polls.changed();
		return 'changed';
	}

	counts(): {visible: number; inFlight: number; delayed: number} {
		this.expire();
		const now = this.scheduler.now();
		let visible = 0;
		let inFlight = 0;
		let delayed = 0;
		for (const message of this.messages.values()) {
			if (message.visibleAt <= now) visible++;
			else if (message.receiveCount > 0) inFlight++;
			else delayed++;
		}
		return {visible, inFlight, delayed};
	}

	/** The queue is deleted: waiting receives end empty. */
	close(): void {
		this.messages.clear();
		this.polls.endAll();
	}

	private take(max: number, visibility: number): QueueMessage[] {
		this.expire();
		const now = this.scheduler.now();
		const taken: QueueMessage[] = [];
		for (const message of this.messages.values()) {
			if (taken.length >= max) break;
			if (message.visibleAt > now) continue;
			message.visibleAt = now + visibility * 1000;
			message.receiveCount++;
			message.firstReceiveAt ??= now;
			message.receipt = this.newReceipt(message);
			taken.push(message);
		}
		return taken;
	}

	/** When the next hidden message shows again (a long poll wakes then). */
	private nextVisible(): number | undefined {
		const now = this.scheduler.now();
		let next: number | undefined;
		for (const message of this.messages.values()) if (message.visibleAt > now && (next === undefined || message.visibleAt < next)) next = message.visibleAt;
		return next;
	}

	/** Messages older than the retention period are dropped, as SQS drops them. */
	private expire(): void {
		const oldest = this.scheduler.now() - this.settings.MessageRetentionPeriod * 1000;
		for (const message of this.messages.values()) {
			if (message.sentAt >= oldest) break;
			this.messages.delete(message.id);
		}
	}

	/** Opaque to clients; inside: the queue, the message and which receive it was. */
	private newReceipt(message: QueueMessage): string {
		const text = `${this.address.accountId}/${this.address.name}/${message.id}/${++this.receipts}/${this.rng.uint32().toString(36)}`;
		return Buffer.from(text, 'utf8').toString('base64');
	}

	private messageIdOf(handle: string): string | undefined {
		const parts = Buffer.from(handle, 'base64').toString('utf8').split('/');
		if (parts.length !== 5 || parts[0] !== this.address.accountId || parts[1] !== this.address.name) return undefined;
		return parts[2];
	}
}
