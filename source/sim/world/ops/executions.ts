/** ListPipelineExecutions (newest first, paged) and GetPipelineExecution. */

import {SimError} from '../../contract.js';
import type {Execution, Pipeline} from '../model.js';
import {revisionSummary, revisionUrl} from '../providers.js';
import {seconds} from '../time.js';
import {check} from '../validate.js';
import {compact} from '../views.js';
import {findPipeline, type Call, type Handler} from './call.js';

function sourceAction(execution: Execution, actionName: string) {
	return execution.declaration.stages[0]?.actions.find(action => action.name === actionName);
}

function sourceRevisions(pipeline: Pipeline, execution: Execution): unknown[] {
	return execution.sources.map(source => {
		const action = sourceAction(execution, source.actionName);
		return compact({
			actionName: source.actionName,
			revisionId: source.revisionId,
			revisionSummary: revisionSummary(action, source),
			revisionUrl: action ? revisionUrl(pipeline, action, source.revisionId) : undefined,
		});
	});
}

function rollbackMetadata(execution: Execution): {rollbackTargetPipelineExecutionId: string} | undefined {
	return execution.rollbackTarget ? {rollbackTargetPipelineExecutionId: execution.rollbackTarget} : undefined;
}

export function executionSummary(pipeline: Pipeline, execution: Execution): Record<string, unknown> {
	return compact({
		pipelineExecutionId: execution.id,
		status: execution.status,
		statusSummary: execution.statusSummary,
		startTime: seconds(execution.startTime),
		lastUpdateTime: seconds(execution.lastUpdateTime),
		sourceRevisions: sourceRevisions(pipeline, execution),
		trigger: {...execution.trigger},
		stopTrigger: execution.stopTrigger ? {...execution.stopTrigger} : undefined,
		executionMode: execution.mode,
		executionType: execution.type,
		rollbackMetadata: rollbackMetadata(execution),
	});
}

const DEFAULT_PAGE = 100;

export const listPipelineExecutions: Handler = (call, input) => {
	const {name, maxResults, nextToken, succeededIn} = check(checker => {
		const filter = checker.object(input, 'filter', 'filter');
		const succeeded = filter ? checker.object(filter, 'succeededInStage', 'filter.succeededInStage') : undefined;
		return {
			name: checker.name(input, 'pipelineName', 'pipelineName') as string,
			maxResults: checker.integer(input, 'maxResults', 'maxResults', {min: 1, max: 100}),
			nextToken: checker.string(input, 'nextToken', 'nextToken', {min: 1, max: 2048}),
			succeededIn: succeeded ? checker.name(succeeded, 'stageName', 'filter.succeededInStage.stageName') : undefined,
		};
	});
	const pipeline = findPipeline(call, name);
	const scope = `ListPipelineExecutions/${call.context.accountId}/${call.context.region}/${name}/${succeededIn ?? ''}`;
	// Positions are execution sequence numbers: pages stay stable while new executions start.
	const below = nextToken === undefined ? Number.POSITIVE_INFINITY : Number(call.tokens.open(nextToken, scope));
	const limit = maxResults ?? DEFAULT_PAGE;
	const page: Execution[] = [];
	let more = false;
	for (let index = pipeline.executions.length - 1; index >= 0; index--) {
		const execution = pipeline.executions[index];
		if (execution.seq >= below) continue;
		if (succeededIn && !execution.stageRuns.some(run => run.name === succeededIn && run.status === 'Succeeded')) continue;
		if (page.length === limit) {
			more = true;
			break;
		}
		page.push(execution);
	}
	return {
		pipelineExecutionSummaries: page.map(execution => executionSummary(pipeline, execution)),
		...(more ? {nextToken: call.tokens.seal(scope, page[page.length - 1].seq)} : {}),
	};
};

/**
 * The execution named by id. `code` is the error for an unknown id: PipelineExecutionNotFoundException
 * where the operation's model lists it (GetPipelineExecution, ListActionExecutions, RollbackStage...);
 * the operations whose model does not (StopPipelineExecution, RetryStageExecution,
 * OverrideStageCondition) answer ValidationException, which each of them models (a documented
 * choice: AWS does not publish which one it sends).
 */
export function findExecution(call: Call, pipeline: Pipeline, id: string, code: 'PipelineExecutionNotFoundException' | 'ValidationException' = 'PipelineExecutionNotFoundException'): Execution {
	const execution = pipeline.byId.get(id);
	if (!execution) throw new SimError(code, `Pipeline execution with id ${id} does not exist in pipeline with name ${pipeline.name} in account ${call.context.accountId}.`);
	return execution;
}

export const getPipelineExecution: Handler = (call, input) => {
	const {name, id} = check(checker => ({name: checker.name(input, 'pipelineName', 'pipelineName') as string, id: checker.executionId(input, 'pipelineExecutionId', 'pipelineExecutionId') as string}));
	const pipeline = findPipeline(call, name);
	const execution = findExecution(call, pipeline, id);
	return {
		pipelineExecution: compact({
			pipelineName: pipeline.name,
			pipelineVersion: execution.version,
			pipelineExecutionId: execution.id,
			status: execution.status,
			statusSummary: execution.statusSummary,
			artifactRevisions: execution.sources.map(source => {
				const action = sourceAction(execution, source.actionName);
				return compact({
					name: action?.outputArtifacts[0]?.name ?? source.actionName,
					revisionId: source.revisionId,
					revisionChangeIdentifier: source.revisionId,
					revisionSummary: revisionSummary(action, source),
					created: seconds(source.created),
					revisionUrl: action ? revisionUrl(pipeline, action, source.revisionId) : undefined,
				});
			}),
			variables: execution.variables?.map(variable => ({...variable})),
			trigger: {...execution.trigger},
			executionMode: execution.mode,
			executionType: execution.type,
			rollbackMetadata: rollbackMetadata(execution),
		}),
	};
};
