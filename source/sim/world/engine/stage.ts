/**
 * Inside a stage: actions grouped by runOrder. Every action of a group starts together; the next
 * group starts only when every action of this one succeeded.
 *
 * A documented choice: when an action fails, the stage and the execution show Failed at once,
 * while other actions of the same group run to their end (their results are kept); the stage is
 * let go only when the last of them finishes. That window is when ALL_ACTIONS retry is refused.
 */

import {latestRun, type ActionRun, type Execution, type StageRun} from '../model.js';
import {touch, type Engine} from './context.js';
import {stageDone} from './flow.js';
import {startAction} from './actions.js';

export function startStage(engine: Engine, execution: Execution, run: StageRun): void {
	run.group = 0;
	startGroup(engine, execution, run);
}

/** Starts the current group's actions that still need to run; moves past groups with nothing to do. */
export function startGroup(engine: Engine, execution: Execution, run: StageRun): void {
	const stage = execution.declaration.stages[run.index];
	while (run.group < run.runOrders.length) {
		const order = run.runOrders[run.group];
		let started = 0;
		for (const action of stage.actions) {
			if (action.runOrder !== order) continue;
			const previous = latestRun(execution, run, action.name);
			// Done (a FAILED_ACTIONS retry keeps successes) or still running: leave it be.
			if (previous && (previous.status === 'Succeeded' || previous.status === 'InProgress')) continue;
			startAction(engine, execution, run, action);
			started++;
			// An action that settles synchronously (never in practice) could have ended the stage.
			if (run.status !== 'InProgress') return;
		}
		if (started > 0 || run.active > 0) return;
		run.group++;
	}
	run.status = 'Succeeded';
	touch(execution.pipeline);
	stageDone(engine, execution, run);
}

/** Called when an action run reaches Succeeded, Failed or Abandoned. */
export function actionSettled(engine: Engine, actionRun: ActionRun): void {
	const execution = actionRun.execution;
	const run = execution.stageRuns.findLast(stageRun => stageRun.name === actionRun.stageName);
	if (!run) return;
	run.active--;
	const now = engine.scheduler.now();
	execution.lastUpdateTime = now;
	touch(execution.pipeline);
	if (actionRun.status === 'Failed' && run.status === 'InProgress') {
		run.status = 'Failed';
		execution.status = 'Failed';
	}
	if (run.active > 0) return;
	if (run.status === 'InProgress') {
		run.group++;
		startGroup(engine, execution, run);
		return;
	}
	if (run.status === 'Stopping') run.status = 'Stopped';
	stageDone(engine, execution, run);
}
