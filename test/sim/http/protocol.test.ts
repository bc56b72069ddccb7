/** The wire protocol as the real SDK clients see it: routing, request ids, answers and errors. */

import {GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {BatchGetBuildsCommand} from '@aws-sdk/client-codebuild';
import {GetPipelineCommand, GetPipelineStateCommand, ListPipelinesCommand, StartPipelineExecutionCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {SimError} from '../../../source/sim/contract.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {codeBuild, codePipeline, logs, rawCall} from './helpers/clients.js';
import {DEFAULT_ACCOUNT, PROD_ACCOUNT, TestWorld} from './helpers/test-world.js';

let sim: RunningSim;
let world: TestWorld;

beforeAll(async () => {
	world = new TestWorld();
	sim = await startSim({world, seed: 42});
});

afterAll(async () => {
	await sim.stop();
});

/** Runs a promise expected to fail and returns the error. */
async function failure(promise: Promise<unknown>): Promise<Error & {$metadata: {httpStatusCode?: number; requestId?: string}}> {
	try {
		await promise;
	} catch (error) {
		return error as Error & {$metadata: {httpStatusCode?: number; requestId?: string}};
	}
	throw new Error('expected the call to fail');
}

describe('the sim front, seen by the real SDK', () => {
	it('listens on loopback and routes a signed call to the world with account and region from the signature', async () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const answer = await codePipeline(sim.url, DEFAULT_ACCOUNT, {region: 'eu-west-1'}).send(new ListPipelinesCommand({}));
		expect(answer.pipelines?.map(pipeline => pipeline.name)).toEqual(['checkout-eu']);
		// Epoch seconds on the wire become Dates in the SDK.
		expect(answer.pipelines?.[0].created).toEqual(new Date(1_762_000_000_500));
		const call = world.calls.at(-1)!;
		expect(call.operation).toBe('ListPipelines');
		expect(call.context).toMatchObject({service: 'codepipeline', accountId: '111111111111', region: 'eu-west-1', accessKeyId: DEFAULT_ACCOUNT.accessKeyId});
		expect(call.context.requestId).toBe(answer.$metadata.requestId);
	});

	it('keeps accounts and regions apart', async () => {
		const [usEast, prod] = await Promise.all([
			codePipeline(sim.url, DEFAULT_ACCOUNT, {region: 'us-east-1'}).send(new ListPipelinesCommand({})),
			codePipeline(sim.url, PROD_ACCOUNT, {region: 'eu-west-1'}).send(new ListPipelinesCommand({})),
		]);
		expect(usEast.pipelines?.map(pipeline => pipeline.name)).toEqual(['checkout', 'payments']);
		expect(prod.pipelines?.map(pipeline => pipeline.name)).toEqual(['prod-api']);
		const byAccountRegion = sim.stats().byAccountRegion;
		expect(byAccountRegion['222222222222/eu-west-1'].ListPipelines).toBe(1);
		expect(byAccountRegion['222222222222/us-east-1']).toBeUndefined();
	});

	it('gives every answer a distinct uuid-like request id, seen in $metadata.requestId', async () => {
		const client = codePipeline(sim.url, DEFAULT_ACCOUNT);
		const first = await client.send(new ListPipelinesCommand({}));
		const second = await client.send(new ListPipelinesCommand({}));
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(first.$metadata.requestId).toMatch(uuid);
		expect(second.$metadata.requestId).toMatch(uuid);
		expect(first.$metadata.requestId).not.toBe(second.$metadata.requestId);
		const error = await failure(client.send(new GetPipelineCommand({name: 'nope'})));
		expect(error.$metadata.requestId).toMatch(uuid);
	});

	it('maps a world SimError to the SDK error name, message and status', async () => {
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT).send(new GetPipelineCommand({name: 'nope'})));
		expect(error.name).toBe('PipelineNotFoundException');
		expect(error.message).toBe("Account '111111111111' does not have a pipeline with name 'nope'");
		expect(error.$metadata.httpStatusCode).toBe(400);
	});

	it('answers ConflictException with 409', async () => {
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT).send(new StartPipelineExecutionCommand({name: 'busy'})));
		expect(error.name).toBe('ConflictException');
		expect(error.$metadata.httpStatusCode).toBe(409);
	});

	it('turns a plain error inside the world into a generic 500 InternalFailure and keeps serving', async () => {
		const client = codePipeline(sim.url, DEFAULT_ACCOUNT);
		const error = await failure(client.send(new GetPipelineStateCommand({name: 'explode'})));
		expect(error.name).toBe('InternalFailure');
		expect(error.$metadata.httpStatusCode).toBe(500);
		expect(error.message).not.toContain('secret internals');
		const answer = await client.send(new GetPipelineStateCommand({name: 'fine'}));
		expect(answer.pipelineName).toBe('fine');
	});

	it('serves CodeBuild and CloudWatch Logs with their own targets and signing names', async () => {
		const builds = await codeBuild(sim.url, DEFAULT_ACCOUNT).send(new BatchGetBuildsCommand({ids: ['proj:1234']}));
		expect(builds.builds?.[0]).toMatchObject({id: 'proj:1234', buildStatus: 'SUCCEEDED'});
		expect(world.calls.at(-1)!.context.service).toBe('codebuild');
		const events = await logs(sim.url, DEFAULT_ACCOUNT).send(new GetLogEventsCommand({logGroupName: '/aws/codebuild/proj', logStreamName: '1234', startFromHead: true}));
		expect(events.events?.[0].message).toBe('hello');
		expect(events.nextForwardToken).toBe('f/1');
		expect(world.calls.at(-1)!.context.service).toBe('logs');
	});
});

describe('the sim front, on the wire', () => {
	it('sends the JSON 1.1 content type and the error type header', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.GetPipeline', body: '{"name":"nope"}'});
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
		expect(answer.headers['x-amzn-errortype']).toBe('PipelineNotFoundException');
		expect(answer.headers['x-amzn-requestid']).toBeTruthy();
		expect(JSON.parse(answer.body)).toMatchObject({__type: 'PipelineNotFoundException'});
	});

	it('reads an empty body as {}', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.ListPipelines', body: ''});
		expect(answer.status).toBe(200);
		expect(world.calls.at(-1)!.input).toEqual({});
	});

	it.each([
		['not JSON', '{"name": '],
		['an array', '[1, 2]'],
		['a string', '"ListPipelines"'],
		['null', 'null'],
	])('answers 400 SerializationException to a body that is %s', async (_what, body) => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.ListPipelines', body});
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body).__type).toBe('SerializationException');
	});

	it.each([
		['a missing target', undefined],
		['an unknown prefix', 'DynamoDB_20120810.ListTables'],
		['no operation', 'CodePipeline_20150709'],
	])('answers 400 UnknownOperationException to %s', async (_what, target) => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target});
		expect(answer.status).toBe(400);
		expect(answer.headers['x-amzn-errortype']).toBe('UnknownOperationException');
	});

	it('refuses methods other than POST', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.ListPipelines', method: 'PUT'});
		expect(answer.status).toBe(400);
		expect(answer.headers['x-amzn-errortype']).toBe('UnknownOperationException');
	});

	it('counts calls per operation, including ones that never reach the world', async () => {
		sim.resetStats();
		await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.PutApprovalResult', unsigned: true});
		await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.PutApprovalResult', body: '{}'});
		const stats = sim.stats();
		expect(stats.requests).toBe(2);
		expect(stats.byOperation.PutApprovalResult).toBe(2);
		expect(stats.handledByOperation.PutApprovalResult).toBe(1);
		expect(stats.errors.MissingAuthenticationTokenException).toBe(1);
	});
});

describe('internal failures', () => {
	it('writes the stack to stderr only when PIPETOP_SIM_DEBUG is set', async () => {
		const writes: string[] = [];
		const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
			writes.push(String(chunk));
			return true;
		});
		const client = codePipeline(sim.url, DEFAULT_ACCOUNT);
		try {
			vi.stubEnv('PIPETOP_SIM_DEBUG', '');
			await client.send(new GetPipelineStateCommand({name: 'explode'})).catch(() => undefined);
			expect(writes.join('')).not.toContain('world bug');
			vi.stubEnv('PIPETOP_SIM_DEBUG', '1');
			await client.send(new GetPipelineStateCommand({name: 'explode'})).catch(() => undefined);
			expect(writes.join('')).toContain('world bug: secret internals');
		} finally {
			spy.mockRestore();
			vi.unstubAllEnvs();
		}
	});

	it('answers sensibly when the world throws a SimError that cannot go on the wire as is', async () => {
		const odd = await startSim({
			world: {
				accounts: () => [DEFAULT_ACCOUNT],
				handle: () => {
					throw new SimError('Bad Code\n', 'odd', 200);
				},
			},
		});
		try {
			const answer = await rawCall(odd.url, DEFAULT_ACCOUNT, {target: 'CodePipeline_20150709.ListPipelines'});
			expect(answer.status).toBe(500);
			expect(answer.headers['x-amzn-errortype']).toBe('BadCode');
		} finally {
			await odd.stop();
		}
	});

	it('accepts a world that answers with a promise', async () => {
		const later = await startSim({world: {accounts: () => [DEFAULT_ACCOUNT], handle: async () => ({pipelines: [{name: 'async'}]})}});
		try {
			const answer = await codePipeline(later.url, DEFAULT_ACCOUNT).send(new ListPipelinesCommand({}));
			expect(answer.pipelines?.[0].name).toBe('async');
		} finally {
			await later.stop();
		}
	});
});
