/**
 * The reads of services other than CodePipeline: CodeBuild builds and CloudWatch Logs lines
 * (the pipeline and log views), and the reads behind "why did it fail?" (CloudFormation stack
 * events, CodeDeploy deployments and their targets, ECS services, CloudWatch Logs filtering).
 * Their clients are imported when first called (`import()`), so `pipetop --version`, the first
 * frame and a console watching a quiet fleet never load them.
 */

import type {DescribeStackEventsCommandOutput} from '@aws-sdk/client-cloudformation';
import type {FilterLogEventsCommandInput, FilterLogEventsCommandOutput, GetLogEventsCommandInput, GetLogEventsCommandOutput} from '@aws-sdk/client-cloudwatch-logs';
import type {BatchGetBuildsCommandOutput} from '@aws-sdk/client-codebuild';
import type {BatchGetDeploymentTargetsCommandOutput, GetDeploymentCommandOutput, ListDeploymentTargetsCommandOutput} from '@aws-sdk/client-codedeploy';
import type {DescribeServicesCommandOutput} from '@aws-sdk/client-ecs';
import type {CallOptions} from './api.js';

export interface BuildAndLogReadApi {
	batchGetBuilds(ids: string[], options?: CallOptions): Promise<BatchGetBuildsCommandOutput>;
	getLogEvents(input: GetLogEventsCommandInput, options?: CallOptions): Promise<GetLogEventsCommandOutput>;
}

export interface CauseReadApi {
	describeStackEvents(input: {StackName: string; NextToken?: string}, options?: CallOptions): Promise<DescribeStackEventsCommandOutput>;
	getDeployment(deploymentId: string, options?: CallOptions): Promise<GetDeploymentCommandOutput>;
	listDeploymentTargets(input: {deploymentId: string; nextToken?: string}, options?: CallOptions): Promise<ListDeploymentTargetsCommandOutput>;
	batchGetDeploymentTargets(input: {deploymentId: string; targetIds: string[]}, options?: CallOptions): Promise<BatchGetDeploymentTargetsCommandOutput>;
	describeServices(input: {cluster: string; services: string[]}, options?: CallOptions): Promise<DescribeServicesCommandOutput>;
	filterLogEvents(input: FilterLogEventsCommandInput, options?: CallOptions): Promise<FilterLogEventsCommandOutput>;
}

/**
 * The services whose client module is loaded on first use: only CodePipeline's is needed to
 * watch a fleet, and each other SDK client module is megabytes of code and memory (measured:
 * CodeBuild's and CloudWatch Logs' together 6-8 MB resident, the five ~17 MB).
 */
export type LazyService = 'codebuild' | 'logs' | 'cloudformation' | 'codedeploy' | 'ecs';

export type LazyClient = {send(command: unknown, options?: {abortSignal?: AbortSignal}): Promise<unknown>; destroy(): void};

const codebuild = () => import('@aws-sdk/client-codebuild');
const logs = () => import('@aws-sdk/client-cloudwatch-logs');
const cloudformation = () => import('@aws-sdk/client-cloudformation');
const codedeploy = () => import('@aws-sdk/client-codedeploy');
const ecs = () => import('@aws-sdk/client-ecs');

/** Builds one lazily loaded client; `config` is the source's usual client configuration. */
export async function loadLazyClient(service: LazyService, config: Record<string, unknown>): Promise<LazyClient> {
	switch (service) {
		case 'codebuild':
			return new (await codebuild()).CodeBuildClient(config) as LazyClient;
		case 'logs':
			return new (await logs()).CloudWatchLogsClient(config) as LazyClient;
		case 'cloudformation':
			return new (await cloudformation()).CloudFormationClient(config) as LazyClient;
		case 'codedeploy':
			return new (await codedeploy()).CodeDeployClient(config) as LazyClient;
		case 'ecs':
			return new (await ecs()).ECSClient(config) as LazyClient;
	}
}

type Send = (command: unknown) => Promise<unknown>;
/** How the source's API runs one call of a service (its counting, classification, client and the caller's signal). */
export type CauseCall = <R>(service: LazyService, operation: string, options: CallOptions | undefined, run: (send: Send) => Promise<unknown>) => Promise<R>;

/** CodeBuild's build details and a log's lines (the pipeline and log views). */
export function buildAndLogReads(call: CauseCall): BuildAndLogReadApi {
	return {
		batchGetBuilds: (ids, o) => call('codebuild', 'BatchGetBuilds', o, async send => send(new (await codebuild()).BatchGetBuildsCommand({ids}))),
		getLogEvents: (input, o) => call('logs', 'GetLogEvents', o, async send => send(new (await logs()).GetLogEventsCommand(input))),
	};
}

export function causeReads(call: CauseCall): CauseReadApi {
	return {
		describeStackEvents: (input, o) => call('cloudformation', 'DescribeStackEvents', o, async send => send(new (await cloudformation()).DescribeStackEventsCommand(input))),
		getDeployment: (deploymentId, o) => call('codedeploy', 'GetDeployment', o, async send => send(new (await codedeploy()).GetDeploymentCommand({deploymentId}))),
		listDeploymentTargets: (input, o) => call('codedeploy', 'ListDeploymentTargets', o, async send => send(new (await codedeploy()).ListDeploymentTargetsCommand(input))),
		batchGetDeploymentTargets: (input, o) =>
			call('codedeploy', 'BatchGetDeploymentTargets', o, async send => send(new (await codedeploy()).BatchGetDeploymentTargetsCommand(input))),
		describeServices: (input, o) => call('ecs', 'DescribeServices', o, async send => send(new (await ecs()).DescribeServicesCommand(input))),
		filterLogEvents: (input, o) =>
			call('logs', 'FilterLogEvents', o, async send => send(new (await logs()).FilterLogEventsCommand(input))),
	};
}
