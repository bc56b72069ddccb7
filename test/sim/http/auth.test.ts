/** SigV4 verification against signatures made by the real SDK (botocore has its own test). */

import {BatchGetBuildsCommand} from '@aws-sdk/client-codebuild';
import {ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {codeBuild, codePipeline, rawCall} from './helpers/clients.js';
import {DEFAULT_ACCOUNT, PROD_ACCOUNT, TestWorld} from './helpers/test-world.js';

let sim: RunningSim;
let world: TestWorld;

beforeAll(async () => {
	world = new TestWorld();
	sim = await startSim({world});
});

afterAll(async () => {
	await sim.stop();
});

type SdkError = Error & {$metadata: {httpStatusCode?: number}};

async function failure(promise: Promise<unknown>): Promise<SdkError> {
	try {
		await promise;
	} catch (error) {
		return error as SdkError;
	}
	throw new Error('expected the call to fail');
}

const LIST = 'CodePipeline_20150709.ListPipelines';

describe('SigV4 verification', () => {
	it('refuses an unknown access key with UnrecognizedClientException', async () => {
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT, {accessKeyId: 'AKIANOBODY0000000000'}).send(new ListPipelinesCommand({})));
		expect(error.name).toBe('UnrecognizedClientException');
		expect(error.message).toBe('The security token included in the request is invalid.');
		expect(error.$metadata.httpStatusCode).toBe(400);
	});

	it('refuses a signature made with the wrong secret', async () => {
		const calls = world.calls.length;
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT, {secret: 'not-the-secret'}).send(new ListPipelinesCommand({})));
		expect(error.name).toBe('InvalidSignatureException');
		expect(error.message).toMatch(/^The request signature we calculated does not match/);
		expect(error.$metadata.httpStatusCode).toBe(400);
		expect(world.calls.length).toBe(calls);
	});

	it('refuses another account\'s secret with this account\'s key', async () => {
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT, {secret: PROD_ACCOUNT.secretAccessKey}).send(new ListPipelinesCommand({})));
		expect(error.name).toBe('InvalidSignatureException');
	});

	it('refuses a scope whose service is not the target\'s', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, service: 'codebuild'});
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({__type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'codepipeline'. "});
		const ok = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: 'CodeBuild_20161006.BatchGetBuilds', service: 'codebuild', body: '{"ids":[]}'});
		expect(ok.status).toBe(200);
	});

	it('answers MissingAuthenticationTokenException to an unsigned call', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, unsigned: true});
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({__type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token'});
	});

	it('answers IncompleteSignatureException to a malformed Authorization header', async () => {
		for (const authorization of ['Basic dXNlcjpwYXNz', 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/codepipeline/aws4_request', 'AWS4-HMAC-SHA256 Credential=AKID/us-east-1, SignedHeaders=host, Signature=00']) {
			const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, tamper: {authorization}});
			expect(answer.status).toBe(400);
			expect(answer.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
		}
	});

	it('refuses a signed header changed after signing', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, tamper: {'x-amz-target': 'CodePipeline_20150709.GetPipeline'}});
		expect(answer.status).toBe(400);
		expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
	});

	it('refuses a body changed after signing', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, body: '{"maxResults":1}', sendBody: '{"maxResults":2}'});
		expect(answer.status).toBe(400);
		expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
	});

	it('refuses an x-amz-content-sha256 that does not match the body', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, body: '{}', extraHeaders: {'x-amz-content-sha256': 'a'.repeat(64)}});
		expect(answer.status).toBe(400);
		expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
	});

	it('refuses an opt-in region the account never enabled, and answers in a default region it does not list', async () => {
		const error = await failure(codePipeline(sim.url, PROD_ACCOUNT, {region: 'af-south-1'}).send(new ListPipelinesCommand({})));
		expect(error.name).toBe('UnrecognizedClientException');
		const answer = await codePipeline(sim.url, PROD_ACCOUNT, {region: 'us-east-1'}).send(new ListPipelinesCommand({}));
		expect(answer.pipelines).toEqual([]);
	});

	it('accepts a session token when the call is otherwise well signed', async () => {
		const answer = await rawCall(sim.url, DEFAULT_ACCOUNT, {target: LIST, extraHeaders: {'x-amz-security-token': 'session-token'}});
		expect(answer.status).toBe(200);
	});

	it('checks the signing time against real time: 20 minutes off is "Signature expired"', async () => {
		const error = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT, {systemClockOffset: -20 * 60 * 1000}).send(new ListPipelinesCommand({})));
		expect(error.name).toBe('InvalidSignatureException');
		expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
		const future = await failure(codePipeline(sim.url, DEFAULT_ACCOUNT, {systemClockOffset: 20 * 60 * 1000}).send(new ListPipelinesCommand({})));
		expect(future.message).toMatch(/^Signature not yet current/);
	});

	it('lets the SDK correct its clock from the answer\'s Date header and succeed on retry', async () => {
		const client = codePipeline(sim.url, DEFAULT_ACCOUNT, {systemClockOffset: -20 * 60 * 1000, maxAttempts: 2});
		const answer = await client.send(new ListPipelinesCommand({}));
		expect(answer.pipelines?.length).toBe(2);
		expect(answer.$metadata.attempts).toBe(2);
	});

	it('accepts a little skew', async () => {
		const answer = await codeBuild(sim.url, DEFAULT_ACCOUNT, {systemClockOffset: 5 * 60 * 1000}).send(new BatchGetBuildsCommand({ids: ['a:b']}));
		expect(answer.builds?.length).toBe(1);
	});
});
