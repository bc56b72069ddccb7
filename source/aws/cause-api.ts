/**
 * The reads behind "why did it fail?": CloudFormation stack events, CodeDeploy deployments and
 * their targets, ECS services, and CloudWatch Logs filtering. The CloudFormation, CodeDeploy and
 * ECS clients are imported when first called (`import()`), so `pipetop --version` and the first
 * frame never load them: most sessions never ask why a deploy failed.
 */

import type {DescribeStackEventsCommandOutput} from '@aws-sdk/client-cloudformation';
import type {FilterLogEventsCommandInput, FilterLogEventsCommandOutput} from '@aws-sdk/client-cloudwatch-logs';
import type {BatchGetDeploymentTargetsCommandOutput, GetDeploymentCommandOutput, ListDeploymentTargetsCommandOutput} from '@aws-sdk/client-codedeploy';
import type {DescribeServicesCommandOutput} from '@aws-sdk/client-ecs';
import type {CallOptions} from './api.js';

export interface CauseReadApi {
	describeStackEvents(input: {StackName: string; NextToken?: string}, options?: CallOptions): Promise<DescribeStackEventsCommandOutput>;
	getDeployment(deploymentId: string, options?: CallOptions): Promise<GetDeploymentCommandOutput>;
	listDeploymentTargets(input: {deploymentId: string; nextToken?: string}, options?: CallOptions): Promise<ListDeploymentTargetsCommandOutput>;
	batchGetDeploymentTargets(input: {deploymentId: string; targetIds: string[]}, options?: CallOptions): Promise<BatchGetDeploymentTargetsCommandOutput>;
	describeServices(input: {cluster: string; services: string[]}, options?: CallOptions): Promise<DescribeServicesCommandOutput>;
	filterLogEvents(input: FilterLogEventsCommandInput, options?: CallOptions): Promise<FilterLogEventsCommandOutput>;
}

/** The services whose client module is loaded on first use. */
export type LazyService = 'cloudformation' | 'codedeploy' | 'ecs';

export type LazyClient = {send(command: unknown, options?: {abortSignal?: AbortSignal}): Promise<unknown>; destroy(): void};

/** Builds one lazily loaded client; `config` is the source's usual client configuration. */
export async function loadLazyClient(service: LazyService, config: Record<string, unknown>): Promise<LazyClient> {
	if (service === 'cloudformation') return new (await import('@aws-sdk/client-cloudformation')).CloudFormationClient(config) as LazyClient;
	if (service === 'codedeploy') return new (await import('@aws-sdk/client-codedeploy')).CodeDeployClient(config) as LazyClient;
	return new (await import('@aws-sdk/client-ecs')).ECSClient(config) as LazyClient;
}

type Send = (command: unknown) => Promise<unknown>;
/** How the source's API runs one call of a service (its counting, classification, client and the caller's signal). */
export type CauseCall = <R>(service: LazyService | 'logs', operation: string, options: CallOptions | undefined, run: (send: Send) => Promise<unknown>) => Promise<R>;

const cloudformation = () => import('@aws-sdk/client-cloudformation');
const codedeploy = () => import('@aws-sdk/client-codedeploy');
const ecs = () => import('@aws-sdk/client-ecs');

export function causeReads(call: CauseCall): CauseReadApi {
	return {
		describeStackEvents: (input, o) => call('cloudformation', 'DescribeStackEvents', o, async send => send(new (await cloudformation()).DescribeStackEventsCommand(input))),
		getDeployment: (deploymentId, o) => call('codedeploy', 'GetDeployment', o, async send => send(new (await codedeploy()).GetDeploymentCommand({deploymentId}))),
		listDeploymentTargets: (input, o) => call('codedeploy', 'ListDeploymentTargets', o, async send => send(new (await codedeploy()).ListDeploymentTargetsCommand(input))),
		batchGetDeploymentTargets: (input, o) =>
			call('codedeploy', 'BatchGetDeploymentTargets', o, async send => send(new (await codedeploy()).BatchGetDeploymentTargetsCommand(input))),
		describeServices: (input, o) => call('ecs', 'DescribeServices', o, async send => send(new (await ecs()).DescribeServicesCommand(input))),
		filterLogEvents: (input, o) =>
			call('logs', 'FilterLogEvents', o, async send => send(new (await import('@aws-sdk/client-cloudwatch-logs')).FilterLogEventsCommand(input))),
	};
}
