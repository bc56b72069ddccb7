/**
 * StopPipelineExecution.
 * - Stop and wait: the execution shows Stopping until its in-progress actions finish, then
 *   Stopped (the stage too). A manual approval in progress keeps waiting for its answer or its
 *   timeout (a documented choice: nothing in AWS's documentation says it is cut short).
 * - Stop and abandon: in-progress actions become Abandoned (their builds STOPPED), then Stopped.
 * An execution waiting in front of a stage stops at once either way.
 */

import {SimError} from '../../contract.js';
import {runsOf, type Execution} from '../model.js';
import {closeGate, gateInProgress} from './conditions.js';
import {slotOf, touch, type Engine} from './context.js';
import {admit, advance, endExecution, removeWaiting, settleAction} from './step.js';

export function stopExecution(engine: Engine, execution: Execution, abandon: boolean, reason: string | undefined): void {
	if (execution.status === 'Stopping') {
		if (!abandon) {
			throw new SimError('DuplicatedStopRequestException', `Execution ${execution.id} is already in a Stopping state. You can stop and abandon it now, or wait for it to stop.`);
		}
	} else if (execution.status !== 'InProgress') {
		throw new SimError('PipelineExecutionNotStoppableException', `Execution ${execution.id} cannot be stopped: it is ${execution.status}.`);
	}
	if (reason !== undefined) execution.stopTrigger = {reason};
	else if (!execution.stopTrigger) execution.stopTrigger = {reason: ''};

	if (execution.where === 'waiting') {
		const slot = slotOf(execution.pipeline, execution.declaration.stages[execution.stageIndex].name);
		removeWaiting(execution);
		endExecution(engine, execution, 'Stopped');
		admit(engine, execution.pipeline, slot);
		return;
	}
	const run = execution.stageRuns[execution.stageRuns.length - 1];
	const already = execution.status === 'Stopping';
	execution.status = 'Stopping';
	run.status = 'Stopping';
	execution.lastUpdateTime = engine.scheduler.now();
	touch(execution.pipeline);
	// A stop-and-abandon after a stop-and-wait changes no state: nothing new to tell.
	if (!already) {
		engine.observer?.executionChanged(execution, 'STOPPING');
		engine.observer?.stageChanged(execution, run, 'STOPPING');
	}
	// Held at the door by an entry condition: no action runs, so the stage stops at once.
	if (gateInProgress(run)) {
		closeGate(engine, execution, run, 'Cancelled');
		advance(engine, execution);
		return;
	}
	if (abandon) {
		// settleAction() lets the stage react; the last one settled ends the stage as Stopped.
		for (const actionRun of runsOf(execution, run)) if (actionRun.status === 'InProgress') settleAction(engine, actionRun, 'Abandoned');
	}
}
