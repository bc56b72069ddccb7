/**
 * Stage conditions (V2), BEFORE_ENTRY: an execution entering a stage whose declaration has
 * `beforeEntry` conditions waits at the door while their rules run. The stage's actions start
 * when the rules succeed or an operator overrides the condition; the stage fails when they fail.
 * Rules are not run for real: they take the scenario's behaviour for "Stage/beforeEntry"
 * (seconds, outcomes cycled), by default 30 s and Succeeded. onSuccess and onFailure conditions
 * are accepted in declarations but not evaluated.
 *
 * This module keeps the gate's own state only; what the stage does once the gate is decided is
 * step.ts's business (the `decided` callback given to openGate, and the callers of closeGate).
 */

import type {Execution, Gate, GateRule, RuleStatus, StageDeclaration, StageRun} from '../model.js';
import {touch, type Engine} from './context.js';

/** Called once the rules have run: `passed` false fails the stage. */
export type GateDecided = (engine: Engine, execution: Execution, run: StageRun, passed: boolean) => void;

const DEFAULT_SECONDS = 30;

type DeclaredCondition = {result?: unknown; rules?: Array<{name?: unknown}>};

function declaredConditions(stage: StageDeclaration): DeclaredCondition[] {
	const beforeEntry = stage.beforeEntry as {conditions?: unknown} | undefined;
	return Array.isArray(beforeEntry?.conditions) ? (beforeEntry.conditions as DeclaredCondition[]) : [];
}

function setRules(gate: Gate, status: RuleStatus, now: number, summary?: (rule: GateRule) => string | undefined): void {
	for (const rules of gate.conditions) {
		for (const rule of rules) {
			if (rule.status !== 'InProgress') continue;
			rule.status = status;
			rule.summary = summary?.(rule);
			rule.changed = now;
		}
	}
}

/** Holds the execution at the stage's door when it declares entry conditions; false when it does not. */
export function openGate(engine: Engine, execution: Execution, run: StageRun, stage: StageDeclaration, decided: GateDecided): boolean {
	const declared = declaredConditions(stage);
	if (declared.length === 0) return false;
	const pipeline = execution.pipeline;
	const now = engine.scheduler.now();
	const key = `${stage.name}/beforeEntry`;
	const count = pipeline.runCounts.get(key) ?? 0;
	pipeline.runCounts.set(key, count + 1);
	const behaviour = pipeline.behaviour[key];
	const outcome = behaviour?.outcomes?.length ? behaviour.outcomes[count % behaviour.outcomes.length] : 'Succeeded';
	const conditions = declared.map(condition =>
		(condition.rules ?? []).map((rule, index) => ({
			name: typeof rule.name === 'string' ? rule.name : `Rule${index + 1}`,
			id: pipeline.rng.uuid(),
			status: 'InProgress' as RuleStatus,
			summary: undefined,
			changed: now,
		})),
	);
	const gate: Gate = {status: 'InProgress', summary: undefined, changed: now, conditions, event: undefined};
	run.gate = gate;
	gate.event = engine.scheduler.after((behaviour?.seconds ?? DEFAULT_SECONDS) * 1000, () => {
		gate.event = undefined;
		const at = engine.scheduler.now();
		gate.changed = at;
		touch(pipeline);
		if (outcome === 'Succeeded') {
			gate.status = 'Succeeded';
			setRules(gate, 'Succeeded', at);
			decided(engine, execution, run, true);
			return;
		}
		gate.status = 'Failed';
		gate.summary = 'A rule of the entry condition failed';
		setRules(gate, 'Failed', at, rule => `Rule ${rule.name} failed`);
		decided(engine, execution, run, false);
	});
	return true;
}

/** The condition holds the execution now (OverrideStageCondition and StopPipelineExecution ask). */
export function gateInProgress(run: StageRun | undefined): boolean {
	return run?.gate?.status === 'InProgress';
}

/**
 * Ends a gate still in progress without deciding it: OverrideStageCondition ('Overridden', the
 * execution goes in) or StopPipelineExecution ('Cancelled', the stage stops). The rules still
 * running are abandoned; the caller moves the stage on.
 */
export function closeGate(engine: Engine, execution: Execution, run: StageRun, status: 'Overridden' | 'Cancelled', caller?: string): void {
	const gate = run.gate as Gate;
	const now = engine.scheduler.now();
	engine.scheduler.cancel(gate.event);
	gate.event = undefined;
	gate.status = status;
	if (status === 'Overridden') gate.summary = `Overridden by ${caller}`;
	gate.changed = now;
	setRules(gate, 'Abandoned', now);
	touch(execution.pipeline);
}
