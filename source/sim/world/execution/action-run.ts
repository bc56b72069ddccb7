/**
 * Running one action: how long it takes and how it ends (the scenario's behaviour for
 * "Stage/Action", cycled over its runs, or a plausible default for the category), what external
 * run it starts (a CodeBuild build, a deployment...), and the approval token of a manual approval.
 *
 * This module knows nothing of stages: when a run's time is up it hands the outcome to the
 * `settle` it was started with (step.ts's settleAction), which moves the execution on.
 */

import {artifactBucket} from '../artifacts.js';
import {buildFailure, type Build} from '../builds/build.js';
import type {ActionDeclaration, ActionRun, Execution, StageRun} from '../model.js';
import {actionRegion, defaultSeconds, failureDetails, newExternalId} from '../providers.js';
import {APPROVERS} from '../text.js';
import {slotOf, touch, type Engine} from './context.js';
import {ACTION_EVENT} from './observer.js';

/** A manual approval nobody answers fails after 7 days (unless the action sets timeoutInMinutes). */
const APPROVAL_TIMEOUT_MS = 7 * 24 * 3600 * 1000;

type Outcome = 'Succeeded' | 'Failed';

/** Ends an action run and lets its stage react (step.ts's settleAction). */
export type Settle = (engine: Engine, actionRun: ActionRun, status: Outcome | 'Abandoned', updatedBy?: string) => void;

/** "Stage/Action" per declared action, made once per declaration rather than once per run. */
const behaviourKeys = new WeakMap<ActionDeclaration, string>();

function plannedOutcome(execution: Execution, run: StageRun, action: ActionDeclaration): {outcome: Outcome | undefined; seconds: number | undefined} {
	const pipeline = execution.pipeline;
	let key = behaviourKeys.get(action);
	if (key === undefined) behaviourKeys.set(action, (key = `${run.name}/${action.name}`));
	const behaviour = pipeline.behaviour[key];
	const count = pipeline.runCounts.get(key) ?? 0;
	pipeline.runCounts.set(key, count + 1);
	const outcomes = behaviour?.outcomes;
	const outcome = outcomes && outcomes.length > 0 ? outcomes[count % outcomes.length] : undefined;
	return {outcome, seconds: behaviour?.seconds};
}

function startBuild(engine: Engine, execution: Execution, actionRun: ActionRun, durationMs: number, outcome: Outcome): Build {
	const pipeline = execution.pipeline;
	const action = actionRun.action;
	const region = actionRegion(pipeline, action);
	const regionState = engine.region(pipeline.accountId, region);
	const project = action.configuration?.ProjectName ?? `${pipeline.name}-${action.name}`.slice(0, 150);
	const uuid = pipeline.rng.uuid();
	const input = action.inputArtifacts[0]?.name ?? 'SourceArtifact';
	const now = engine.scheduler.now();
	const build: Build = {
		uuid,
		project,
		number: regionState.nextBuildNumber(project),
		accountId: pipeline.accountId,
		region,
		pipelineName: pipeline.name,
		category: action.actionTypeId.category,
		startTime: now,
		plannedEnd: now + durationMs,
		outcome: outcome === 'Succeeded' ? 'SUCCEEDED' : 'FAILED',
		status: 'IN_PROGRESS',
		seed: pipeline.rng.uint32(),
		bucket: artifactBucket(execution.declaration, region),
		inputArtifact: input,
		executionId: execution.id,
	};
	regionState.addBuild(build);
	return build;
}

export function startAction(engine: Engine, execution: Execution, run: StageRun, action: ActionDeclaration, settle: Settle): ActionRun {
	const pipeline = execution.pipeline;
	const now = engine.scheduler.now();
	// Every member set up front: one object shape for all runs keeps V8 fast and the objects small.
	const actionRun: ActionRun = {
		id: pipeline.rng.uuid(),
		execution,
		stageName: run.name,
		action,
		status: 'InProgress',
		startTime: now,
		lastUpdateTime: now,
		event: undefined,
		token: undefined,
		externalId: undefined,
		summary: undefined,
		error: undefined,
		updatedBy: undefined,
		build: undefined,
	};
	execution.actionRuns.push(actionRun);
	run.active++;
	slotOf(pipeline, run.name).actionLatest.set(action.name, actionRun);
	touch(pipeline);
	engine.observer?.actionChanged(actionRun, 'STARTED');

	const planned = plannedOutcome(execution, run, action);
	const category = action.actionTypeId.category;
	if (category === 'Approval') {
		actionRun.token = pipeline.rng.uuid();
		pipeline.approvalTokens.set(actionRun.token, actionRun);
		// PARALLEL mode shows no token in the state: the approval's externalExecutionId is the token.
		if (execution.mode === 'PARALLEL') actionRun.externalId = actionRun.token;
		if (planned.outcome) {
			const wait = (planned.seconds ?? pipeline.rng.int(300, 2400)) * 1000;
			actionRun.event = engine.scheduler.after(wait, () => autoApprove(engine, actionRun, planned.outcome as Outcome, settle));
		} else {
			const timeout = action.timeoutInMinutes ? action.timeoutInMinutes * 60_000 : APPROVAL_TIMEOUT_MS;
			actionRun.event = engine.scheduler.after(timeout, () => {
				actionRun.error = {code: 'JobFailed', message: `The approval request timed out after ${Math.round(timeout / 60_000)} minutes with no response.`};
				settle(engine, actionRun, 'Failed');
			});
		}
		return actionRun;
	}

	const outcome = planned.outcome ?? 'Succeeded';
	const durationMs = Math.max(1, planned.seconds ?? defaultSeconds(action, pipeline.rng)) * 1000;
	if (category === 'Source') {
		actionRun.externalId = execution.sources.find(source => source.actionName === action.name)?.revisionId;
	} else if (action.actionTypeId.provider === 'CodeBuild') {
		// Its externalExecutionId is the build id, derived from the build when asked (see views.ts).
		actionRun.build = startBuild(engine, execution, actionRun, durationMs, outcome);
	} else {
		actionRun.externalId = newExternalId(pipeline, actionRun, pipeline.rng);
	}
	actionRun.event = engine.scheduler.after(durationMs, () => {
		if (outcome === 'Failed') actionRun.error = actionRun.build ? buildFailure(actionRun.build) : failureDetails(actionRun, pipeline.rng);
		settle(engine, actionRun, outcome);
	});
	return actionRun;
}

/** A scenario's approval answered by a made-up reviewer after its delay. */
function autoApprove(engine: Engine, actionRun: ActionRun, outcome: Outcome, settle: Settle): void {
	const pipeline = actionRun.execution.pipeline;
	const approver = pipeline.rng.pick(APPROVERS);
	actionRun.updatedBy = `arn:aws:sts::${pipeline.accountId}:assumed-role/${approver}/${approver}`;
	actionRun.summary = outcome === 'Succeeded' ? pipeline.rng.pick(['Looks good, ship it', 'Approved after checking the staging dashboards', 'LGTM', 'Change ticket approved']) : pipeline.rng.pick(['Rejected: error rate on staging is above the SLO', 'Not during the freeze window', 'Rejected: missing release notes']);
	settle(engine, actionRun, outcome);
}

/**
 * Records the end of an action run that is still in progress (its build ends too); false when it
 * had already ended. The stage's reaction is the caller's business.
 */
export function finishActionRun(engine: Engine, actionRun: ActionRun, status: Outcome | 'Abandoned', updatedBy?: string): boolean {
	if (actionRun.status !== 'InProgress') return false;
	engine.scheduler.cancel(actionRun.event);
	actionRun.event = undefined;
	const now = engine.scheduler.now();
	actionRun.status = status;
	actionRun.lastUpdateTime = now;
	if (updatedBy) actionRun.updatedBy = updatedBy;
	const build = actionRun.build;
	if (build && build.status === 'IN_PROGRESS') {
		if (status === 'Abandoned') {
			build.status = 'STOPPED';
			build.stoppedAt = now;
		} else build.status = status === 'Succeeded' ? 'SUCCEEDED' : 'FAILED';
	}
	engine.observer?.actionChanged(actionRun, ACTION_EVENT[status]);
	return true;
}
