/**
 * The world's records. Declarations are kept as AWS returns them (GetPipeline echoes them);
 * runtime records hold only what cannot be derived, because a benchmark fleet keeps 2,000
 * pipelines x 100 executions in memory: URLs, S3 keys and summaries are computed when asked.
 */

import type {WorldEvent} from './scheduler.js';
import type {Rng} from './random.js';
import type {Build} from './builds/build.js';

export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';
export type PipelineType = 'V1' | 'V2';
export type ExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type ExecutionType = 'STANDARD' | 'ROLLBACK';

export type ActionTypeId = {category: string; owner: string; provider: string; version: string};

export type ActionDeclaration = {
	name: string;
	actionTypeId: ActionTypeId;
	runOrder: number;
	configuration?: Record<string, string>;
	outputArtifacts: Array<{name: string; files?: string[]}>;
	inputArtifacts: Array<{name: string}>;
	region?: string;
	roleArn?: string;
	namespace?: string;
	timeoutInMinutes?: number;
	[other: string]: unknown;
};

export type StageDeclaration = {name: string; actions: ActionDeclaration[]; [other: string]: unknown};

export type PipelineDeclaration = {
	name: string;
	roleArn: string;
	artifactStore?: {type: string; location: string; encryptionKey?: unknown};
	artifactStores?: Record<string, {type: string; location: string; encryptionKey?: unknown}>;
	stages: StageDeclaration[];
	version: number;
	executionMode: ExecutionMode;
	pipelineType: PipelineType;
	variables?: Array<{name: string; defaultValue?: string; description?: string}>;
	triggers?: unknown[];
};

export type Trigger = {triggerType: string; triggerDetail: string};

/** What a source action fetched for one execution. */
export type SourceRevision = {
	actionName: string;
	revisionId: string;
	/** The commit message (or object key / image tag for S3 and ECR sources). */
	message: string;
	branch?: string;
	author?: string;
	created: number;
};

export type Behaviour = {seconds?: number; outcomes?: Array<'Succeeded' | 'Failed'>};

export type ActionRun = {
	id: string;
	execution: Execution;
	stageName: string;
	action: ActionDeclaration;
	status: ActionStatus;
	startTime: number;
	lastUpdateTime: number;
	/** The pending finish (or approval timeout). */
	event: WorldEvent | undefined;
	/** Manual approvals: the token PutApprovalResult must quote. */
	token: string | undefined;
	externalId: string | undefined;
	summary: string | undefined;
	error: {code: string; message: string} | undefined;
	updatedBy: string | undefined;
	build: Build | undefined;
};

export type StageRun = {
	name: string;
	index: number;
	status: StageStatus;
	type: ExecutionType;
	/** Distinct runOrders of the stage, ascending, and which one is running. */
	runOrders: number[];
	group: number;
	/** Action runs still in progress. */
	active: number;
	/**
	 * Where this attempt's action runs start in the execution's `actionRuns` (an ALL_ACTIONS retry
	 * moves it on). No per-stage list is kept: a fleet holds hundreds of thousands of stage runs.
	 */
	since: number;
	/** The stage's BEFORE_ENTRY conditions, while and after they held the execution at the door. */
	gate: Gate | undefined;
};

export type ConditionStatus = 'InProgress' | 'Failed' | 'Errored' | 'Succeeded' | 'Cancelled' | 'Abandoned' | 'Overridden';
export type RuleStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type GateRule = {name: string; id: string; status: RuleStatus; summary: string | undefined; changed: number};
export type Gate = {
	status: ConditionStatus;
	summary: string | undefined;
	changed: number;
	/** One entry per declared condition, each with its rules. */
	conditions: GateRule[][];
	event: WorldEvent | undefined;
};

/** The action runs of a stage run's current attempt, oldest first. */
export function runsOf(execution: Execution, run: StageRun): ActionRun[] {
	const runs: ActionRun[] = [];
	for (let index = run.since; index < execution.actionRuns.length; index++) if (execution.actionRuns[index].stageName === run.name) runs.push(execution.actionRuns[index]);
	return runs;
}

/** The latest run of an action in a stage run's current attempt. */
export function latestRun(execution: Execution, run: StageRun, actionName: string): ActionRun | undefined {
	for (let index = execution.actionRuns.length - 1; index >= run.since; index--) {
		const candidate = execution.actionRuns[index];
		if (candidate.stageName === run.name && candidate.action.name === actionName) return candidate;
	}
	return undefined;
}

export type Execution = {
	id: string;
	seq: number;
	pipeline: Pipeline;
	version: number;
	/** The declaration the execution started with: updates do not change a running execution. */
	declaration: PipelineDeclaration;
	status: ExecutionStatus;
	statusSummary?: string;
	startTime: number;
	lastUpdateTime: number;
	trigger: Trigger;
	stopTrigger?: {reason: string};
	mode: ExecutionMode;
	type: ExecutionType;
	rollbackTarget?: string;
	sources: SourceRevision[];
	variables?: Array<{name: string; resolvedValue: string}>;
	/** Index (in `declaration.stages`) of the stage it is in or waiting for. */
	stageIndex: number;
	/** A rollback runs one stage only. */
	onlyStage?: string;
	where: 'waiting' | 'stage' | 'done';
	stageRuns: StageRun[];
	actionRuns: ActionRun[];
	/** The clientRequestToken it was started with, if any (idempotency). */
	clientToken?: string;
};

export type Transition = {enabled: boolean; lastChangedBy?: string; lastChangedAt?: number; disabledReason?: string};

/** Per stage name: the lock, the queue in front of it, the transition and what the state shows. */
export type StageSlot = {
	name: string;
	occupants: Set<Execution>;
	waiting: Execution[];
	inbound: Transition;
	latest?: StageRun;
	latestExecution?: Execution;
	actionLatest: Map<string, ActionRun>;
};

export type Pipeline = {
	accountId: string;
	region: string;
	name: string;
	declaration: PipelineDeclaration;
	/** Every version's declaration, for GetPipeline with `version`. */
	versions: Map<number, PipelineDeclaration>;
	tags?: Array<{key: string; value: string}>;
	created: number;
	updated: number;
	rng: Rng;
	behaviour: Record<string, Behaviour>;
	/** How many runs each "Stage/Action" has had, to cycle behaviour outcomes. */
	runCounts: Map<string, number>;
	startEverySeconds?: number;
	scheduleEvent?: WorldEvent;
	slots: Map<string, StageSlot>;
	executions: Execution[];
	byId: Map<string, Execution>;
	clientTokens: Map<string, Execution>;
	approvalTokens: Map<string, ActionRun>;
	nextSeq: number;
	deleted: boolean;
	/** Bumped on every visible change; GetPipelineState is cached against it. */
	revision: number;
	stateCache?: {revision: number; value: unknown};
};
