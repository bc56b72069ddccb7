/**
 * The shape of pipetop's state: what the engine writes and the console reads.
 *
 * These are pipetop's own types, not the SDK's: only source/aws/ imports @aws-sdk, and the
 * engine maps answers into these so views never depend on wire shapes. Timestamps are epoch ms.
 */

import type {FeedState} from './feed-types.js';
import type {ActionExecutionView, BuildLog, Paged} from './detail-types.js';
import type {RuleResults} from './rule-types.js';

// The details read when the operator asks live in detail-types.ts; exported here too, where callers look.
export type {ActionExecutionView, ArtifactView, BuildLog, LogLine, Paged} from './detail-types.js';

/** `profile/region`: one set of SDK clients, polled under one request budget. */
export type SourceKey = string;
/**
 * `profile/region/pipelineName`. Keyed by profile rather than account id because the account is
 * only known once GetPipeline answers (from the pipeline ARN), and a key must never change.
 */
export type PipelineKey = string;

export type PipelineExecutionStatus =
	| 'Cancelled'
	| 'InProgress'
	| 'Stopped'
	| 'Stopping'
	| 'Succeeded'
	| 'Superseded'
	| 'Failed';
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';

/**
 * What a pipeline needs from an operator, in sort order: failed first, then waiting for
 * approval, then running, then the rest. `unknown` until its state was read once.
 */
export type Attention = 'failed' | 'approval' | 'running' | 'idle' | 'unknown';

export type SourceHealth = 'loading' | 'ok' | 'stale' | 'failed';

export type SourceError = {
	/** The AWS error code or credential error name, e.g. AccessDeniedException. */
	code: string;
	/** One line an operator understands. */
	message: string;
	/** What to do about it, e.g. "run: aws sso login --profile prod". */
	hint?: string;
};

export type SourceState = {
	key: SourceKey;
	profile: string;
	region: string;
	accountId?: string;
	health: SourceHealth;
	error?: SourceError;
	/** Last time ListPipelines answered. */
	listedAt?: number;
	/** When a failed source will be tried again. */
	retryAt?: number;
	pipelineCount: number;
	/** Read-only for this profile (config or flag): the action layer refuses writes. */
	readOnly: boolean;
	/**
	 * Set while another source reads the same account and region (e.g. an admin and a
	 * read-only profile of one account): that source's key. This one then reads nothing.
	 */
	sameAs?: SourceKey;
	/** Found by `--region all` (`home`: the profile's own region): shown quietly when idle (store/source-standing.ts). */
	swept?: 'home' | 'other';
};

export type ActionView = {
	name: string;
	category: string;
	owner: string;
	provider: string;
	runOrder: number;
	/** Set for cross-region actions. */
	region?: string;
	configuration: Record<string, string>;
	inputArtifacts: string[];
	outputArtifacts: string[];
	// From GetPipelineState's latestExecution; absent when the action never ran.
	status?: ActionStatus;
	actionExecutionId?: string;
	summary?: string;
	lastStatusChange?: number;
	/** Approval token, present while a manual approval waits (not in PARALLEL mode). */
	token?: string;
	externalExecutionId?: string;
	externalExecutionUrl?: string;
	percentComplete?: number;
	errorCode?: string;
	errorMessage?: string;
	lastUpdatedBy?: string;
	entityUrl?: string;
	revisionUrl?: string;
	currentRevision?: string;
};

export type TransitionView = {
	enabled: boolean;
	disabledReason?: string;
	lastChangedBy?: string;
	lastChangedAt?: number;
};

export type StageView = {
	name: string;
	status?: StageStatus;
	/** The execution this stage last ran (or runs). */
	executionId?: string;
	inboundTransition: TransitionView;
	/** Executions waiting in front of this stage (one in SUPERSEDED, several in QUEUED). */
	inboundExecutions: Array<{executionId: string; status: string}>;
	/** V2 stage conditions that have run for the latest execution (none: no conditions, or V1). */
	conditions: StageConditionView[];
	actions: ActionView[];
};

export type StageConditionView = {
	type: 'BEFORE_ENTRY' | 'ON_SUCCESS' | 'ON_FAILURE';
	/** InProgress, Succeeded, Failed, Errored, Cancelled, Abandoned, Overridden (as AWS sends it). */
	status?: string;
	summary?: string;
	rules: Array<{name: string; status?: string; summary?: string}>;
};

export type SourceRevisionView = {
	actionName: string;
	revisionId?: string;
	revisionSummary?: string;
	revisionUrl?: string;
};

/** A pipeline-level variable as one execution resolved it (GetPipelineExecution `variables`). */
export type ResolvedVariableView = {name: string; value: string};

export type ExecutionSummaryView = {
	executionId: string;
	status: PipelineExecutionStatus;
	statusSummary?: string;
	startTime?: number;
	lastUpdateTime?: number;
	triggerType?: string;
	triggerDetail?: string;
	stopReason?: string;
	executionMode?: string;
	executionType?: string;
	sourceRevisions: SourceRevisionView[];
	/**
	 * The values this execution ran with. ListPipelineExecutions does not give them: only the
	 * latest execution of a pipeline that declares variables has them (GetPipelineExecution).
	 */
	variables?: ResolvedVariableView[];
};

/**
 * A manual approval waiting for an execution other than the latest (QUEUED and PARALLEL modes, or a
 * newer run behind it): what the fleet row shows, since that is what the operator must decide on.
 */
export type WaitingApprovalView = {
	executionId: string;
	stageName: string;
	actionName: string;
	/** When the approval started waiting. */
	since?: number;
	/** When the execution started (when it was among the newest summaries read). */
	startTime?: number;
	sourceRevisions: SourceRevisionView[];
	/** Newer executions still running or queued behind it. */
	behind: number;
	/** True when there may be more behind than `behind` (only the newest page was read). */
	behindAtLeast?: boolean;
};

/** A pipeline tag (ListTagsForResource). */
export type PipelineTag = {key: string; value: string};

export type PipelineEntry = {
	key: PipelineKey;
	sourceKey: SourceKey;
	profile: string;
	region: string;
	accountId?: string;
	name: string;
	pipelineType?: string;
	executionMode?: string;
	version?: number;
	/** Pipeline variables declared in the definition (V2), with their defaults. */
	variables: Array<{name: string; defaultValue?: string; description?: string}>;
	/** Tags, read on the discovery cadence (engine/tags.ts); absent until read. */
	tags?: PipelineTag[];
	stages: StageView[];
	latestExecution?: ExecutionSummaryView;
	/** Set only while an approval waits for an execution that is not the latest. */
	waitingApproval?: WaitingApprovalView;
	attention: Attention;
	/** Time the state was last read successfully (data age = now - fetchedAt). */
	fetchedAt?: number;
	/** Data older than the engine's freshness goal for this pipeline. */
	stale: boolean;
	/** The last error polling this pipeline, cleared by the next success. */
	error?: SourceError;
	/** Known only from the change feed (no profile reads its account): status only, no actions. */
	seenThroughEvents?: true;
};

export type StatusCounts = Record<Attention, number> & {total: number};

export type EngineCounters = {
	callsByOperation: Record<string, number>;
	throttled: number;
	errors: number;
	/** Sum and count of call latencies in ms, for an average without keeping samples. */
	latencyTotalMs: number;
	latencyCount: number;
	startedAt: number;
};

export type FleetState = {
	sources: Record<SourceKey, SourceState>;
	/** Source keys in display order (profile, then region). */
	sourceOrder: SourceKey[];
	pipelines: Record<PipelineKey, PipelineEntry>;
	/**
	 * Pipeline keys sorted by attention, then most recent activity. A new array only when the
	 * order or membership changed, so selectors can return it as is.
	 */
	order: PipelineKey[];
	/** The most stages any pipeline has (the fleet's stage column is this wide). */
	maxStages: number;
	counts: StatusCounts;
	/** Execution history per pipeline. */
	histories: Record<PipelineKey, Paged<ExecutionSummaryView>>;
	/** Action executions per `pipelineKey#executionId`. */
	actionExecutions: Record<string, Paged<ActionExecutionView>>;
	/** Resolved variables per `pipelineKey#executionId`, read when an execution is opened. */
	executionVariables: Record<string, ResolvedVariableView[]>;
	/** Build logs per build id. */
	logs: Record<string, BuildLog>;
	/** Why an action failed, per cause id (engine/why/cause-id.ts), read when asked. */ causes: Record<string, import('./cause-types.js').CauseState>;
	/** Pipeline declarations (GetPipeline answers as JSON) per pipeline, for the definition view. */
	definitions: Record<PipelineKey, unknown>;
	/** Stage condition rules' recent results per pipeline (ListRuleExecutions), read for the pipeline on screen. */
	ruleResults: Record<PipelineKey, RuleResults>;
	counters: EngineCounters;
	/** True until every source answered (or failed) once. */
	initialLoad: boolean;
	/** The change feed; absent when none is configured (--events, config `events`). */
	feed?: FeedState;
};
