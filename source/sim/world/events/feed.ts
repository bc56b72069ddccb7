/**
 * The EventBridge routing of one scenario: the rule on each source account's default bus that
 * forwards CodePipeline's events to the central bus, and the central rule whose targets are the
 * queues. As the execution code's observer it turns each state change into the documented event
 * and hands it to every target's delivery (delay, duplicates, reordering).
 */

import type {ActionEventState, ExecutionObserver, PipelineEventState, StageEventState} from '../execution/observer.js';
import type {ActionRun, Execution, Pipeline, StageRun} from '../model.js';
import type {Scheduler} from '../scheduler.js';
import {actionEvent, pipelineEvent, stageEvent, type CodePipelineEvent, type EventIds} from './event-json.js';
import type {FeedSettings, QueueTarget} from './target.js';

export class EventFeed implements ExecutionObserver {
	/** Retries resume an execution: its next events carry the next attempt number. */
	private readonly attempts = new WeakMap<Execution, number>();
	private readonly retriedAt = new WeakMap<StageRun, number>();
	/** Events published (each once, before duplicates and whatever the number of queues): a cheap health figure for tests. */
	published = 0;

	constructor(
		private readonly scheduler: Scheduler,
		private readonly ids: () => string,
		/** The queues the central rule targets; the first is "the" queue of the feed. */
		readonly targets: QueueTarget[],
		/** "accountId/region" of every source whose events the rules forward. */
		private readonly sources: Set<string>,
	) {}

	/** The first target queue as it is now (undefined while deleted). */
	queue(): ReturnType<QueueTarget['queue']> {
		return this.targets[0].queue();
	}

	/**
	 * Changes delivery, or a queue's state: refusing every caller, deleted, or there again (empty).
	 * Every target queue, or the one named.
	 */
	set(settings: FeedSettings & {queueName?: string}): void {
		const {queueName, ...rest} = settings;
		for (const target of this.targets) if (queueName === undefined || target.address.name === queueName) target.set(rest);
	}

	/** What reached the queues, and what was lost while one did not exist (summed over the targets). */
	counts(): {published: number; delivered: number; lost: number} {
		let delivered = 0;
		let lost = 0;
		for (const target of this.targets) {
			const counts = target.counts();
			delivered += counts.delivered;
			lost += counts.lost;
		}
		return {published: this.published, delivered, lost};
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
		const event = build({id: this.ids(), now: this.scheduler.now(), attempt: this.attemptOf(execution)});
		this.published++;
		// The body is the event itself, as an EventBridge rule with an SQS target and no input transformer sends it.
		const body = JSON.stringify(event);
		for (const target of this.targets) target.send(body);
	}
}
