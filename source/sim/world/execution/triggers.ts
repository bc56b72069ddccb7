/**
 * Where executions come from: a new execution record (source revisions, variables, trigger), and
 * the scenario's schedule that starts one every `startEverySeconds` (jittered +-30%) with a
 * trigger type that fits the pipeline's source (webhooks, EventBridge rules, polling) and now and
 * then a person pressing "Release change". Only the next start is ever scheduled.
 */

import {SimError} from '../../contract.js';
import type {Execution, ExecutionType, Pipeline, SourceRevision, Trigger} from '../model.js';
import {newSourceRevision} from '../providers.js';
import {touch, type Engine} from './context.js';
import {arrive} from './step.js';

export type NewExecution = {
	trigger: Trigger;
	variables?: Array<{name: string; resolvedValue: string}>;
	/** Revisions to use instead of fetching new ones, by source action name. */
	revisions?: Map<string, string>;
	type?: ExecutionType;
	rollbackTarget?: Execution;
	onlyStage?: string;
	clientToken?: string;
};

export function activeCount(pipeline: Pipeline): number {
	let count = 0;
	for (let index = pipeline.executions.length - 1; index >= 0; index--) if (pipeline.executions[index].where !== 'done') count++;
	return count;
}

export function startExecution(engine: Engine, pipeline: Pipeline, options: NewExecution): Execution {
	if (activeCount(pipeline) >= engine.maxActive) {
		throw new SimError('ConcurrentPipelineExecutionsLimitExceededException', `The pipeline ${pipeline.name} has reached the limit of ${engine.maxActive} concurrent pipeline executions.`);
	}
	const now = engine.scheduler.now();
	const declaration = pipeline.declaration;
	const target = options.rollbackTarget;
	let sources: SourceRevision[];
	if (target) sources = target.sources;
	else {
		// A person's start builds what the branch has; a webhook or rule reacts to a push.
		const push = options.trigger.triggerType !== 'StartPipelineExecution' && options.trigger.triggerType !== 'CreatePipeline';
		sources = declaration.stages[0].actions
			.filter(action => action.actionTypeId.category === 'Source')
			.map(action => engine.repositories.fetch(pipeline, action, newSourceRevision(action, pipeline.rng, now), {push, override: options.revisions?.get(action.name)}));
	}
	// Every member set up front (no conditional spreads): one object shape for every execution.
	const execution: Execution = {
		id: pipeline.rng.uuid(),
		seq: pipeline.nextSeq++,
		pipeline,
		version: declaration.version,
		declaration,
		status: 'InProgress',
		statusSummary: undefined,
		startTime: now,
		lastUpdateTime: now,
		trigger: options.trigger,
		stopTrigger: undefined,
		mode: declaration.executionMode,
		type: options.type ?? 'STANDARD',
		rollbackTarget: target?.id,
		sources,
		variables: options.variables ?? target?.variables,
		stageIndex: 0,
		onlyStage: options.onlyStage,
		where: 'waiting',
		stageRuns: [],
		actionRuns: [],
		clientToken: options.clientToken,
	};
	pipeline.executions.push(execution);
	pipeline.byId.set(execution.id, execution);
	if (options.clientToken) pipeline.clientTokens.set(options.clientToken, execution);
	touch(pipeline);
	engine.observer?.executionChanged(execution, 'STARTED');
	const first = options.onlyStage ? declaration.stages.findIndex(stage => stage.name === options.onlyStage) : 0;
	arrive(engine, execution, Math.max(0, first));
	return execution;
}

/** Resolved defaults per declaration: shared by every execution that takes them (never mutated). */
const defaultsCache = new WeakMap<object, Array<{name: string; resolvedValue: string}>>();

/** Default values of the pipeline's variables (V2), as an execution resolves them. */
export function defaultVariables(pipeline: Pipeline): Array<{name: string; resolvedValue: string}> | undefined {
	const declared = pipeline.declaration.variables;
	if (!declared || declared.length === 0) return undefined;
	let values = defaultsCache.get(declared);
	if (!values) defaultsCache.set(declared, (values = declared.map(variable => ({name: variable.name, resolvedValue: variable.defaultValue ?? ''}))));
	return values;
}

/** Trigger objects are immutable and few per pipeline: made once, shared by its executions. */
const triggerCache = new WeakMap<Pipeline, Map<string, Trigger>>();

function sharedTrigger(pipeline: Pipeline, triggerType: string, detail: () => string, variant = ''): Trigger {
	let triggers = triggerCache.get(pipeline);
	if (!triggers) triggerCache.set(pipeline, (triggers = new Map()));
	const key = `${triggerType}/${variant}`;
	let trigger = triggers.get(key);
	if (!trigger) triggers.set(key, (trigger = {triggerType, triggerDetail: detail()}));
	return trigger;
}

/** The trigger an automatic start gets, from the first source action's kind. */
export function automaticTrigger(pipeline: Pipeline): Trigger {
	const {accountId, rng} = pipeline;
	if (rng.chance(0.1)) {
		const person = rng.pick(['priya', 'mateo', 'hannah', 'kenji', 'amara']);
		return sharedTrigger(pipeline, 'StartPipelineExecution', () => `arn:aws:sts::${accountId}:assumed-role/Developer/${person}`, person);
	}
	return changeTrigger(pipeline);
}

/** The trigger of a start that change detection made (a push, an object upload): never a person. */
export function changeTrigger(pipeline: Pipeline): Trigger {
	const {accountId, region, name, rng} = pipeline;
	const source = pipeline.declaration.stages[0].actions[0];
	const config = source.configuration ?? {};
	if (config.PollForSourceChanges === 'true') return sharedTrigger(pipeline, 'PollForSourceChanges', () => source.name);
	switch (source.actionTypeId.provider) {
		case 'CodeStarSourceConnection':
			return sharedTrigger(pipeline, pipeline.declaration.triggers?.length ? 'WebhookV2' : 'Webhook', () => config.ConnectionArn ?? `arn:aws:codeconnections:${region}:${accountId}:connection/${rng.uuid()}`);
		case 'GitHub':
			return sharedTrigger(pipeline, 'Webhook', () => `arn:aws:codepipeline:${region}:${accountId}:webhook:${name}--${source.name}--${rng.int(100000000, 999999999)}`);
		default:
			return sharedTrigger(pipeline, 'CloudWatchEvent', () => `arn:aws:events:${region}:${accountId}:rule/codepipeline-${name.slice(0, 30)}-${source.name.slice(0, 20)}-rule`);
	}
}

/** Schedules the next automatic start of a pipeline that has `startEverySeconds`. */
export function scheduleNextStart(engine: Engine, pipeline: Pipeline, delayMs?: number): void {
	const every = pipeline.startEverySeconds;
	engine.scheduler.cancel(pipeline.scheduleEvent);
	pipeline.scheduleEvent = undefined;
	if (!every || pipeline.deleted) return;
	const delay = delayMs ?? every * 1000 * pipeline.rng.real(0.7, 1.3);
	pipeline.scheduleEvent = engine.scheduler.after(delay, () => {
		pipeline.scheduleEvent = undefined;
		if (pipeline.deleted) return;
		// A pipeline at its concurrency limit skips this start, as a webhook would be refused.
		if (activeCount(pipeline) < engine.maxActive) startExecution(engine, pipeline, {trigger: automaticTrigger(pipeline), variables: defaultVariables(pipeline)});
		scheduleNextStart(engine, pipeline);
	});
}
