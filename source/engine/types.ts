import type {StoreApi} from 'zustand/vanilla';
import type {SourceApi} from '../aws/api.js';
import type {FleetState, PipelineKey, SourceKey} from '../store/types.js';
import type {CauseSubject} from './why/types.js';

export type FleetStore = StoreApi<FleetState>;

/** How often things are read, in ms. Every interval is configurable (config file `intervals`). */
export type Intervals = {
	/** A pipeline on screen, or one with anything InProgress. */
	active: number;
	/** Everything else. */
	idle: number;
	/** ListPipelines, to find new and deleted pipelines. */
	discovery: number;
	/**
	 * A pipeline's tags are read again this often (by a listing); default the discovery cadence,
	 * nor more often than an idle read. The change feed stretches it while healthy (safety-net.ts).
	 */
	tags?: number;
	/** Tailing a running build's log while it is on screen. */
	logFollow: number;
	/** First retry of a failed source; doubles up to maxBackoff. */
	backoff: number;
	maxBackoff: number;
};

/**
 * What the console and the action layer ask of the engine. Views never call AWS: they read the
 * store and call these, which schedule work under the per-source request budget.
 */
export interface FleetEngine {
	readonly store: FleetStore;
	start(): void;
	stop(): Promise<void>;
	/** The pipelines now on screen: they get the active cadence. */
	setFocus(keys: PipelineKey[]): void;
	/** Read now, ahead of schedule (key R, and after an operator action). All when no key. */
	refresh(key?: PipelineKey): void;
	/** An external change feed (e.g. EventBridge via SQS) says this pipeline changed. */
	markDirty(key: PipelineKey): void;
	/** Loads the first (or, with more, the next) page of execution history. */
	loadHistory(key: PipelineKey, options?: {more?: boolean}): Promise<void>;
	/** Loads the action executions of one execution (cached; `force` reloads). */
	loadActionExecutions(key: PipelineKey, executionId: string, options?: {force?: boolean}): Promise<void>;
	/** Loads the pipeline's declaration into `definitions`. */
	loadDefinition(key: PipelineKey): Promise<void>;
	/** Reads the recent results of the pipeline's stage condition rules into `ruleResults` (not again within the active interval unless `force`). */
	loadRuleResults(key: PipelineKey, options?: {force?: boolean}): Promise<void>;
	/** Starts reading a CodeBuild build's log; keeps tailing while `follow` and the build runs. */
	openLog(key: PipelineKey, buildId: string, options?: {follow?: boolean}): Promise<void>;
	closeLog(buildId: string): void;
	/** Reads why an action failed into `causes` (engine/why/): cached; `force` reads again. */
	readCause(subject: CauseSubject, options?: {force?: boolean}): Promise<void>;
	/** Resolves when no call is in flight (tests drive virtual time with it). */
	whenIdle(): Promise<void>;
	/** The source a pipeline belongs to, for the action layer's writes. */
	sourceOf(key: PipelineKey): SourceKey | undefined;
	/**
	 * Waits for a slot in the source's request budget at the operator's priority, for one write
	 * of a bulk action; the returned function reports how it ended (a throttle slows the budget).
	 */
	writeSlot?(sourceKey: SourceKey): Promise<(outcome: 'ok' | 'throttle' | 'error') => void>;
}

/** How one source's scheduler is doing (diagnostics, tests, benchmarks). */
export type SourceInspection = {
	health: string;
	pipelines: number;
	/** Calls per second the budget allows now, and where throttling last set in. */
	rate: number;
	ceiling?: number;
	inFlight: number;
	/** Calls waiting for the budget. */
	waiting: number;
	slowStart: boolean;
	retryAt?: number;
};

/** The engine pipetop builds: a FleetEngine plus what the commands and tests need. */
export interface PipetopEngine extends FleetEngine {
	/**
	 * The API of a source: writes for the action layer, reads for one-off commands (watch). Calls
	 * are counted in the engine's counters but not budgeted or retried.
	 */
	apiFor(sourceKey: SourceKey): SourceApi | undefined;
	/** Resolves once every source answered (or failed) and every pipeline was read once. */
	whenLoaded(): Promise<void>;
	inspect(): Record<SourceKey, SourceInspection>;
	/** Calls in flight, for one source or all. */
	inFlight(sourceKey?: SourceKey): number;
	/**
	 * The change feed's long polls sent and ended (not counted in inFlight: one is always open);
	 * virtual-time tests compare them with the service's count. Undefined without a feed.
	 */
	feedCalls(): {receivesSent: number; receivesEnded: number} | undefined;
}
