/**
 * ListActionExecutions: every action run of a pipeline (or of one execution), newest first,
 * paged. Inputs carry the declared and resolved configuration and the S3 objects of the input
 * artifacts; outputs carry the output artifacts, the external run and source output variables.
 */

import {artifactLocations} from '../artifacts.js';
import type {ActionRun, Pipeline} from '../model.js';
import {actionRegion, externalUrl, sourceVariables} from '../providers.js';
import {seconds} from '../time.js';
import {commandsStreamArn} from '../why/commands-log.js';
import {latestOfEach, offsetPage, readExecutionListing} from './execution-filter.js';
import {compact, externalIdOf, sourceOf, summaryOf} from '../views.js';
import {findExecution} from './executions.js';
import {findPipeline, type Handler} from './call.js';

/** #{variables.NAME} and #{codepipeline.PipelineExecutionId} resolved in configuration values. */
function resolve(run: ActionRun, configuration: Record<string, string>): Record<string, string> {
	const variables = new Map((run.execution.variables ?? []).map(variable => [variable.name, variable.resolvedValue]));
	const resolved: Record<string, string> = {};
	for (const [key, value] of Object.entries(configuration)) {
		resolved[key] = value.replace(/#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_]+)\}/g, (whole, namespace: string, name: string) => {
			if (namespace === 'variables') return variables.get(name) ?? whole;
			if (namespace === 'codepipeline' && name === 'PipelineExecutionId') return run.execution.id;
			return whole;
		});
	}
	return resolved;
}

function detail(pipeline: Pipeline, run: ActionRun): Record<string, unknown> {
	const action = run.action;
	const execution = run.execution;
	const region = actionRegion(pipeline, action);
	const configuration = action.configuration ?? {};
	const source = sourceOf(run);
	const finished = run.status !== 'InProgress';
	return compact({
		pipelineExecutionId: execution.id,
		actionExecutionId: run.id,
		pipelineVersion: execution.version,
		stageName: run.stageName,
		actionName: action.name,
		startTime: seconds(run.startTime),
		lastUpdateTime: seconds(run.lastUpdateTime),
		updatedBy: run.updatedBy,
		status: run.status,
		input: compact({
			actionTypeId: {...action.actionTypeId},
			configuration: {...configuration},
			resolvedConfiguration: resolve(run, configuration),
			roleArn: action.roleArn ?? execution.declaration.roleArn,
			region,
			inputArtifacts: artifactLocations(execution, region, action.inputArtifacts),
			namespace: action.namespace,
		}),
		output: compact({
			outputArtifacts: run.status === 'Succeeded' ? artifactLocations(execution, region, action.outputArtifacts) : [],
			executionResult: compact({
				externalExecutionId: externalIdOf(run),
				externalExecutionSummary: finished || source ? summaryOf(run) : undefined,
				externalExecutionUrl: externalUrl(pipeline, run),
				errorDetails: run.status === 'Failed' && run.error ? {...run.error} : undefined,
				logStreamARN: action.actionTypeId.provider === 'Commands' ? commandsStreamArn(pipeline, run) : undefined,
			}),
			outputVariables: source && run.status === 'Succeeded' ? sourceVariables(pipeline, action, source) : undefined,
		}),
	});
}

export const listActionExecutions: Handler = (call, input) => {
	const {name, filter, maxResults, nextToken} = readExecutionListing(input);
	const pipeline = findPipeline(call, name);
	const executionId = filter.executionId;
	const executions = executionId ? [findExecution(call, pipeline, executionId)] : pipeline.executions;
	let runs: ActionRun[] = [];
	for (const execution of executions) runs.push(...execution.actionRuns);
	runs.sort((a, b) => b.startTime - a.startTime || b.execution.seq - a.execution.seq);
	if (filter.latestOnly) runs = latestOfEach(runs, run => `${run.stageName}/${run.action.name}`);
	const scope = `ListActionExecutions/${call.context.accountId}/${call.context.region}/${name}/${executionId ?? ''}/${filter.latestOnly}`;
	const {page, nextToken: next} = offsetPage(call, runs, scope, maxResults, nextToken);
	return {actionExecutionDetails: page.map(run => detail(pipeline, run)), ...(next ? {nextToken: next} : {})};
};
