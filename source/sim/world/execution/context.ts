/**
 * What the execution modules share: the scheduler (time), the regions (for builds in other regions),
 * retention, and small helpers every module needs (marking a pipeline changed, finding a stage's
 * slot).
 */

import type {Pipeline, StageSlot, Transition} from '../model.js';
import type {RegionState} from '../registry.js';
import type {Repositories} from '../repositories.js';
import type {Scheduler} from '../scheduler.js';
import type {ExecutionObserver} from './observer.js';

export type Engine = {
	scheduler: Scheduler;
	seed: number;
	region(accountId: string, region: string): RegionState;
	/** Finished executions kept per pipeline (older ones are pruned). */
	retain: number;
	/** Most executions in progress per pipeline; starts beyond it are refused. */
	maxActive: number;
	/** Told of every state change (the EventBridge feed); undefined when nobody listens. */
	observer: ExecutionObserver | undefined;
	/** The git repositories source actions fetch from (commits shared across pipelines). */
	repositories: Repositories;
};

/** Marks the pipeline changed: its cached GetPipelineState answer is stale. */
export function touch(pipeline: Pipeline): void {
	pipeline.revision++;
}

/** The transition state of a stage nobody changed; shared, replaced (never mutated) on change. */
const ENABLED: Transition = Object.freeze({enabled: true});

export function slotOf(pipeline: Pipeline, stageName: string): StageSlot {
	let slot = pipeline.slots.get(stageName);
	if (!slot) {
		slot = {name: stageName, occupants: new Set(), waiting: [], inbound: ENABLED, actionLatest: new Map()};
		pipeline.slots.set(stageName, slot);
	}
	return slot;
}
