/** EnableStageTransition, DisableStageTransition, RollbackStage, OverrideStageCondition. */

import {SimError} from '../../contract.js';
import {rollbackStage} from '../engine/rollback.js';
import {setTransition} from '../engine/transitions.js';
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

export const rollbackStageOperation: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		target: checker.executionId(input, 'targetPipelineExecutionId', 'targetPipelineExecutionId') as string,
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	const execution = rollbackStage(call.engine, pipeline, parsed.stage, parsed.target, call.caller);
	return {pipelineExecutionId: execution.id};
};

/**
 * Minimal on purpose: the sim accepts stage conditions (beforeEntry, onSuccess) in declarations
 * but does not evaluate them, so there is never a condition in progress to override. A stage
 * without such a condition is ConditionNotOverridableException; one with it is accepted as a no-op.
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
	findExecution(call, pipeline, parsed.id);
	const stage = pipeline.declaration.stages.find(entry => entry.name === parsed.stage);
	const declared = parsed.type === 'BEFORE_ENTRY' ? stage?.beforeEntry : stage?.onSuccess;
	if (!declared) throw new SimError('ConditionNotOverridableException', `Stage '${parsed.stage}' has no ${parsed.type} condition to override.`);
	return {};
};
