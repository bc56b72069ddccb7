/**
 * The sim's misbehaving-endpoint modes, seen on the wire: unknown enum values, members of the
 * wrong type, and names AWS would refuse (but served consistently: a request with the shown name
 * reaches the pipeline). Switched at runtime like the other faults.
 */

import {createHash, createHmac} from 'node:crypto';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import type {SimAccount} from '../../../source/sim/contract.js';
import {outlandishName, UNKNOWN_ENUM_VALUE} from '../../../source/sim/http/misbehave.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {createWorld, type World} from '../../../source/sim/world/index.js';
import {quietScenario} from '../../engine/scenarios.js';

let sim: RunningSim;
let world: World;
let account: SimAccount;

beforeAll(async () => {
	const clock = new VirtualClock();
	world = createWorld({scenario: quietScenario({perSource: 2, history: 1}), clock, seed: 5});
	sim = await startSim({world, clock, seed: 5});
	account = world.accounts()[0];
});

afterAll(async () => {
	await sim?.stop();
	world?.stop();
});

/** A signed JSON 1.1 call without the SDK, so the test sees exactly the bytes that came back. */
async function call(operation: string, input: Record<string, unknown>): Promise<{status: number; body: unknown}> {
	const body = JSON.stringify(input);
	const url = new URL(sim.url);
	const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
	const date = amzDate.slice(0, 8);
	const region = account.regions[0];
	const headers: Record<string, string> = {
		'content-type': 'application/x-amz-json-1.1',
		host: url.host,
		'x-amz-date': amzDate,
		'x-amz-target': `CodePipeline_20150709.${operation}`,
	};
	const names = Object.keys(headers).sort();
	const canonical = ['POST', '/', '', names.map(name => `${name}:${headers[name]}\n`).join(''), names.join(';'), createHash('sha256').update(body).digest('hex')].join('\n');
	const scope = `${date}/${region}/codepipeline/aws4_request`;
	const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
	const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
	const key = hmac(hmac(hmac(hmac(`AWS4${account.secretAccessKey}`, date), region), 'codepipeline'), 'aws4_request');
	const signature = createHmac('sha256', key).update(toSign).digest('hex');
	const response = await fetch(sim.url, {
		method: 'POST',
		headers: {...headers, authorization: `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`},
		body,
	});
	return {status: response.status, body: JSON.parse(await response.text())};
}

type Listed = {pipelines: Array<{name: unknown; created: unknown; version: unknown}>};
type State = {pipelineName: unknown; stageStates: Array<{stageName: unknown; latestExecution?: {status: unknown}}>};

test('renames: answers show the outlandish name, requests with it reach the real pipeline', async () => {
	const [real] = world.pipelines().map(pipeline => pipeline.name).sort();
	const shown = outlandishName('p');
	expect([...shown]).toHaveLength(100);
	sim.setFaults({misbehave: {renames: {[real]: shown, Build: 'Bäu\u0007ld\u001b[31m'}}});
	const listed = (await call('ListPipelines', {})).body as Listed;
	expect(listed.pipelines.map(pipeline => pipeline.name)).toContain(shown);
	expect(listed.pipelines.map(pipeline => pipeline.name)).not.toContain(real);
	const state = await call('GetPipelineState', {name: shown});
	expect(state.status).toBe(200);
	expect((state.body as State).pipelineName).toBe(shown);
	expect((state.body as State).stageStates.map(stage => stage.stageName)).toContain('Bäu\u0007ld\u001b[31m');
	sim.setFaults({});
	expect(((await call('ListPipelines', {})).body as Listed).pipelines.map(pipeline => pipeline.name)).toContain(real);
});

test('unknown enum values and wrong types, switched on and off at runtime', async () => {
	const [name] = world.pipelines().map(pipeline => pipeline.name);
	sim.setFaults({misbehave: {unknownEnums: 1}});
	const state = (await call('GetPipelineState', {name})).body as State;
	const statuses = state.stageStates.map(stage => stage.latestExecution?.status).filter(Boolean);
	expect(statuses.length).toBeGreaterThan(0);
	expect(new Set(statuses)).toEqual(new Set([UNKNOWN_ENUM_VALUE]));

	sim.setFaults({misbehave: {wrongTypes: ['created', 'stageStates']}});
	const listed = (await call('ListPipelines', {})).body as Listed;
	expect(typeof listed.pipelines[0].created).toBe('string');
	expect(typeof listed.pipelines[0].version).toBe('number');
	const retyped = (await call('GetPipelineState', {name})).body as {stageStates: unknown};
	expect(Array.isArray(retyped.stageStates)).toBe(false);

	expect(() => sim.setFaults({misbehave: {unknownEnums: 2}})).toThrow(RangeError);
	sim.setFaults({throttleRate: 1});
	expect((await call('ListPipelines', {})).status).toBe(400);
	sim.setFaults({});
	expect(((await call('GetPipelineState', {name})).body as State).stageStates.length).toBeGreaterThan(0);
});
