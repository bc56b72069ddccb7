/** Creating, updating and deleting pipeline records (shared by the API and scenario loading). */

import {SimError} from '../contract.js';
import {touch, type Engine} from './execution/context.js';
import {scheduleNextStart} from './execution/triggers.js';
import type {Behaviour, Pipeline, PipelineDeclaration} from './model.js';
import {Rng} from './random.js';
import type {RegionState} from './registry.js';

/** AWS's quota: pipelines per account per region. */
const MAX_PIPELINES_PER_REGION = 1000;

export type PipelineExtras = {
	tags?: Array<{key: string; value: string}>;
	behaviour?: Record<string, Behaviour>;
	startEverySeconds?: number;
	created?: number;
};

export function addPipeline(engine: Engine, regionState: RegionState, declaration: PipelineDeclaration, extras: PipelineExtras = {}): Pipeline {
	if (regionState.pipelines.has(declaration.name)) {
		throw new SimError('PipelineNameInUseException', `A pipeline with the name ${declaration.name} already exists in account ${regionState.accountId} in ${regionState.region}.`);
	}
	if (regionState.pipelines.size >= MAX_PIPELINES_PER_REGION) {
		throw new SimError('LimitExceededException', `Account ${regionState.accountId} has reached the limit of ${MAX_PIPELINES_PER_REGION} pipelines in ${regionState.region}.`);
	}
	const now = extras.created ?? engine.scheduler.now();
	const pipeline: Pipeline = {
		accountId: regionState.accountId,
		region: regionState.region,
		name: declaration.name,
		declaration,
		versions: new Map([[declaration.version, declaration]]),
		...(extras.tags ? {tags: extras.tags} : {}),
		created: now,
		updated: now,
		rng: Rng.derive(engine.seed, 'pipeline', regionState.accountId, regionState.region, declaration.name),
		behaviour: extras.behaviour ?? {},
		runCounts: new Map(),
		...(extras.startEverySeconds ? {startEverySeconds: extras.startEverySeconds} : {}),
		slots: new Map(),
		executions: [],
		byId: new Map(),
		clientTokens: new Map(),
		approvalTokens: new Map(),
		nextSeq: 1,
		deleted: false,
		revision: 0,
	};
	regionState.pipelines.set(pipeline.name, pipeline);
	return pipeline;
}

/** A new version: running executions keep the declaration they started with. */
export function replaceDeclaration(engine: Engine, pipeline: Pipeline, declaration: PipelineDeclaration): void {
	pipeline.declaration = declaration;
	pipeline.versions.set(declaration.version, declaration);
	pipeline.updated = engine.scheduler.now();
	touch(pipeline);
}

/**
 * Gone at once, with its pending events and its builds (a documented simplification: in AWS the
 * CodeBuild builds would outlive the pipeline, but a build cut off mid-run would then never end).
 */
export function removePipeline(engine: Engine, regionState: RegionState, pipeline: Pipeline): void {
	pipeline.deleted = true;
	regionState.pipelines.delete(pipeline.name);
	engine.scheduler.cancel(pipeline.scheduleEvent);
	for (const execution of pipeline.executions) {
		for (const run of execution.actionRuns) {
			engine.scheduler.cancel(run.event);
			if (run.build) engine.region(run.build.accountId, run.build.region).removeBuild(run.build);
		}
	}
}

export function startSchedule(engine: Engine, pipeline: Pipeline, firstDelayMs?: number): void {
	scheduleNextStart(engine, pipeline, firstDelayMs);
}
