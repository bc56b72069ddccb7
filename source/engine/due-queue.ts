/**
 * Pipelines by due time, for one source's single timer. Rescheduling pushes a new entry and
 * bumps the pipeline's generation; older entries are skipped when they come up (lazy deletion),
 * so a reschedule is O(log n) and nothing is ever searched.
 */

import {MinHeap} from './heap.js';
import type {Tracked} from './tracked.js';

type Entry = {at: number; gen: number; name: string};

export class DueQueue {
	private readonly heap = new MinHeap<Entry>((a, b) => a.at < b.at);

	/** (Re)schedules a pipeline; a poll under way is asked to run once more instead. */
	schedule(t: Tracked, at: number): void {
		if (t.polling) {
			t.again = true;
			return;
		}
		t.dueAt = at;
		t.gen++;
		this.heap.push({at, gen: t.gen, name: t.name});
	}

	/** Takes every pipeline due by `now` that is not polling already. */
	takeDue(now: number, lookup: (name: string) => Tracked | undefined): Tracked[] {
		const due: Tracked[] = [];
		for (let top = this.heap.peek(); top && top.at <= now; top = this.heap.peek()) {
			this.heap.pop();
			const t = lookup(top.name);
			if (t && t.gen === top.gen && !t.polling) due.push(t);
		}
		return due;
	}

	/** When the next entry falls due (maybe a stale one: waking for nothing is harmless). */
	nextAt(): number | undefined {
		return this.heap.peek()?.at;
	}
}
