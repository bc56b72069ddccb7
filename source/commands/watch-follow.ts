/**
 * Follows one pipeline execution to its end and reports each stage and action change. Per tick:
 * GetPipelineExecution (its status), GetPipelineState (stage statuses while this execution is the
 * one in the stage) and ListActionExecutions filtered to this execution (its own action runs, right
 * even after newer executions moved on). The definition comes once, at the execution's version.
 */

import {CallTimeoutError, type SourceApi} from '../aws/index.js';
import {isFinalExecutionStatus} from '../engine/map-execution.js';
import {mapDefinition, mapState, type Definition, type StateSnapshot} from '../engine/map-pipeline.js';
import {arrayField, num, obj, str} from '../engine/map-util.js';
import type {Clock} from '../shared/clock.js';

export type WatchEvent =
	| {type: 'execution'; status: string; statusSummary?: string}
	| {type: 'stage'; stage: string; status: string}
	| {type: 'action'; stage: string; action: string; status: string; summary?: string; url?: string; error?: string; approvalPending: boolean};

export type FollowOptions = {
	api: SourceApi;
	clock: Clock;
	pipeline: string;
	executionId: string;
	intervalMs: number;
	timeoutMs: number;
	onEvent: (event: WatchEvent, at: number) => void;
};

type ActionRun = {status: string; summary?: string; url?: string; error?: string; startTime: number};

/** Gives up after this many ticks in a row whose calls failed for a reason waiting will not fix. */
const PERSISTENT_LIMIT = 3;

async function timed<R>(clock: Clock, ms: number, operation: string, run: (signal: AbortSignal) => Promise<R>): Promise<R> {
	const controller = new AbortController();
	const timer = clock.setTimer(() => controller.abort(new CallTimeoutError(operation, ms)), ms);
	try {
		return await run(controller.signal);
	} catch (error) {
		if (controller.signal.reason instanceof CallTimeoutError) throw controller.signal.reason;
		throw error;
	} finally {
		clock.clearTimer(timer);
	}
}

function sleep(clock: Clock, ms: number): Promise<void> {
	return new Promise(resolve => {
		clock.setTimer(resolve, ms);
	});
}

/** A stage's status in this execution: the state's when the stage ran it last, else from its action runs. */
function stageStatus(name: string, actionNames: string[], state: StateSnapshot, runs: Map<string, ActionRun>, executionId: string): string | undefined {
	const live = state.stages.find(stage => stage.name === name);
	if (live?.executionId === executionId && live.status) return live.status;
	const statuses = actionNames.map(action => runs.get(`${name}/${action}`)?.status).filter((status): status is string => status !== undefined);
	if (statuses.length === 0) return undefined;
	if (statuses.includes('Failed')) return 'Failed';
	if (statuses.includes('Abandoned')) return 'Stopped';
	if (statuses.length === actionNames.length && statuses.every(status => status === 'Succeeded')) return 'Succeeded';
	return 'InProgress';
}

export async function followExecution(options: FollowOptions): Promise<string> {
	const {api, clock, pipeline, executionId} = options;
	const seen = new Map<string, string>();
	let definition: Definition | undefined;
	let lastStatus: string | undefined;
	let failures = 0;
	const call = <R>(operation: string, run: (signal: AbortSignal) => Promise<R>) => timed(clock, options.timeoutMs, operation, run);

	for (;;) {
		try {
			const execution = obj((await call('GetPipelineExecution', signal => api.getPipelineExecution(pipeline, executionId, {signal}))).pipelineExecution);
			const status = str(execution.status) ?? 'InProgress';
			if (!definition) {
				definition = await definitionAt(api, call, pipeline, num(execution.pipelineVersion));
			}
			const state = mapState(await call('GetPipelineState', signal => api.getPipelineState(pipeline, {signal})));
			const runs = await actionRuns(api, call, pipeline, executionId);
			const now = clock.now();
			for (const stage of definition.stages) {
				const actionNames = stage.actions.map(action => action.name);
				const stageNow = stageStatus(stage.name, actionNames, state, runs, executionId);
				if (stageNow && seen.get(`stage:${stage.name}`) !== stageNow) {
					seen.set(`stage:${stage.name}`, stageNow);
					options.onEvent({type: 'stage', stage: stage.name, status: stageNow}, now);
				}
				for (const action of stage.actions) {
					const run = runs.get(`${stage.name}/${action.name}`);
					if (!run || seen.get(`action:${stage.name}/${action.name}`) === run.status) continue;
					seen.set(`action:${stage.name}/${action.name}`, run.status);
					const approvalPending = action.category === 'Approval' && run.status === 'InProgress';
					options.onEvent({type: 'action', stage: stage.name, action: action.name, status: run.status, summary: run.summary, url: run.url, error: run.error, approvalPending}, now);
				}
			}
			if (status !== lastStatus) {
				lastStatus = status;
				options.onEvent({type: 'execution', status, statusSummary: str(execution.statusSummary)}, now);
			}
			failures = 0;
			if (isFinalExecutionStatus(status)) return status;
			await sleep(clock, options.intervalMs);
		} catch (error) {
			const kind = api.classify(error).kind;
			if (kind === 'notFound' || kind === 'client') throw error;
			// Throttles, blips and timeouts pass; credentials and permissions get a few chances to come back.
			if (kind === 'auth' || kind === 'credentials') failures++;
			if (failures >= PERSISTENT_LIMIT) throw error;
			await sleep(clock, Math.min(60_000, options.intervalMs * 2 ** Math.min(failures, 4)));
		}
	}
}

/** The definition the execution ran with; the current one when that version is no longer kept. */
async function definitionAt(api: SourceApi, call: <R>(operation: string, run: (signal: AbortSignal) => Promise<R>) => Promise<R>, pipeline: string, version: number | undefined): Promise<Definition> {
	if (version !== undefined) {
		try {
			return mapDefinition(await call('GetPipeline', signal => api.getPipeline(pipeline, {signal, version})));
		} catch (error) {
			if (api.classify(error).kind !== 'notFound') throw error;
		}
	}
	return mapDefinition(await call('GetPipeline', signal => api.getPipeline(pipeline, {signal})));
}

/** This execution's action runs, the latest run per stage/action (a retried action ran more than once). */
async function actionRuns(
	api: SourceApi,
	call: <R>(operation: string, run: (signal: AbortSignal) => Promise<R>) => Promise<R>,
	pipeline: string,
	executionId: string,
): Promise<Map<string, ActionRun>> {
	const runs = new Map<string, ActionRun>();
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const output = await call('ListActionExecutions', signal => api.listActionExecutions({pipelineName: pipeline, filter: {pipelineExecutionId: executionId}, maxResults: 100, nextToken}, {signal}));
		for (const raw of arrayField(output.actionExecutionDetails, 'actionExecutionDetails')) {
			const detail = obj(raw);
			const status = str(detail.status);
			if (!status) continue;
			const key = `${str(detail.stageName) ?? ''}/${str(detail.actionName) ?? ''}`;
			const startTime = detail.startTime instanceof Date ? detail.startTime.getTime() : 0;
			const previous = runs.get(key);
			if (previous && previous.startTime > startTime) continue;
			const result = obj(obj(detail.output).executionResult);
			const errors = obj(result.errorDetails);
			runs.set(key, {status, summary: str(result.externalExecutionSummary), url: str(result.externalExecutionUrl), error: str(errors.message), startTime});
		}
		nextToken = str(output.nextToken);
		pages++;
	} while (nextToken && pages < 20);
	return runs;
}
