/**
 * EventBridge's side of the promise: every event reaches the queue at least once, in no
 * particular order. The scenario's options make that visible: a delay, duplicates (the same event
 * twice, as two messages), and random extra delays that let close events overtake each other.
 * A queue that does not exist when a delivery lands loses it (EventBridge's retries give up).
 */

import type {Queue} from '../../services/sqs/index.js';
import type {Rng} from '../random.js';
import type {Scheduler} from '../scheduler.js';

export type DeliveryOptions = {delaySeconds: number | [number, number]; duplicates: number; reorderSeconds: number};

const DEFAULT_DELIVERY: DeliveryOptions = {delaySeconds: 0, duplicates: 0, reorderSeconds: 0};

/** EventBridge's service principal as SQS shows the sender of a delivered event. */
const EVENTBRIDGE_SENDER = 'AIDAEVENTBRIDGEDELIVERY';

export class Delivery {
	options: DeliveryOptions = {...DEFAULT_DELIVERY};
	delivered = 0;
	lost = 0;

	constructor(
		private readonly scheduler: Scheduler,
		private readonly rng: Rng,
		/** The target queue now, or undefined while it does not exist. */
		private readonly target: () => Queue | undefined,
	) {}

	send(body: string): void {
		const copies = this.options.duplicates > 0 && this.rng.chance(this.options.duplicates) ? 2 : 1;
		for (let copy = 0; copy < copies; copy++) {
			const delayMs = this.delayMs();
			if (delayMs <= 0) this.put(body);
			else this.scheduler.after(delayMs, () => this.put(body));
		}
	}

	private delayMs(): number {
		const {delaySeconds, reorderSeconds} = this.options;
		const base = Array.isArray(delaySeconds) ? this.rng.real(delaySeconds[0], delaySeconds[1]) : delaySeconds;
		const extra = reorderSeconds > 0 ? this.rng.real(0, reorderSeconds) : 0;
		return Math.round((base + extra) * 1000);
	}

	private put(body: string): void {
		const queue = this.target();
		if (!queue) {
			this.lost++;
			return;
		}
		queue.send(body, EVENTBRIDGE_SENDER, 0);
		this.delivered++;
	}
}
