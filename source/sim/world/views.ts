/** Shapes shared by several answers: an action run's summary, its source revision, stage executions. */

import type {ActionRun, Execution, SourceRevision} from './model.js';
import {buildId} from './builds/build.js';
import {runSummary} from './providers.js';

export function sourceOf(run: ActionRun): SourceRevision | undefined {
	if (run.action.actionTypeId.category !== 'Source') return undefined;
	return run.execution.sources.find(source => source.actionName === run.action.name);
}

/** latestExecution.summary / externalExecutionSummary. */
export function summaryOf(run: ActionRun): string | undefined {
	const source = sourceOf(run);
	if (source) return source.message;
	return runSummary(run);
}

export function stageExecution(execution: Execution, status: string): Record<string, unknown> {
	return {pipelineExecutionId: execution.id, status, type: execution.type};
}

/** externalExecutionId: a CodeBuild action's is its build id. */
export function externalIdOf(run: ActionRun): string | undefined {
	return run.build ? buildId(run.build) : run.externalId;
}

/**
 * The members that are set, as a new object: AWS's JSON carries no nulls for absent members.
 * (Built afresh rather than with `delete`, which would turn cached answers into slow dictionaries.)
 */
export function compact<T extends Record<string, unknown>>(value: T): T {
	const out: Record<string, unknown> = {};
	for (const key in value) if (value[key] !== undefined) out[key] = value[key];
	return out as T;
}
