/**
 * The details the engine reads only when the operator asks (engine/on-demand.ts): pages of history
 * and action executions, and build logs. types.ts exports them too.
 */
import type {ActionStatus, SourceError} from './types.js';

/** A page-by-page cache, for history, action executions and log lines. */
export type Paged<T> = {
	items: T[];
	nextToken?: string;
	loading: boolean;
	error?: SourceError;
	fetchedAt?: number;
};

export type ArtifactView = {name: string; bucket?: string; key?: string};

export type ActionExecutionView = {
	actionExecutionId: string;
	executionId: string;
	stageName: string;
	actionName: string;
	status: ActionStatus;
	startTime?: number;
	lastUpdateTime?: number;
	updatedBy?: string;
	category?: string;
	provider?: string;
	region?: string;
	configuration: Record<string, string>;
	resolvedConfiguration: Record<string, string>;
	inputArtifacts: ArtifactView[];
	outputArtifacts: ArtifactView[];
	externalExecutionId?: string;
	externalExecutionSummary?: string;
	externalExecutionUrl?: string;
	/** Where a Commands action logged (ActionExecutionResult.logStreamARN). */ logStreamArn?: string;
	errorCode?: string;
	errorMessage?: string;
	outputVariables: Record<string, string>;
};

export type LogLine = {timestamp: number; message: string};

/** A CodeBuild action's log: the build, where its log lives, and the lines read so far. */
export type BuildLog = {
	buildId: string;
	buildStatus?: string;
	currentPhase?: string;
	groupName?: string;
	streamName?: string;
	lines: LogLine[];
	/** The forward token to continue from (follow mode). */
	nextForwardToken?: string;
	/** True while the build runs: the engine keeps tailing while the log is on screen. */
	live: boolean;
	loading: boolean;
	error?: SourceError;
};
