/** The operations the world answers, per service (the X-Amz-Target operation names). */

import type {SimService} from '../../contract.js';
import {listActionExecutions} from './action-executions.js';
import {listActionTypes} from './action-types.js';
import type {Handler} from './call.js';
import {batchGetBuilds} from './codebuild.js';
import {describeStackEvents} from './cloudformation.js';
import {batchGetDeploymentTargets, getDeployment, listDeploymentTargets} from './codedeploy.js';
import {describeServices} from './ecs.js';
import {putApprovalResult, retryStageExecution, startPipelineExecution, stopPipelineExecution} from './control.js';
import {getPipelineExecution, listPipelineExecutions} from './executions.js';
import {filterLogEvents, getLogEvents} from './logs.js';
import {createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline} from './pipelines.js';
import {disableStageTransition, enableStageTransition, overrideStageCondition, rollbackStageOperation} from './stages.js';
import {listRuleExecutions} from './rule-executions.js';
import {getPipelineState} from './state.js';
import {listTagsForResource, tagResource, untagResource} from './tags.js';

/** SQS is answered by its own service (source/sim/services/sqs/), not by these handlers. */
export const HANDLERS: Partial<Record<SimService, Record<string, Handler>>> = {
	codepipeline: {
		CreatePipeline: createPipeline,
		UpdatePipeline: updatePipeline,
		DeletePipeline: deletePipeline,
		GetPipeline: getPipeline,
		ListPipelines: listPipelines,
		GetPipelineState: getPipelineState,
		ListPipelineExecutions: listPipelineExecutions,
		GetPipelineExecution: getPipelineExecution,
		ListActionExecutions: listActionExecutions,
		StartPipelineExecution: startPipelineExecution,
		StopPipelineExecution: stopPipelineExecution,
		RetryStageExecution: retryStageExecution,
		PutApprovalResult: putApprovalResult,
		EnableStageTransition: enableStageTransition,
		DisableStageTransition: disableStageTransition,
		RollbackStage: rollbackStageOperation,
		OverrideStageCondition: overrideStageCondition,
		ListRuleExecutions: listRuleExecutions,
		ListActionTypes: listActionTypes,
		TagResource: tagResource,
		UntagResource: untagResource,
		ListTagsForResource: listTagsForResource,
	},
	codebuild: {BatchGetBuilds: batchGetBuilds},
	logs: {GetLogEvents: getLogEvents, FilterLogEvents: filterLogEvents},
	cloudformation: {DescribeStackEvents: describeStackEvents},
	codedeploy: {GetDeployment: getDeployment, ListDeploymentTargets: listDeploymentTargets, BatchGetDeploymentTargets: batchGetDeploymentTargets},
	ecs: {DescribeServices: describeServices},
};
