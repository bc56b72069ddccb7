/**
 * The world behind the embedded service: accounts, regions, pipelines and their executions,
 * moved by one scheduler on the given Clock. `handle` answers one operation (the HTTP front calls
 * it); the other public methods are for the CLI, tests and benchmarks.
 */

import type {Clock} from '../../shared/clock.js';
import {SimError, type EventQueueAddress, type OperationContext, type Scenario, type SimAccount, type SimService, type SimWorld} from '../contract.js';
import {SQS_OPERATIONS, SqsService} from '../services/sqs/index.js';
import {openEventFeed, type EventFeed} from './events/index.js';
import type {Engine} from './execution/context.js';
import {startExecution} from './execution/triggers.js';
import {HANDLERS} from './ops/index.js';
import type {Call} from './ops/call.js';
import type {Pipeline, PipelineDeclaration} from './model.js';
import {simAccounts} from './keys.js';
import {PageTokens} from './paging.js';
import {RegionState} from './registry.js';
import {Scheduler} from './scheduler.js';
import {populate} from './populate.js';
import {pushCommit, type PushInput, type PushResult} from './push.js';
import {Rng} from './random.js';
import {Repositories} from './repositories.js';
import type {WorldScenario} from '../scenarios/types.js';

export type WorldOptions = {
	scenario: Scenario;
	clock: Clock;
	/** Seeds every random choice (ids, timings, keys, log lines). Default 1. */
	seed?: number;
	/** Executions kept per pipeline (older finished ones are pruned). Default: see defaultRetention. */
	retainExecutions?: number;
	/** Executions in progress per pipeline before starts are refused. Default 50. */
	maxActiveExecutions?: number;
};

/**
 * Executions kept per pipeline: 100 (a full page of ListPipelineExecutions) for fleets of up to 500
 * pipelines, fewer for bigger ones so the whole world stays near 50,000 executions (about 250 MB);
 * never fewer than 25. An execution with its action runs and builds costs about 5 KB.
 */
export function defaultRetention(pipelines: number): number {
	return Math.max(25, Math.min(100, Math.floor(50_000 / Math.max(1, pipelines))));
}

export type WorldStats = {pipelines: number; executions: number; activeExecutions: number; builds: number; pendingEvents: number};

export class World implements SimWorld {
	readonly engine: Engine;
	readonly scheduler: Scheduler;
	/** By account id, then region: no key string is built per lookup. */
	private readonly regions = new Map<string, Map<string, RegionState>>();
	private readonly accountList: SimAccount[];
	private readonly byKey = new Map<string, SimAccount>();
	private readonly tokens: PageTokens;
	/** The queues (SQS), in every account and region. */
	readonly sqs: SqsService;
	/** CodePipeline's events on their way to the scenario's queue; undefined without `events`. */
	readonly events: EventFeed | undefined;

	/** `declarations`: the scenario's pipelines already parsed (createWorld checked them), by index. */
	constructor(options: WorldOptions, declarations?: PipelineDeclaration[]) {
		const seed = options.seed ?? 1;
		this.scheduler = new Scheduler(options.clock);
		this.engine = {
			scheduler: this.scheduler,
			seed,
			region: (accountId, region) => this.region(accountId, region),
			retain: options.retainExecutions ?? defaultRetention(options.scenario.pipelines.length),
			maxActive: options.maxActiveExecutions ?? 50,
			observer: undefined,
			repositories: new Repositories(),
		};
		this.accountList = simAccounts(seed, options.scenario.accounts);
		for (const account of this.accountList) this.byKey.set(account.accessKeyId, account);
		this.tokens = new PageTokens(`pipetop-sim-pages-${seed}`);
		populate(this.engine, options.scenario, this.accountList, declarations);
		const opened = this.scheduler.now();
		for (const push of (options.scenario as WorldScenario).pushes ?? []) this.scheduler.at(opened + push.afterSeconds * 1000, () => this.push(push));
		this.scheduler.runDue();
		this.sqs = new SqsService(this.scheduler, Rng.derive(seed, 'sqs'));
		// Opened after the history is played: the queue carries what happens from now on.
		const events = options.scenario.events;
		this.events = events ? openEventFeed(this.engine, this.sqs.queues, this.accountList, events, () => this.allPipelines()) : undefined;
	}

	eventQueues(): EventQueueAddress[] {
		return (this.events?.targets ?? []).map(({address}) => ({accountId: address.accountId, profile: address.profile, region: address.region, name: address.name}));
	}

	accounts(): SimAccount[] {
		return this.accountList;
	}

	handle(context: OperationContext, operation: string, input: Record<string, unknown>): unknown {
		// A late timer (RealClock) must never make an answer lag behind the clock.
		this.scheduler.runDue();
		const account = this.byKey.get(context.accessKeyId) ?? this.accountList.find(entry => entry.accountId === context.accountId);
		const caller = `arn:aws:iam::${context.accountId}:user/${account?.profile ?? context.accessKeyId}`;
		if (context.service === 'sqs') return this.sqs.handle(context, operation, input ?? {}, caller);
		const handler = HANDLERS[context.service]?.[operation];
		if (!handler) throw new SimError('UnknownOperationException', `The operation ${operation} is not supported by the embedded ${context.service} service.`);
		const call: Call = {
			context,
			engine: this.engine,
			regionState: this.region(context.accountId, context.region),
			tokens: this.tokens,
			caller,
			now: this.scheduler.now(),
		};
		return handler(call, input ?? {});
	}

	region(accountId: string, region: string): RegionState {
		let regions = this.regions.get(accountId);
		if (!regions) this.regions.set(accountId, (regions = new Map()));
		let state = regions.get(region);
		if (!state) regions.set(region, (state = new RegionState(accountId, region)));
		return state;
	}

	private *regionStates(): Iterable<RegionState> {
		for (const regions of this.regions.values()) yield* regions.values();
	}

	/** The account of a profile name (or account id). */
	account(profileOrId: string): SimAccount {
		const account = this.accountList.find(entry => entry.profile === profileOrId || entry.accountId === profileOrId);
		if (!account) throw new Error(`no account ${profileOrId} in this world (have: ${this.accountList.map(entry => entry.profile).join(', ')})`);
		return account;
	}

	/** A context as the front would build it, for calling handle() directly. */
	context(profileOrId: string, region?: string, service: SimService = 'codepipeline'): OperationContext {
		const account = this.account(profileOrId);
		return {service, accountId: account.accountId, region: region ?? account.regions[0], accessKeyId: account.accessKeyId, requestId: 'direct-call'};
	}

	/** handle() for a profile, region and operation; the service follows from the operation name. */
	call(profileOrId: string, region: string | undefined, operation: string, input: Record<string, unknown> = {}): unknown {
		const service: SimService =
			operation === 'BatchGetBuilds' ? 'codebuild' : operation === 'GetLogEvents' || operation === 'FilterLogEvents' ? 'logs' : operation in SQS_OPERATIONS ? 'sqs' : 'codepipeline';
		return this.handle(this.context(profileOrId, region, service), operation, input);
	}

	/** Starts an execution as a person would (trigger StartPipelineExecution); returns its id. */
	startExecution(profileOrId: string, region: string, pipelineName: string): string {
		const account = this.account(profileOrId);
		const pipeline = this.region(account.accountId, region).pipelines.get(pipelineName);
		if (!pipeline) throw new SimError('PipelineNotFoundException', `Account '${account.accountId}' does not have a pipeline with name '${pipelineName}'`);
		const variables = pipeline.declaration.variables?.map(variable => ({name: variable.name, resolvedValue: variable.defaultValue ?? ''}));
		return startExecution(this.engine, pipeline, {trigger: {triggerType: 'StartPipelineExecution', triggerDetail: `arn:aws:iam::${account.accountId}:user/${account.profile}`}, variables}).id;
	}

	/**
	 * Pushes a commit to a repository's branch: every pipeline whose source follows it starts on
	 * that commit (see push.ts). Returns the commit id and the executions started.
	 */
	push(input: PushInput): PushResult {
		return pushCommit(this.engine, this.allPipelines(), input);
	}

	private allPipelines(): Pipeline[] {
		const list: Pipeline[] = [];
		for (const state of this.regionStates()) list.push(...state.pipelines.values());
		return list;
	}

	/** Every pipeline: where it lives and its name. */
	pipelines(): Array<{profile: string; accountId: string; region: string; name: string}> {
		const list: Array<{profile: string; accountId: string; region: string; name: string}> = [];
		for (const state of this.regionStates()) {
			const profile = this.accountList.find(account => account.accountId === state.accountId)?.profile ?? state.accountId;
			for (const name of state.pipelines.keys()) list.push({profile, accountId: state.accountId, region: state.region, name});
		}
		return list;
	}

	stats(): WorldStats {
		let pipelines = 0;
		let executions = 0;
		let activeExecutions = 0;
		let builds = 0;
		for (const state of this.regionStates()) {
			builds += state.buildCount;
			for (const pipeline of state.pipelines.values()) {
				pipelines++;
				executions += pipeline.executions.length;
				for (const execution of pipeline.executions) if (execution.where !== 'done') activeExecutions++;
			}
		}
		return {pipelines, executions, activeExecutions, builds, pendingEvents: this.scheduler.pending()};
	}

	/** Stops the clock timer: nothing moves any more (answers still work). */
	stop(): void {
		this.scheduler.stop();
	}
}
