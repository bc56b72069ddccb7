/**
 * The execution state machine. One step function, advance(), moves an execution as far as it can
 * go right now: it starts the next actions of its stage, or lets go of a stage whose run is over
 * and sends the execution on to the next stage or to its end. Everything else that changes an
 * execution (an action ending, a gate decided, a stop, a retry, an override) changes the
 * records and then calls advance(); nothing else moves an execution between stages.
 *
 * Between stages:
 * - SUPERSEDED: one execution may wait in front of a locked stage; a newer arrival replaces it and
 *   the older one ends Superseded. Superseding happens only between stages.
 * - QUEUED: executions wait in order and go through one at a time; never superseded.
 * - PARALLEL: no stage lock; executions run side by side.
 * A disabled inbound transition holds every mode in front of the stage until it is enabled.
 *
 * Inside a stage: actions grouped by runOrder. Every action of a group starts together; the next
 * group starts only when every action of this one succeeded. A documented choice: when an action
 * fails, the stage and the execution show Failed at once, while other actions of the same group
 * run to their end (their results are kept); the stage is let go only when the last of them
 * finishes. That window is when ALL_ACTIONS retry is refused.
 */

import {latestRun, type ActionRun, type Execution, type ExecutionStatus, type Pipeline, type StageDeclaration, type StageRun, type StageSlot} from '../model.js';
import {finishActionRun, startAction} from './action-run.js';
import {openGate} from './conditions.js';
import {slotOf, touch, type Engine} from './context.js';
import {EXECUTION_EVENT, STAGE_EVENT} from './observer.js';
import {prune} from './prune.js';

/** Moves the execution as far as it can go now; does nothing while it waits for something. */
export function advance(engine: Engine, execution: Execution): void {
	// Waiting executions are let in by their stage's slot (admit); finished ones stay finished.
	if (execution.where !== 'stage') return;
	const run = execution.stageRuns[execution.stageRuns.length - 1];
	if (run.gate?.status === 'InProgress') return;
	if (run.status === 'InProgress') {
		if (!runGroups(engine, execution, run)) return;
		run.status = 'Succeeded';
		touch(execution.pipeline);
	} else if (run.active > 0) {
		// Failed or Stopping: the actions still running finish first.
		return;
	} else if (run.status === 'Stopping') {
		run.status = 'Stopped';
	}
	leave(engine, execution, run);
}

/** Ends an action run still in progress and lets its stage react (the `Settle` of action-run.ts). */
export function settleAction(engine: Engine, actionRun: ActionRun, status: 'Succeeded' | 'Failed' | 'Abandoned', updatedBy?: string): void {
	if (!finishActionRun(engine, actionRun, status, updatedBy)) return;
	const execution = actionRun.execution;
	const run = execution.stageRuns.findLast(stageRun => stageRun.name === actionRun.stageName);
	if (!run) return;
	run.active--;
	execution.lastUpdateTime = engine.scheduler.now();
	touch(execution.pipeline);
	if (actionRun.status === 'Failed' && run.status === 'InProgress') {
		run.status = 'Failed';
		execution.status = 'Failed';
	}
	advance(engine, execution);
}

/**
 * Starts the current group's actions that still need to run, moving past groups with nothing to
 * do. True when every group is done (the stage succeeded); false while actions run.
 */
function runGroups(engine: Engine, execution: Execution, run: StageRun): boolean {
	const stage = execution.declaration.stages[run.index];
	while (run.group < run.runOrders.length) {
		const order = run.runOrders[run.group];
		let started = 0;
		for (const action of stage.actions) {
			if (action.runOrder !== order) continue;
			const previous = latestRun(execution, run, action.name);
			// Done (a FAILED_ACTIONS retry keeps successes) or still running: leave it be.
			if (previous && (previous.status === 'Succeeded' || previous.status === 'InProgress')) continue;
			startAction(engine, execution, run, action, settleAction);
			started++;
			// An action that settles synchronously (never in practice) has already moved the stage on.
			if (run.status !== 'InProgress') return false;
		}
		if (started > 0 || run.active > 0) return false;
		run.group++;
	}
	return true;
}

function stageNameAt(execution: Execution, index: number): string {
	return execution.declaration.stages[index].name;
}

/** Ends an execution that holds no stage (or has just let go of it). */
export function endExecution(engine: Engine, execution: Execution, status: ExecutionStatus, summary?: string): void {
	execution.status = status;
	if (summary !== undefined) execution.statusSummary = summary;
	execution.where = 'done';
	execution.lastUpdateTime = engine.scheduler.now();
	touch(execution.pipeline);
	engine.observer?.executionChanged(execution, EXECUTION_EVENT[status]);
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
	engine.observer?.stageChanged(execution, run, 'STARTED');
	if (!openGate(engine, execution, run, stage, gateDecided)) advance(engine, execution);
}

/** The entry condition's rules have run: in it goes, or the stage fails. */
function gateDecided(engine: Engine, execution: Execution, run: StageRun, passed: boolean): void {
	if (!passed) {
		run.status = 'Failed';
		execution.status = 'Failed';
	}
	advance(engine, execution);
}

/**
 * A stage run is over (no action in progress): let go of the stage, then move the execution on
 * (Succeeded) or end it (Failed, Stopped).
 */
function leave(engine: Engine, execution: Execution, run: StageRun): void {
	const pipeline = execution.pipeline;
	const slot = slotOf(pipeline, run.name);
	slot.occupants.delete(execution);
	engine.observer?.stageChanged(execution, run, STAGE_EVENT[run.status]);
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
