/**
 * The seam inside the embedded service: the HTTP front (source/sim/http/) speaks the AWS wire
 * protocol, checks signatures and injects faults; the world (source/sim/world/) holds accounts,
 * pipelines and executions and answers operations. Neither knows how the other works.
 */

export type SimService = 'codepipeline' | 'codebuild' | 'logs' | 'sqs' | 'cloudformation' | 'codedeploy' | 'ecs';

/** Who is calling and where: resolved by the front from the SigV4 credential scope. */
export type OperationContext = {
	service: SimService;
	accountId: string;
	region: string;
	/** The access key id that signed the call (for lastChangedBy / approvedBy style fields). */
	accessKeyId: string;
	requestId: string;
	/** The Host header as the client sent it: SQS queue URLs are built on it, so they lead back here. */
	host?: string;
};

/**
 * An AWS error answer. `name` is the error code the SDK surfaces (`__type`), e.g.
 * 'PipelineNotFoundException'; status is the HTTP status (ConflictException 409, most 400).
 */
export class SimError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status = 400,
		/** Extra headers of the error answer (SQS's `x-amzn-query-error`). */
		readonly headers?: Record<string, string>,
	) {
		super(message);
		this.name = code;
	}
}

/** An account of the simulated fleet, with the keys that sign as it. */
export type SimAccount = {
	profile: string;
	accountId: string;
	regions: string[];
	/** Opt-in regions the account enabled without working there (see regions.ts). */
	optInRegions?: string[];
	accessKeyId: string;
	secretAccessKey: string;
};

/** What the front needs from the world. */
export interface SimWorld {
	accounts(): SimAccount[];
	/** Answers one operation, or throws SimError. Input is the parsed JSON body. */
	handle(context: OperationContext, operation: string, input: Record<string, unknown>): unknown;
	/** The queues the world's EventBridge feed delivers to ([] when the scenario has no feed). */
	eventQueues?(): EventQueueAddress[];
}

/** Where the event feed's queue lives; its URL is `<sim url>/<accountId>/<name>`. */
export type EventQueueAddress = {accountId: string; profile: string; region: string; name: string};

/** Fault injection, per account+region where it says so. All optional; absent means healthy. */
export type FaultOptions = {
	/** Extra latency per call, in ms of real time (the wire is real even when the clock is not). */
	latencyMs?: number;
	/** Token bucket per account+region: sustained requests per second and burst size. */
	rateLimit?: {perSecond: number; burst?: number};
	/** Share (0-1) of calls answered 500 InternalFailure or 503 ServiceUnavailable. */
	serverErrorRate?: number;
	/** Share (0-1) of calls whose connection is dropped without an answer. */
	dropRate?: number;
	/** Regions that never answer (the socket is held open until the client gives up). */
	deadRegions?: string[];
	/** Account ids whose calls are refused with AccessDeniedException. */
	deniedAccounts?: string[];
	/** Answer bodies damaged on purpose: truncated JSON or wrong types, for resilience tests. */
	malformedRate?: number;
	/**
	 * Share (0-1) of calls refused with ThrottlingException at random, whatever the rate: a
	 * throttling storm as AWS gives one when other clients of the account eat the quota.
	 */
	throttleRate?: number;
	/** Share (0-1) of calls held open with no answer, never reaching the world (a dead region, by share). */
	hangRate?: number;
	/**
	 * Share (0-1) of calls the world carries out whose answer is then lost (the connection drops):
	 * the client cannot tell whether its write happened. The case that must never be resent blindly.
	 */
	lostAnswerRate?: number;
	/** Answers that are well-formed JSON but not what the model promises (see http/misbehave.ts). */
	misbehave?: Misbehaviour;
	/**
	 * Where the share-based faults apply (latency, throttleRate, serverErrorRate, dropRate, hangRate,
	 * lostAnswerRate, malformedRate, misbehave): only calls for these accounts, regions and/or
	 * operations (e.g. "PutApprovalResult"). Absent: everywhere.
	 * So one source can be made to fail while the others are watched carrying on.
	 */
	scope?: {accountIds?: string[]; regions?: string[]; operations?: string[]};
};

/**
 * A misbehaving endpoint: every answer still parses, but its content breaks the model's promises.
 * Switched at runtime with setFaults like the other faults.
 */
export type Misbehaviour = {
	/** Share (0-1) of answers whose enum members (status, category, trigger type...) carry values no model knows. */
	unknownEnums?: number;
	/** Member names (at any depth, e.g. "startTime", "stageStates") whose values are sent with the wrong JSON type. */
	wrongTypes?: string[];
	/**
	 * Names as the endpoint shows them: real pipeline, stage or action name -> the name sent
	 * instead (unicode, 100 characters). Requests naming the shown name reach the real one, so a
	 * client sees a consistent endpoint that just uses names AWS itself would refuse.
	 */
	renames?: Record<string, string>;
};

/** One pipeline of a scenario. */
export type ScenarioPipeline = {
	profile: string;
	region: string;
	/** Exactly the `aws codepipeline create-pipeline --cli-input-json` document: {"pipeline": {...}}. */
	definition?: {pipeline: Record<string, unknown>; tags?: unknown[]};
	/** A path (relative to the scenario file) standing in for `definition`. */
	definitionFile?: string;
	/**
	 * Per action, keyed "Stage/Action": how long it takes and the outcomes of its successive
	 * runs (cycled). Unnamed actions succeed after a plausible duration for their category;
	 * Approval actions wait for a result unless given outcomes.
	 */
	behaviour?: Record<string, {seconds?: number; outcomes?: Array<'Succeeded' | 'Failed'>}>;
	/** Starts a new execution this often (trigger types vary); absent: only on demand. */
	startEverySeconds?: number;
	/** Executions to have run before the scenario opens, so history is not empty. */
	history?: number;
	/** Transitions disabled when the scenario opens (type defaults to Inbound). */
	transitions?: Array<{stage: string; reason: string; type?: 'Inbound' | 'Outbound'}>;
};

/**
 * CodePipeline's EventBridge events, routed from the source accounts' default buses to a central
 * bus and on to one SQS queue (see scenarios/README.md, "events").
 */
export type EventFeedOptions = {
	/** Profile or account id of the central account that owns the queue. Default: the first account. */
	account?: string;
	/** The queue's region. Default: the central account's first region. */
	region?: string;
	/** Default "pipetop-events". */
	queueName?: string;
	/**
	 * Instead of queueName: several queues, each a target of the central rule getting every event
	 * (one per console: SQS hands a message to one consumer). All in the central account and region.
	 */
	queueNames?: string[];
	/** Accounts (profiles or ids) and regions whose events reach the queue. Default: every account, all its regions. */
	sources?: Array<{account: string; regions?: string[]}>;
	/** Other accounts (profiles or ids) the queue policy lets read and delete; the owner always may. */
	consumers?: string[];
	/** Seconds from the state change to the message being in the queue: a number or [min, max]. Default 0. */
	delaySeconds?: number | [number, number];
	/** Share (0-1) of events delivered twice: two messages, one event id (at least once). */
	duplicates?: number;
	/** Each delivery waits a further random 0..N seconds, so events this close arrive in any order. */
	reorderSeconds?: number;
	/** The queue refuses every call with AccessDenied (its policy does not let the caller in). */
	refuse?: boolean;
	/** The queue is deleted: calls answer QueueDoesNotExist and events are lost until it is created again. */
	deleted?: boolean;
	/** An event storm: `executions` starts spread over `seconds` (default 60), `afterSeconds` (default 0) after opening. */
	storm?: {executions: number; afterSeconds?: number; seconds?: number};
};

export type Scenario = {
	/**
	 * `regions`: where the account works (the first is its profile's region). Every default region
	 * of the partition answers too; an opt-in region answers only when listed in `regions` or
	 * `optInRegions` (enabled, but nothing there).
	 */
	accounts: Array<{profile: string; accountId: string; regions: string[]; optInRegions?: string[]}>;
	pipelines: ScenarioPipeline[];
	faults?: FaultOptions;
	events?: EventFeedOptions;
};
