/**
 * The EventBridge routing of one scenario: the rule on each source account's default bus that
 * forwards CodePipeline's events to the central bus, and the central rule whose target is the
 * queue. As the execution code's observer it turns each state change into the documented event
 * and hands it to the delivery (delay, duplicates, reordering) for the queue.
 */

import type {Queue, QueueAddress, QueueRegistry} from '../../services/sqs/index.js';
import {DEFAULT_SETTINGS} from '../../services/sqs/index.js';
import type {ActionEventState, ExecutionObserver, PipelineEventState, StageEventState} from '../execution/observer.js';
import type {ActionRun, Execution, Pipeline, StageRun} from '../model.js';
import type {Rng} from '../random.js';
import type {Scheduler} from '../scheduler.js';
import {Delivery, type DeliveryOptions} from './delivery.js';
import {actionEvent, pipelineEvent, stageEvent, type CodePipelineEvent, type EventIds} from './event-json.js';

/** What can be changed while the world runs (tests, `pipetop --demo` switches). */
export type FeedSettings = Partial<DeliveryOptions> & {refuse?: boolean; deleted?: boolean};

export type FeedTarget = QueueAddress & {profile: string; readers: string[]};

export class EventFeed implements ExecutionObserver {
	private readonly delivery: Delivery;
	/** Retries resume an execution: its next events carry the next attempt number. */
	private readonly attempts = new WeakMap<Execution, number>();
	private readonly retriedAt = new WeakMap<StageRun, number>();
	private refuse = false;
	/** Events published (each once, before duplicates): a cheap health figure for tests. */
	published = 0;

	constructor(
		private readonly scheduler: Scheduler,
		private readonly rng: Rng,
		private readonly queues: QueueRegistry,
		readonly target: FeedTarget,
		/** "accountId/region" of every source whose events the rules forward. */
		private readonly sources: Set<string>,
	) {
		this.delivery = new Delivery(scheduler, rng, () => this.queue());
	}

	/** The target queue as it is now (undefined while deleted). */
	queue(): Queue | undefined {
		return this.queues.get(this.target);
	}

	/** Changes delivery, or the queue's state: refusing every caller, deleted, or there again (empty). */
	set(settings: FeedSettings): void {
		const {refuse, deleted, ...delivery} = settings;
		this.delivery.options = {...this.delivery.options, ...Object.fromEntries(Object.entries(delivery).filter(([, value]) => value !== undefined))};
		if (refuse !== undefined) this.refuse = refuse;
		const existing = this.queue();
		if (deleted === true && existing) this.queues.delete(existing);
		if (deleted === false && !existing) this.createQueue();
		const queue = this.queue();
		if (queue) queue.refusing = this.refuse;
	}

	/** Counts of what reached the queue and what was lost while it did not exist. */
	counts(): {published: number; delivered: number; lost: number} {
		return {published: this.published, delivered: this.delivery.delivered, lost: this.delivery.lost};
	}

	createQueue(): Queue {
		const queue = this.queues.create(this.target, {...DEFAULT_SETTINGS});
		for (const reader of this.target.readers) queue.readers.add(reader);
		queue.refusing = this.refuse;
		return queue;
	}

	executionChanged(execution: Execution, state: PipelineEventState): void {
		if (state === 'RESUMED') this.attempts.set(execution, this.attemptOf(execution) + 1);
		this.publish(execution.pipeline, ids => pipelineEvent(ids, execution, state), execution);
	}

	stageChanged(execution: Execution, run: StageRun, state: StageEventState): void {
		if (state === 'RESUMED') this.retriedAt.set(run, this.scheduler.now());
		this.publish(execution.pipeline, ids => stageEvent(ids, execution, run, state, this.retriedAt.get(run)), execution);
	}

	actionChanged(actionRun: ActionRun, state: ActionEventState): void {
		this.publish(actionRun.execution.pipeline, ids => actionEvent(ids, actionRun, state), actionRun.execution);
	}

	private attemptOf(execution: Execution): number {
		return this.attempts.get(execution) ?? 1;
	}

	private publish(pipeline: Pipeline, build: (ids: EventIds) => CodePipelineEvent, execution: Execution): void {
		if (!this.sources.has(`${pipeline.accountId}/${pipeline.region}`)) return;
		const event = build({id: this.rng.uuid(), now: this.scheduler.now(), attempt: this.attemptOf(execution)});
		this.published++;
		// The body is the event itself, as an EventBridge rule with an SQS target and no input transformer sends it.
		this.delivery.send(JSON.stringify(event));
	}
}
