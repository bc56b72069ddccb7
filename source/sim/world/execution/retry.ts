/**
 * RetryStageExecution: a Failed or Stopped stage of the latest execution to reach it runs again,
 * in the same execution. FAILED_ACTIONS re-runs the actions that did not succeed (later runOrders
 * follow as usual); ALL_ACTIONS runs the stage again from its first action and is refused while
 * an action of the stage is still in progress.
 */

import {SimError} from '../../contract.js';
import type {Execution} from '../model.js';
import {slotOf, touch, type Engine} from './context.js';
import {advance} from './step.js';

export function retryStage(engine: Engine, execution: Execution, stageName: string, mode: 'FAILED_ACTIONS' | 'ALL_ACTIONS'): void {
	const pipeline = execution.pipeline;
	const run = execution.stageRuns.findLast(stageRun => stageRun.name === stageName);
	if (!run || (run.status !== 'Failed' && run.status !== 'Stopped')) {
		throw new SimError('StageNotRetryableException', `Stage ${stageName} of execution ${execution.id} has no failed or stopped actions to retry.`);
	}
	const slot = slotOf(pipeline, stageName);
	// PARALLEL executions are independent (a documented choice): each may retry its own stage.
	if (execution.mode !== 'PARALLEL' && slot.latestExecution !== execution) {
		throw new SimError('NotLatestPipelineExecutionException', `Execution ${execution.id} is not the latest execution to run stage ${stageName}; retry the latest one (${slot.latestExecution?.id ?? 'unknown'}).`);
	}
	if (execution.mode !== 'PARALLEL' && [...slot.occupants].some(occupant => occupant !== execution)) {
		throw new SimError('ConflictException', `Stage ${stageName} is in use by another execution.`, 409);
	}
	if (mode === 'ALL_ACTIONS' && run.active > 0) {
		throw new SimError('StageNotRetryableException', `Stage ${stageName} still has actions in progress; retry with ALL_ACTIONS once they finish, or retry FAILED_ACTIONS.`);
	}
	if (execution.declaration.stages[run.index]?.name !== stageName) {
		throw new SimError('StageNotRetryableException', `The pipeline structure changed: stage ${stageName} cannot be retried.`);
	}
	if (mode === 'ALL_ACTIONS') {
		run.since = execution.actionRuns.length;
		run.group = 0;
	}
	run.status = 'InProgress';
	execution.status = 'InProgress';
	execution.where = 'stage';
	execution.stageIndex = run.index;
	execution.stopTrigger = undefined;
	execution.statusSummary = undefined;
	execution.lastUpdateTime = engine.scheduler.now();
	slot.occupants.add(execution);
	slot.latest = run;
	touch(pipeline);
	engine.observer?.executionChanged(execution, 'RESUMED');
	engine.observer?.stageChanged(execution, run, 'RESUMED');
	advance(engine, execution);
}
