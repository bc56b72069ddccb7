/**
 * RollbackStage (V2): a new execution of type ROLLBACK, triggered ManualRollback, that runs only
 * the named stage with the source revisions of an earlier execution that succeeded in it. It
 * queues for the stage like any execution.
 *
 * Refusals (documented choices where AWS's exact rule is not published):
 * - V1 pipeline, or PARALLEL mode: UnableToRollbackStageException.
 * - the stage is running right now: UnableToRollbackStageException (AWS names this cause).
 * - target unknown: PipelineExecutionNotFoundException.
 * - target did not succeed in that stage, or ran another pipeline version: UnableToRollbackStageException.
 * - target is the execution the stage last succeeded with (nothing to roll back to):
 *   PipelineExecutionOutdatedException.
 */

import {SimError} from '../../contract.js';
import type {Execution, Pipeline} from '../model.js';
import {slotOf, type Engine} from './context.js';
import {startExecution} from './triggers.js';

function unable(message: string): SimError {
	return new SimError('UnableToRollbackStageException', message);
}

export function rollbackStage(engine: Engine, pipeline: Pipeline, stageName: string, targetId: string, caller: string): Execution {
	const declaration = pipeline.declaration;
	if (declaration.pipelineType !== 'V2') throw unable(`Rollback is available for V2 pipelines only; ${pipeline.name} is ${declaration.pipelineType}.`);
	if (declaration.executionMode === 'PARALLEL') throw unable('Rollback is not available for pipelines in PARALLEL execution mode.');
	const target = pipeline.byId.get(targetId);
	if (!target) throw new SimError('PipelineExecutionNotFoundException', `Pipeline execution ${targetId} does not exist in pipeline ${pipeline.name}.`);
	const slot = slotOf(pipeline, stageName);
	if (slot.occupants.size > 0) throw unable(`Stage ${stageName} is currently running; wait for it to finish before rolling back.`);
	const targetRun = target.stageRuns.findLast(run => run.name === stageName);
	if (!targetRun || targetRun.status !== 'Succeeded') throw unable(`Execution ${targetId} did not succeed in stage ${stageName}.`);
	if (target.version !== declaration.version) throw unable(`Execution ${targetId} ran pipeline version ${target.version}; the pipeline is now at version ${declaration.version}.`);
	const lastGood = pipeline.executions.findLast(execution => execution.stageRuns.some(run => run.name === stageName && run.status === 'Succeeded'));
	if (lastGood === target) throw new SimError('PipelineExecutionOutdatedException', `Execution ${targetId} is the latest successful execution of stage ${stageName}: there is nothing to roll back to.`);
	return startExecution(engine, pipeline, {
		trigger: {triggerType: 'ManualRollback', triggerDetail: caller},
		type: 'ROLLBACK',
		rollbackTarget: target,
		onlyStage: stageName,
	});
}
