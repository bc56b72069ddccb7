/** EnableStageTransition, DisableStageTransition, RollbackStage, OverrideStageCondition. */

import {SimError} from '../../contract.js';
import {gateInProgress} from '../execution/conditions.js';
import {overrideGate} from '../execution/override.js';
import {rollbackStage} from '../execution/rollback.js';
import {setTransition} from '../execution/transitions.js';
import type {Pipeline} from '../model.js';
import {check} from '../validate.js';
import {findExecution} from './executions.js';
import {findPipeline, requireStage, type Handler} from './call.js';

const TRANSITION_TYPES = ['Inbound', 'Outbound'];
const REASON_PATTERN = /^[a-zA-Z0-9!@ ().*?-]+$/;

export const enableStageTransition: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		type: checker.string(input, 'transitionType', 'transitionType', {required: true, values: TRANSITION_TYPES}) as 'Inbound' | 'Outbound',
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	setTransition(call.engine, pipeline, parsed.stage, parsed.type, true, call.caller);
	return {};
};

export const disableStageTransition: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		type: checker.string(input, 'transitionType', 'transitionType', {required: true, values: TRANSITION_TYPES}) as 'Inbound' | 'Outbound',
		reason: checker.string(input, 'reason', 'reason', {required: true, min: 1, max: 300, pattern: REASON_PATTERN, patternText: '[a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+'}) as string,
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	setTransition(call.engine, pipeline, parsed.stage, parsed.type, false, call.caller, parsed.reason);
	return {};
};

/**
 * The user guide's "Considerations for rollbacks": a source stage cannot be rolled back, and the
 * target cannot be a rollback execution. Both answer UnableToRollbackStageException, the model's
 * error for a rollback that cannot be done (the rest is checked by engine/rollback.ts).
 */
function refuseForbiddenRollback(pipeline: Pipeline, stageName: string, targetId: string): void {
	if (pipeline.declaration.stages[0]?.name === stageName) throw new SimError('UnableToRollbackStageException', `Stage ${stageName} is the source stage of pipeline ${pipeline.name}: a source stage cannot be rolled back.`);
	if (pipeline.byId.get(targetId)?.type === 'ROLLBACK') throw new SimError('UnableToRollbackStageException', `Execution ${targetId} is a rollback execution: choose a STANDARD execution as the rollback target.`);
}

export const rollbackStageOperation: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		target: checker.executionId(input, 'targetPipelineExecutionId', 'targetPipelineExecutionId') as string,
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	refuseForbiddenRollback(pipeline, parsed.stage, parsed.target);
	const execution = rollbackStage(call.engine, pipeline, parsed.stage, parsed.target, call.caller);
	return {pipelineExecutionId: execution.id};
};

/**
 * BEFORE_ENTRY: accepted while the stage's entry condition holds this execution at the door
 * (see execution/conditions.ts); the execution goes in. ON_SUCCESS conditions are not evaluated
 * here, so there is never one in progress to override.
 */
export const overrideStageCondition: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		id: checker.executionId(input, 'pipelineExecutionId', 'pipelineExecutionId') as string,
		type: checker.string(input, 'conditionType', 'conditionType', {required: true, values: ['BEFORE_ENTRY', 'ON_SUCCESS']}) as string,
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	const execution = findExecution(call, pipeline, parsed.id, 'ValidationException');
	const run = execution.stageRuns.findLast(stageRun => stageRun.name === parsed.stage);
	if (parsed.type !== 'BEFORE_ENTRY' || !gateInProgress(run)) {
		throw new SimError('ConditionNotOverridableException', `No ${parsed.type} condition of stage '${parsed.stage}' is in progress for execution ${parsed.id}.`);
	}
	overrideGate(call.engine, execution, run!, call.caller);
	return {};
};
