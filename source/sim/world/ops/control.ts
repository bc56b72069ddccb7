/** StartPipelineExecution, StopPipelineExecution, RetryStageExecution, PutApprovalResult. */

import {SimError} from '../../contract.js';
import {answerApproval} from '../execution/approval.js';
import {retryStage} from '../execution/retry.js';
import {stopExecution} from '../execution/stop.js';
import {startExecution} from '../execution/triggers.js';
import type {Pipeline} from '../model.js';
import {seconds} from '../time.js';
import {EXECUTION_ID_PATTERN, EXECUTION_ID_PATTERN_TEXT, check} from '../validate.js';
import {findExecution} from './executions.js';
import {findPipeline, requireStage, type Handler} from './call.js';

const REVISION_TYPES = ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'] as const;
const REVISION_TYPES_BY_PROVIDER: Record<string, string[]> = {S3: ['S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'], ECR: ['IMAGE_DIGEST']};

function invalid(message: string): SimError {
	return new SimError('ValidationException', message);
}

/** Declared defaults overridden by the caller's values; every variable must end with a value. */
function resolveVariables(pipeline: Pipeline, given: Array<{name: string; value: string}>): Array<{name: string; resolvedValue: string}> | undefined {
	const declared = pipeline.declaration.variables ?? [];
	if (given.length > 0 && pipeline.declaration.pipelineType !== 'V2') throw invalid(`Pipeline ${pipeline.name} is a V1 pipeline: pipeline variables at 'variables' need pipelineType V2.`);
	const values = new Map<string, string>();
	for (const variable of given) {
		if (!declared.some(entry => entry.name === variable.name)) throw invalid(`Variable '${variable.name}' at 'variables' is not declared in pipeline ${pipeline.name}.`);
		if (values.has(variable.name)) throw invalid(`Variable '${variable.name}' at 'variables' is given more than once.`);
		values.set(variable.name, variable.value);
	}
	if (declared.length === 0) return undefined;
	return declared.map(entry => {
		const value = values.get(entry.name) ?? entry.defaultValue;
		// A documented choice: a declared variable with no default must be given at start.
		if (value === undefined) throw invalid(`Variable '${entry.name}' at 'variables' has no default value and must be given.`);
		return {name: entry.name, resolvedValue: value};
	});
}

export const startPipelineExecution: Handler = (call, input) => {
	const parsed = check(checker => {
		const name = checker.name(input, 'name', 'name') as string;
		const variables = checker.structures(input, 'variables', 'variables', {min: 1, max: 50}).map(([variable, path]) => ({
			name: checker.string(variable, 'name', `${path}.name`, {required: true, min: 1, max: 128, pattern: /^[A-Za-z0-9@\-_]+$/, patternText: '[A-Za-z0-9@\\-_]+'}) as string,
			value: checker.string(variable, 'value', `${path}.value`, {required: true, min: 1, max: 1000}) as string,
		}));
		const token = checker.string(input, 'clientRequestToken', 'clientRequestToken', {min: 1, max: 128, pattern: /^[a-zA-Z0-9-]+$/, patternText: '^[a-zA-Z0-9-]+$'});
		const revisions = checker.structures(input, 'sourceRevisions', 'sourceRevisions', {max: 50}).map(([revision, path]) => ({
			actionName: checker.name(revision, 'actionName', `${path}.actionName`) as string,
			revisionType: checker.string(revision, 'revisionType', `${path}.revisionType`, {required: true, values: REVISION_TYPES}) as string,
			revisionValue: checker.string(revision, 'revisionValue', `${path}.revisionValue`, {required: true, min: 1, max: 1500}) as string,
		}));
		return {name, variables, token, revisions};
	});
	const pipeline = findPipeline(call, parsed.name);
	if (parsed.token) {
		const earlier = pipeline.clientTokens.get(parsed.token);
		if (earlier) return {pipelineExecutionId: earlier.id};
	}
	const variables = resolveVariables(pipeline, parsed.variables);
	const overrides = new Map<string, string>();
	for (const revision of parsed.revisions) {
		const action = pipeline.declaration.stages[0].actions.find(entry => entry.name === revision.actionName);
		if (!action || action.actionTypeId.category !== 'Source') throw invalid(`Source action '${revision.actionName}' at 'sourceRevisions' does not exist in pipeline ${pipeline.name}.`);
		const allowed = REVISION_TYPES_BY_PROVIDER[action.actionTypeId.provider] ?? ['COMMIT_ID'];
		if (!allowed.includes(revision.revisionType)) throw invalid(`Revision type ${revision.revisionType} at 'sourceRevisions' is not supported for ${action.actionTypeId.provider} source action '${action.name}'.`);
		overrides.set(action.name, revision.revisionValue);
	}
	const execution = startExecution(call.engine, pipeline, {
		trigger: {triggerType: 'StartPipelineExecution', triggerDetail: call.caller},
		variables,
		revisions: overrides,
		clientToken: parsed.token,
	});
	return {pipelineExecutionId: execution.id};
};

export const stopPipelineExecution: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		id: checker.executionId(input, 'pipelineExecutionId', 'pipelineExecutionId') as string,
		abandon: checker.boolean(input, 'abandon', 'abandon') ?? false,
		reason: checker.string(input, 'reason', 'reason', {max: 200}),
	}));
	const pipeline = findPipeline(call, parsed.name);
	const execution = findExecution(call, pipeline, parsed.id, 'ValidationException');
	stopExecution(call.engine, execution, parsed.abandon, parsed.reason);
	return {pipelineExecutionId: execution.id};
};

export const retryStageExecution: Handler = (call, input) => {
	const parsed = check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		stage: checker.name(input, 'stageName', 'stageName') as string,
		id: checker.executionId(input, 'pipelineExecutionId', 'pipelineExecutionId') as string,
		mode: checker.string(input, 'retryMode', 'retryMode', {required: true, values: ['FAILED_ACTIONS', 'ALL_ACTIONS']}) as 'FAILED_ACTIONS' | 'ALL_ACTIONS',
	}));
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	const execution = findExecution(call, pipeline, parsed.id, 'ValidationException');
	retryStage(call.engine, execution, parsed.stage, parsed.mode);
	return {pipelineExecutionId: execution.id};
};

export const putApprovalResult: Handler = (call, input) => {
	const parsed = check(checker => {
		const result = checker.object(input, 'result', 'result', true);
		return {
			name: checker.name(input, 'pipelineName', 'pipelineName') as string,
			stage: checker.name(input, 'stageName', 'stageName') as string,
			action: checker.name(input, 'actionName', 'actionName') as string,
			token: checker.string(input, 'token', 'token', {required: true, pattern: EXECUTION_ID_PATTERN, patternText: EXECUTION_ID_PATTERN_TEXT}) as string,
			summary: result ? (checker.string(result, 'summary', 'result.summary', {required: true, min: 0, max: 512}) as string) : '',
			status: result ? (checker.string(result, 'status', 'result.status', {required: true, values: ['Approved', 'Rejected']}) as 'Approved' | 'Rejected') : 'Approved',
		};
	});
	const pipeline = findPipeline(call, parsed.name);
	requireStage(pipeline, parsed.stage);
	const stage = pipeline.declaration.stages.find(entry => entry.name === parsed.stage);
	if (!stage?.actions.some(action => action.name === parsed.action)) {
		throw new SimError('ActionNotFoundException', `Action '${parsed.action}' does not exist in stage '${parsed.stage}' of pipeline '${pipeline.name}'.`);
	}
	const approvedAt = answerApproval(call.engine, pipeline, parsed.stage, parsed.action, parsed.token, {status: parsed.status, summary: parsed.summary}, call.caller);
	return {approvedAt: seconds(approvedAt)};
};
