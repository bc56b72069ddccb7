/**
 * ListRuleExecutions: the history of the rules of stage conditions (the BEFORE_ENTRY gates
 * engine/conditions.ts runs), newest first, paged, with the same filter as ListActionExecutions.
 *
 * The world keeps a rule's last change, not its start. The start is derived: a rule still running
 * started at its last change; one the timer ended started the condition's duration earlier (the
 * scenario's "Stage/beforeEntry" seconds, default 30); one abandoned by an override or a stop is
 * given the same estimate, never before its execution began (a documented approximation).
 */

import {artifactBucket, artifactKey} from '../artifacts.js';
import type {Execution, GateRule, Pipeline, StageRun} from '../model.js';
import {seconds} from '../time.js';
import {compact} from '../views.js';
import {findPipeline, type Handler} from './call.js';
import {latestOfEach, offsetPage, readExecutionListing} from './execution-filter.js';
import {findExecution} from './executions.js';

const DEFAULT_CONDITION_SECONDS = 30;

type Json = Record<string, unknown>;
type RuleRun = {execution: Execution; stage: StageRun; condition: number; rule: GateRule; start: number};

function declaredRule(execution: Execution, stageName: string, condition: number, index: number): Json {
	const stage = execution.declaration.stages.find(entry => entry.name === stageName);
	const conditions = (stage?.beforeEntry as {conditions?: Array<{rules?: Json[]}>} | undefined)?.conditions;
	return conditions?.[condition]?.rules?.[index] ?? {};
}

function startOf(pipeline: Pipeline, execution: Execution, stage: StageRun, rule: GateRule): number {
	if (rule.status === 'InProgress') return rule.changed;
	const duration = (pipeline.behaviour[`${stage.name}/beforeEntry`]?.seconds ?? DEFAULT_CONDITION_SECONDS) * 1000;
	return Math.max(execution.startTime, rule.changed - duration);
}

function ruleRuns(pipeline: Pipeline, executions: Execution[]): RuleRun[] {
	const runs: RuleRun[] = [];
	for (const execution of executions) {
		for (const stage of execution.stageRuns) {
			stage.gate?.conditions.forEach((rules, condition) => {
				for (const rule of rules) runs.push({execution, stage, condition, rule, start: startOf(pipeline, execution, stage, rule)});
			});
		}
	}
	return runs.sort((a, b) => b.start - a.start || b.execution.seq - a.execution.seq);
}

function detail(pipeline: Pipeline, run: RuleRun): Json {
	const {execution, stage, rule} = run;
	const rules = stage.gate?.conditions[run.condition] ?? [];
	const declared = declaredRule(execution, stage.name, run.condition, rules.indexOf(rule));
	const configuration = (declared.configuration as Record<string, string> | undefined) ?? {};
	const region = (declared.region as string | undefined) ?? pipeline.region;
	const bucket = artifactBucket(execution.declaration, region);
	const summary = stage.gate?.summary;
	return compact({
		pipelineExecutionId: execution.id,
		ruleExecutionId: rule.id,
		pipelineVersion: execution.version,
		stageName: stage.name,
		ruleName: rule.name,
		startTime: seconds(run.start),
		lastUpdateTime: seconds(rule.changed),
		// An override names who let the execution in (conditions.ts writes "Overridden by ARN").
		updatedBy: stage.gate?.status === 'Overridden' && summary?.startsWith('Overridden by ') ? summary.slice('Overridden by '.length) : undefined,
		status: rule.status,
		input: compact({
			ruleTypeId: declared.ruleTypeId ? {...(declared.ruleTypeId as Json)} : undefined,
			configuration: {...configuration},
			resolvedConfiguration: {...configuration},
			roleArn: (declared.roleArn as string | undefined) ?? execution.declaration.roleArn,
			region,
			inputArtifacts: ((declared.inputArtifacts as Array<{name: string}> | undefined) ?? []).map(artifact => ({name: artifact.name, s3location: {bucket, key: artifactKey(pipeline.name, execution.id, artifact.name)}})),
		}),
		output: {executionResult: compact({externalExecutionId: rule.id, externalExecutionSummary: rule.summary})},
	});
}

export const listRuleExecutions: Handler = (call, input) => {
	const {name, filter, maxResults, nextToken} = readExecutionListing(input);
	const pipeline = findPipeline(call, name);
	const executions = filter.executionId ? [findExecution(call, pipeline, filter.executionId)] : pipeline.executions;
	let runs = ruleRuns(pipeline, executions);
	if (filter.latestOnly) runs = latestOfEach(runs, run => `${run.stage.name}/${run.condition}/${run.rule.name}`);
	const scope = `ListRuleExecutions/${call.context.accountId}/${call.context.region}/${name}/${filter.executionId ?? ''}/${filter.latestOnly}`;
	const {page, nextToken: next} = offsetPage(call, runs, scope, maxResults, nextToken);
	return {ruleExecutionDetails: page.map(run => detail(pipeline, run)), ...(next ? {nextToken: next} : {})};
};
