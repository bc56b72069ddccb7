/**
 * An event storm: many executions start at once across the fleet (a mass redeploy, a shared
 * library bumped everywhere), each with its usual stream of state changes. The starts are real,
 * so what the events say is what the API then answers.
 */

import {activeCount, automaticTrigger, defaultVariables, startExecution} from '../execution/triggers.js';
import type {Engine} from '../execution/context.js';
import type {Pipeline} from '../model.js';

export type StormOptions = {executions: number; afterSeconds?: number; seconds?: number};

export function scheduleStorm(engine: Engine, storm: StormOptions, pipelines: () => Pipeline[]): void {
	const start = engine.scheduler.now() + (storm.afterSeconds ?? 0) * 1000;
	const spread = (storm.seconds ?? 60) * 1000;
	for (let index = 0; index < storm.executions; index++) {
		engine.scheduler.at(start + (spread * index) / storm.executions, () => {
			const fleet = pipelines().filter(pipeline => !pipeline.deleted);
			if (fleet.length === 0) return;
			const pipeline = fleet[index % fleet.length];
			// A pipeline at its concurrency limit refuses the start, as a webhook would be refused.
			if (activeCount(pipeline) < engine.maxActive) startExecution(engine, pipeline, {trigger: automaticTrigger(pipeline), variables: defaultVariables(pipeline)});
		});
	}
}
