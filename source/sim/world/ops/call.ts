/** What every operation handler gets: the world's parts and the caller. */

import {SimError, type OperationContext} from '../../contract.js';
import type {Engine} from '../execution/context.js';
import type {Pipeline} from '../model.js';
import type {PageTokens} from '../paging.js';
import type {RegionState} from '../registry.js';

export type Call = {
	context: OperationContext;
	engine: Engine;
	regionState: RegionState;
	tokens: PageTokens;
	/** The IAM identity of the caller, for lastChangedBy, lastUpdatedBy and trigger details. */
	caller: string;
	now: number;
};

export type Handler = (call: Call, input: Record<string, unknown>) => unknown;

export function findPipeline(call: Call, name: string): Pipeline {
	const pipeline = call.regionState.pipelines.get(name);
	if (!pipeline) throw new SimError('PipelineNotFoundException', `Account '${call.context.accountId}' does not have a pipeline with name '${name}'`);
	return pipeline;
}

export function requireStage(pipeline: Pipeline, stageName: string): void {
	if (!pipeline.declaration.stages.some(stage => stage.name === stageName)) {
		throw new SimError('StageNotFoundException', `Stage '${stageName}' does not exist in pipeline '${pipeline.name}'.`);
	}
}
