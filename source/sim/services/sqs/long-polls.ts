/**
 * ReceiveMessage long polls waiting on one queue. A poll ends as soon as a message can be taken
 * (sent, or visible again after its visibility timeout) or when its wait is over, all in the
 * sim's time: with a virtual clock a 20-second poll ends when the test moves time 20 seconds.
 */

import type {Scheduler, WorldEvent} from '../../world/scheduler.js';

type Poll<T> = {max: number; visibility: number; resolve: (items: T[]) => void; timeout: WorldEvent};

export class LongPolls<T> {
	private readonly polls: Array<Poll<T>> = [];
	/** Armed for the next moment a hidden message shows again, while someone waits. */
	private wake: WorldEvent | undefined;

	constructor(
		private readonly scheduler: Scheduler,
		/** Takes up to max items, hiding them for visibility seconds; [] when none is visible. */
		private readonly take: (max: number, visibility: number) => T[],
		/** When the next hidden item becomes visible. */
		private readonly nextVisible: () => number | undefined,
	) {}

	wait(max: number, visibility: number, waitMs: number): Promise<T[]> {
		return new Promise(resolve => {
			const poll: Poll<T> = {max, visibility, resolve, timeout: undefined as unknown as WorldEvent};
			poll.timeout = this.scheduler.after(waitMs, () => {
				this.remove(poll);
				resolve([]);
			});
			this.polls.push(poll);
			this.arm();
		});
	}

	/** Something may have become visible (a send, a visibility change): serve the waiting polls, oldest first. */
	changed(): void {
		while (this.polls.length > 0) {
			const poll = this.polls[0];
			const items = this.take(poll.max, poll.visibility);
			if (items.length === 0) break;
			this.polls.shift();
			this.scheduler.cancel(poll.timeout);
			poll.resolve(items);
		}
		this.arm();
	}

	/** The queue is gone: every poll ends with nothing. */
	endAll(): void {
		for (const poll of this.polls.splice(0)) {
			this.scheduler.cancel(poll.timeout);
			poll.resolve([]);
		}
		this.arm();
	}

	private remove(poll: Poll<T>): void {
		const index = this.polls.indexOf(poll);
		if (index >= 0) this.polls.splice(index, 1);
		this.arm();
	}

	private arm(): void {
		const next = this.polls.length > 0 ? this.nextVisible() : undefined;
		if (this.wake && !this.wake.cancelled && next !== undefined && this.wake.due <= next) return;
		this.scheduler.cancel(this.wake);
		this.wake = next === undefined ? undefined : this.scheduler.at(next, () => {
			this.wake = undefined;
			this.changed();
		});
	}
}
