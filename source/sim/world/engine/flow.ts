/**
 * How executions move through a pipeline: into the queue in front of a stage, into the stage when
 * its lock and its inbound transition allow, and on to the next stage or to the end.
 *
 * - SUPERSEDED: one execution may wait in front of a locked stage; a newer arrival replaces it and
 *   the older one ends Superseded. Superseding happens only between stages.
 * - QUEUED: executions wait in order and go through one at a time; never superseded.
 * - PARALLEL: no stage lock; executions run side by side.
 * A disabled inbound transition holds every mode in front of the stage until it is enabled.
 */

import type {Execution, ExecutionStatus, Pipeline, StageDeclaration, StageRun, StageSlot} from '../model.js';
import {slotOf, touch, type Engine} from './context.js';
import {prune} from './prune.js';
import {openGate} from './conditions.js';
import {startStage} from './stage.js';

export function stageNameAt(execution: Execution, index: number): string {
	return execution.declaration.stages[index].name;
}

/** Ends an execution that holds no stage (or has just let go of it). */
export function endExecution(engine: Engine, execution: Execution, status: ExecutionStatus, summary?: string): void {
	execution.status = status;
	if (summary !== undefined) execution.statusSummary = summary;
	execution.where = 'done';
	execution.lastUpdateTime = engine.scheduler.now();
	touch(execution.pipeline);
	prune(engine, execution.pipeline);
}

function supersede(engine: Engine, older: Execution, newer: Execution): void {
	removeWaiting(older);
	endExecution(engine, older, 'Superseded', `Superseded by execution ${newer.id}`);
}

/** Takes an execution out of the queue it waits in, if any. */
export function removeWaiting(execution: Execution): void {
	if (execution.where !== 'waiting') return;
	const slot = execution.pipeline.slots.get(stageNameAt(execution, execution.stageIndex));
	if (!slot) return;
	const index = slot.waiting.indexOf(execution);
	if (index >= 0) slot.waiting.splice(index, 1);
}

/** The execution reaches the stage at `index`: it enters at once or waits in front of it. */
export function arrive(engine: Engine, execution: Execution, index: number): void {
	const pipeline = execution.pipeline;
	execution.stageIndex = index;
	execution.where = 'waiting';
	execution.lastUpdateTime = engine.scheduler.now();
	const slot = slotOf(pipeline, stageNameAt(execution, index));
	if (execution.mode === 'SUPERSEDED') {
		for (const waiting of [...slot.waiting]) {
			if (waiting.mode !== 'SUPERSEDED') continue;
			if (waiting.seq < execution.seq) supersede(engine, waiting, execution);
			else {
				// An older execution arriving behind a newer one (possible after a retry) loses.
				endExecution(engine, execution, 'Superseded', `Superseded by execution ${waiting.id}`);
				return;
			}
		}
	}
	slot.waiting.push(execution);
	touch(pipeline);
	admit(engine, pipeline, slot);
}

/** Lets waiting executions into the stage while its transition and lock allow. */
export function admit(engine: Engine, pipeline: Pipeline, slot: StageSlot): void {
	if (!slot.inbound.enabled) return;
	while (slot.waiting.length > 0) {
		const next = slot.waiting[0];
		if (next.mode !== 'PARALLEL' && slot.occupants.size > 0) return;
		slot.waiting.shift();
		enter(engine, next, slot);
	}
}

/** Distinct runOrders of a stage, ascending; shared by every run of that declaration. */
const runOrderCache = new WeakMap<StageDeclaration, number[]>();

function runOrdersOf(stage: StageDeclaration): number[] {
	let orders = runOrderCache.get(stage);
	if (!orders) runOrderCache.set(stage, (orders = [...new Set(stage.actions.map(action => action.runOrder))].sort((a, b) => a - b)));
	return orders;
}

function enter(engine: Engine, execution: Execution, slot: StageSlot): void {
	const stage = execution.declaration.stages[execution.stageIndex];
	const run: StageRun = {name: stage.name, index: execution.stageIndex, status: 'InProgress', type: execution.type, runOrders: runOrdersOf(stage), group: 0, active: 0, since: execution.actionRuns.length, gate: undefined};
	execution.where = 'stage';
	execution.stageRuns.push(run);
	slot.occupants.add(execution);
	slot.latest = run;
	slot.latestExecution = execution;
	execution.lastUpdateTime = engine.scheduler.now();
	touch(execution.pipeline);
	if (!openGate(engine, execution, run, stage)) startStage(engine, execution, run);
}

/**
 * A stage run is over (no action in progress): let go of the stage, then move the execution on
 * (Succeeded) or end it (Failed, Stopped).
 */
export function stageDone(engine: Engine, execution: Execution, run: StageRun): void {
	const pipeline = execution.pipeline;
	const slot = slotOf(pipeline, run.name);
	slot.occupants.delete(execution);
	if (run.status === 'Succeeded') {
		const last = execution.onlyStage !== undefined || run.index >= execution.declaration.stages.length - 1;
		if (last) endExecution(engine, execution, 'Succeeded');
		else arrive(engine, execution, run.index + 1);
	} else if (run.status === 'Stopped') {
		endExecution(engine, execution, 'Stopped');
	} else {
		endExecution(engine, execution, 'Failed');
	}
	admit(engine, pipeline, slot);
}
