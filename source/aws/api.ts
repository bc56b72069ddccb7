/**
 * One source's AWS API: typed reads for the engine, typed writes for the action layer. Every
 * call makes exactly one attempt (SDK maxAttempts 1): the engine's scheduler owns retries and
 * backoff, so a throttle is seen (and slowed down for) instead of being hidden inside the SDK,
 * and a write is never sent twice behind the operator's back.
 */

import {
	CodePipelineClient,
	DisableStageTransitionCommand,
	EnableStageTransitionCommand,
	GetPipelineCommand,
	GetPipelineExecutionCommand,
	GetPipelineStateCommand,
	ListActionExecutionsCommand,
	ListPipelineExecutionsCommand,
	ListPipelinesCommand,
	ListRuleExecutionsCommand,
	ListTagsForResourceCommand,
	OverrideStageConditionCommand,
	PutApprovalResultCommand,
	RetryStageExecutionCommand,
	RollbackStageCommand,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import {buildAndLogReads, causeReads, loadLazyClient, type BuildAndLogReadApi, type CauseCall, type CauseReadApi, type LazyClient, type LazyService} from './cause-api.js';
import {sharedClientSettings} from './client-settings.js';
import {sharedConnections} from './connection-pool.js';
import {profileCredentials, type CredentialProvider} from './credentials.js';
import type {AwsService} from './endpoints.js';
import {classifyError, needsFreshCredentials, type ClassifiedError} from './errors.js';
import {bodyOf, isDeserializationError, keepBodyMiddleware, salvage} from './salvage.js';
import type * as T from './types.js';
import {operationOf, rememberOperation} from './foreign-answer.js';

export type CallOptions = {signal?: AbortSignal};

/** Reported after every call, for the engine's counters. */
export type CallEvent = {
	service: AwsService | 'sqs';
	operation: string;
	ms: number;
	error?: ClassifiedError;
	/** Members of an answer the SDK refused that could not be read (the rest was: see salvage.ts). */
	unreadable?: string[];
};

export interface PipelineReadApi {
	listPipelines(input: {nextToken?: string; maxResults?: number}, options?: CallOptions): Promise<T.ListPipelinesCommandOutput>;
	getPipeline(name: string, options?: CallOptions & {version?: number}): Promise<T.GetPipelineCommandOutput>;
	getPipelineState(name: string, options?: CallOptions): Promise<T.GetPipelineStateCommandOutput>;
	listPipelineExecutions(input: T.ListPipelineExecutionsCommandInput, options?: CallOptions): Promise<T.ListPipelineExecutionsCommandOutput>;
	getPipelineExecution(name: string, executionId: string, options?: CallOptions): Promise<T.GetPipelineExecutionCommandOutput>;
	listActionExecutions(input: T.ListActionExecutionsCommandInput, options?: CallOptions): Promise<T.ListActionExecutionsCommandOutput>;
	/** The recent results of a pipeline's stage condition rules, newest first. */
	listRuleExecutions(input: T.ListRuleExecutionsCommandInput, options?: CallOptions): Promise<T.ListRuleExecutionsCommandOutput>;
	/** A pipeline's tags by its ARN (paged by the caller). */
	listTagsForResource(input: {resourceArn: string; nextToken?: string}, options?: CallOptions): Promise<T.ListTagsForResourceCommandOutput>;
}

/** The operator's writes. Results are the SDK's plain answers, `$metadata.requestId` included. */
export interface PipelineWriteApi {
	startPipelineExecution(input: T.StartPipelineExecutionCommandInput, options?: CallOptions): Promise<T.StartPipelineExecutionCommandOutput>;
	stopPipelineExecution(input: T.StopPipelineExecutionCommandInput, options?: CallOptions): Promise<T.StopPipelineExecutionCommandOutput>;
	retryStageExecution(input: T.RetryStageExecutionCommandInput, options?: CallOptions): Promise<T.RetryStageExecutionCommandOutput>;
	putApprovalResult(input: T.PutApprovalResultCommandInput, options?: CallOptions): Promise<T.PutApprovalResultCommandOutput>;
	enableStageTransition(input: T.EnableStageTransitionCommandInput, options?: CallOptions): Promise<T.EnableStageTransitionCommandOutput>;
	disableStageTransition(input: T.DisableStageTransitionCommandInput, options?: CallOptions): Promise<T.DisableStageTransitionCommandOutput>;
	rollbackStage(input: T.RollbackStageCommandInput, options?: CallOptions): Promise<T.RollbackStageCommandOutput>;
	overrideStageCondition(input: T.OverrideStageConditionCommandInput, options?: CallOptions): Promise<T.OverrideStageConditionCommandOutput>;
	/** A read the action layer needs (PARALLEL-mode approvals have no token in the state). */
	listActionExecutions(input: T.ListActionExecutionsCommandInput, options?: CallOptions): Promise<T.ListActionExecutionsCommandOutput>;
}

export interface SourceApi extends PipelineReadApi, PipelineWriteApi, BuildAndLogReadApi, CauseReadApi {
	readonly source: T.AwsSourceSpec;
	/** Turns a thrown error into a kind and an operator-readable line (with this source's profile in hints). */
	classify(error: unknown): ClassifiedError;
	/** Lets go of the clients (the connections stay, for the other sources: connection-pool.ts). */
	destroy(): void;
}


export type SourceApiOptions = {
	/** Called as each call goes out (the engine counts calls in flight). */
	onStart?: (operation: string) => void;
	/** Called when each call ends, with how it ended. */
	observe?: (event: CallEvent) => void;
};

export function createSourceApi(source: T.AwsSourceSpec, options: SourceApiOptions = {}): SourceApi {
	/**
	 * Each service's client is built on its first call: every source reads CodePipeline, but the
	 * others only when a log is opened or a failure explained, and an SDK client with its
	 * middleware, config and connection pool is megabytes that 20 sources would hold for nothing.
	 */
	let codepipeline: CodePipelineClient | undefined;
	let lazyClients = new Map<LazyService, Promise<LazyClient>>();
	let credentials: CredentialProvider | undefined;
	let renewCredentials = false;
	let renewed = false;

	const configFor = (service: AwsService) => {
		// One provider for the source's clients, so one profile is read once.
		credentials ??= profileCredentials(source.profile, source.paths, {fromEnvironment: source.credentialsFromEnv, kind: source.credentialKind, fresh: renewed});
		const endpoint = source.endpoints[service];
		// No endpoint of its own: tell the SDK to ignore configured endpoints too, or it would
		// take the AWS_PROFILE profile's endpoint_url for every client (see codepipeline-facts.md).
		return {...sharedClientSettings(), requestHandler: sharedConnections(), region: source.region, credentials, maxAttempts: 1, ...(endpoint ? {endpoint} : {ignoreConfiguredEndpointUrls: true})};
	};

	const buildCodePipeline = (): CodePipelineClient => {
		const made = new CodePipelineClient(configFor('codepipeline'));
		made.middlewareStack.add(keepBodyMiddleware as never, {step: 'deserialize', name: 'pipetopKeepBody', priority: 'low'});
		return made;
	};

	const renewIfAsked = () => {
		if (!renewCredentials) return;
		destroyClients(codepipeline, lazyClients);
		codepipeline = undefined;
		lazyClients = new Map();
		credentials = undefined;
		renewCredentials = false;
		renewed = true;
	};

	const lazyClient = (service: LazyService): Promise<LazyClient> => {
		renewIfAsked();
		let made = lazyClients.get(service);
		if (!made) {
			made = loadLazyClient(service, configFor(service));
			lazyClients.set(service, made);
		}
		return made;
	};

	const codepipelineClient = (): CodePipelineClient => {
		renewIfAsked();
		codepipeline ??= buildCodePipeline();
		return codepipeline;
	};

	const classify = (error: unknown) => classifyError(error, {profile: source.profile, region: source.region, credentialKind: source.credentialKind, operation: operationOf(error)});

	async function call<S extends AwsService, R>(service: S, operation: string, run: () => Promise<R>): Promise<R> {
		const started = performance.now();
		options.onStart?.(operation);
		try {
			const result = await run();
			options.observe?.({service, operation, ms: performance.now() - started});
			return result;
		} catch (error) {
			const saved = service === 'codepipeline' && isDeserializationError(error) ? salvage(bodyOf(error) ?? '') : undefined;
			if (saved) {
				options.observe?.({service, operation, ms: performance.now() - started, unreadable: saved.unreadable});
				return {...saved.output, $metadata: (error as {$metadata?: unknown}).$metadata ?? {}} as R;
			}
			rememberOperation(error, operation);
			const classified = classify(error);
			// Keys may have been fixed on disk or an SSO login done: build fresh clients next time.
			if (needsFreshCredentials(classified.kind)) renewCredentials = true;
			options.observe?.({service, operation, ms: performance.now() - started, error: classified});
			throw error;
		}
	}

	const cp = <R>(operation: string, send: (client: CodePipelineClient) => Promise<R>) => call('codepipeline', operation, () => send(codepipelineClient()));
	const signal = (o?: CallOptions) => ({abortSignal: o?.signal});
	const causeCall: CauseCall = (service, operation, o, run) =>
		call(service, operation, async () => {
			const made = await lazyClient(service);
			return run(command => made.send(command as never, signal(o))) as never;
		});

	return {
		source,
		classify,
		listPipelines: (input, o) => cp('ListPipelines', c => c.send(new ListPipelinesCommand(input), signal(o))),
		getPipeline: (name, o) => cp('GetPipeline', c => c.send(new GetPipelineCommand({name, version: o?.version}), signal(o))),
		getPipelineState: (name, o) => cp('GetPipelineState', c => c.send(new GetPipelineStateCommand({name}), signal(o))),
		listPipelineExecutions: (input, o) => cp('ListPipelineExecutions', c => c.send(new ListPipelineExecutionsCommand(input), signal(o))),
		getPipelineExecution: (pipelineName, pipelineExecutionId, o) =>
			cp('GetPipelineExecution', c => c.send(new GetPipelineExecutionCommand({pipelineName, pipelineExecutionId}), signal(o))),
		listActionExecutions: (input, o) => cp('ListActionExecutions', c => c.send(new ListActionExecutionsCommand(input), signal(o))),
		listRuleExecutions: (input, o) => cp('ListRuleExecutions', c => c.send(new ListRuleExecutionsCommand(input), signal(o))),
		listTagsForResource: (input, o) => cp('ListTagsForResource', c => c.send(new ListTagsForResourceCommand(input), signal(o))),
		...buildAndLogReads(causeCall),
		...causeReads(causeCall),
		startPipelineExecution: (input, o) => cp('StartPipelineExecution', c => c.send(new StartPipelineExecutionCommand(input), signal(o))),
		stopPipelineExecution: (input, o) => cp('StopPipelineExecution', c => c.send(new StopPipelineExecutionCommand(input), signal(o))),
		retryStageExecution: (input, o) => cp('RetryStageExecution', c => c.send(new RetryStageExecutionCommand(input), signal(o))),
		putApprovalResult: (input, o) => cp('PutApprovalResult', c => c.send(new PutApprovalResultCommand(input), signal(o))),
		enableStageTransition: (input, o) => cp('EnableStageTransition', c => c.send(new EnableStageTransitionCommand(input), signal(o))),
		disableStageTransition: (input, o) => cp('DisableStageTransition', c => c.send(new DisableStageTransitionCommand(input), signal(o))),
		rollbackStage: (input, o) => cp('RollbackStage', c => c.send(new RollbackStageCommand(input), signal(o))),
		overrideStageCondition: (input, o) => cp('OverrideStageCondition', c => c.send(new OverrideStageConditionCommand(input), signal(o))),
		destroy() {
			destroyClients(codepipeline, lazyClients);
			codepipeline = undefined;
			lazyClients = new Map();
		},
	};
}

function destroyClients(codepipeline: CodePipelineClient | undefined, lazy: Map<LazyService, Promise<LazyClient>>): void {
	codepipeline?.destroy();
	for (const made of lazy.values()) void made.then(each => each.destroy(), () => undefined);
}
