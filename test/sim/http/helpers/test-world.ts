/**
 * A tiny world that stands in for source/sim/world in the front's tests: fixed accounts and
 * pipelines, a few operations answered from them, and a record of every call it was asked.
 * It implements the SimWorld seam; it is not a model of AWS.
 */

import {SimError, type OperationContext, type SimAccount, type SimWorld} from '../../../../source/sim/contract.js';

export const DEFAULT_ACCOUNT: SimAccount = {
	profile: 'default',
	accountId: '111111111111',
	regions: ['us-east-1', 'eu-west-1'],
	accessKeyId: 'AKIASIMTEST000000001',
	secretAccessKey: 'sim/secret+one/AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

export const PROD_ACCOUNT: SimAccount = {
	profile: 'prod',
	accountId: '222222222222',
	regions: ['eu-west-1'],
	accessKeyId: 'AKIASIMTEST000000002',
	secretAccessKey: 'sim/secret+two/BBBBBBBBBBBBBBBBBBBBBBBBBBBB',
};

/** Pipelines by `${accountId}/${region}`. */
const PIPELINES: Record<string, string[]> = {
	'111111111111/us-east-1': ['checkout', 'payments'],
	'111111111111/eu-west-1': ['checkout-eu'],
	'222222222222/eu-west-1': ['prod-api'],
};

export type RecordedCall = {context: OperationContext; operation: string; input: Record<string, unknown>};

export class TestWorld implements SimWorld {
	readonly calls: RecordedCall[] = [];

	constructor(private readonly accountList: SimAccount[] = [DEFAULT_ACCOUNT, PROD_ACCOUNT]) {}

	accounts(): SimAccount[] {
		return this.accountList;
	}

	handle(context: OperationContext, operation: string, input: Record<string, unknown>): unknown {
		this.calls.push({context, operation, input});
		const names = PIPELINES[`${context.accountId}/${context.region}`] ?? [];
		switch (operation) {
			case 'ListPipelines':
				return {pipelines: names.map(name => ({name, version: 1, pipelineType: 'V2', created: 1_762_000_000.5, updated: 1_762_000_100}))};
			case 'GetPipeline': {
				const name = String(input.name);
				if (!names.includes(name)) throw new SimError('PipelineNotFoundException', `Account '${context.accountId}' does not have a pipeline with name '${name}'`);
				return {pipeline: {name, roleArn: `arn:aws:iam::${context.accountId}:role/x`, stages: [], version: 1}, metadata: {pipelineArn: `arn:aws:codepipeline:${context.region}:${context.accountId}:${name}`}};
			}
			case 'GetPipelineState':
				// Stands in for a bug inside the world: a plain Error, not a SimError.
				if (input.name === 'explode') throw new Error('world bug: secret internals');
				return {pipelineName: input.name, stageStates: []};
			case 'StartPipelineExecution':
				if (input.name === 'busy') throw new SimError('ConflictException', 'The pipeline is busy.', 409);
				return {pipelineExecutionId: '00000000-0000-4000-8000-000000000001'};
			case 'PutApprovalResult':
				return {approvedAt: 1_762_000_200};
			case 'BatchGetBuilds':
				return {builds: (input.ids as string[]).map(id => ({id, buildStatus: 'SUCCEEDED'})), buildsNotFound: []};
			case 'GetLogEvents':
				return {events: [{timestamp: 1_762_000_000_000, message: 'hello', ingestionTime: 1_762_000_000_001}], nextForwardToken: 'f/1', nextBackwardToken: 'b/1'};
			default:
				throw new SimError('UnknownOperationException', `Unknown operation ${operation}`);
		}
	}
}
