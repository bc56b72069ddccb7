/**
 * The action runs behind the "why" reads: a stack's deploys, a deployment, a service's rollouts,
 * a function's invocations. Found by scanning the region's pipelines, newest run first (the demo
 * holds a few hundred runs per region; nothing here is on a hot path).
 */

import type {ActionRun, Pipeline} from '../model.js';
import type {RegionState} from '../registry.js';

export type FoundRun = {pipeline: Pipeline; run: ActionRun};

/** Runs of the region's actions (those deploying into this region) that match, newest first. */
export function runsWhere(state: RegionState, matches: (run: ActionRun, pipeline: Pipeline) => boolean): FoundRun[] {
	const found: FoundRun[] = [];
	for (const pipeline of state.pipelines.values()) {
		for (const execution of pipeline.executions) {
			for (const run of execution.actionRuns) {
				if ((run.action.region ?? pipeline.region) === state.region && matches(run, pipeline)) found.push({pipeline, run});
			}
		}
	}
	return found.sort((a, b) => b.run.startTime - a.run.startTime);
}

export function configOf(run: ActionRun, key: string): string | undefined {
	return run.action.configuration?.[key];
}
