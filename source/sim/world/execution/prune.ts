/**
 * Keeps memory flat: a pipeline keeps its newest `engine.retain` executions (100, fewer in fleets
 * of more than 500 pipelines: see defaultRetention in world.ts) and forgets older finished ones,
 * with their builds, log streams, approval tokens and idempotency tokens. Executions still in
 * progress, and the ones a stage's state still shows as its latest, are never pruned. (AWS keeps
 * 12 months of history; a monitor needs far less.)
 */

import type {Execution, Pipeline} from '../model.js';
import type {Engine} from './context.js';

function forget(engine: Engine, pipeline: Pipeline, execution: Execution): void {
	pipeline.byId.delete(execution.id);
	if (execution.clientToken && pipeline.clientTokens.get(execution.clientToken) === execution) pipeline.clientTokens.delete(execution.clientToken);
	for (const run of execution.actionRuns) {
		if (run.token) pipeline.approvalTokens.delete(run.token);
		if (run.build) engine.region(run.build.accountId, run.build.region).removeBuild(run.build);
	}
}

export function prune(engine: Engine, pipeline: Pipeline): void {
	const excess = pipeline.executions.length - engine.retain;
	if (excess <= 0) return;
	const pinned = new Set<Execution>();
	for (const slot of pipeline.slots.values()) if (slot.latestExecution) pinned.add(slot.latestExecution);
	let removed = 0;
	const kept: Execution[] = [];
	for (const execution of pipeline.executions) {
		if (removed < excess && execution.where === 'done' && !pinned.has(execution)) {
			forget(engine, pipeline, execution);
			removed++;
		} else kept.push(execution);
	}
	if (removed > 0) pipeline.executions = kept;
}
