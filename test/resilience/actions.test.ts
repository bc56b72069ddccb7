/**
 * Operator actions when the network lets them down: a write whose answer is lost after AWS did
 * it, one that hangs until the write time limit, one dropped before it arrived. Each is sent
 * exactly once (counted at the service), the operator is told what is known, the pipeline is
 * read again, and the audit log records the unknown outcome.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {MemoryAudit} from '../helpers/memory-audit.js';
import {createActionLayer} from '../../source/actions/create.js';
import type {ActionLayer} from '../../source/actions/layer.js';
import type {ActionRequest, ActionResult, Answers} from '../../source/actions/types.js';
import {flushIo} from '../../source/shared/clock.js';
import type {Scenario} from '../../source/sim/contract.js';
import {definition} from '../engine/scenarios.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

const ACCOUNT = {profile: 'ops', accountId: '333344445555', regions: ['eu-west-1']};
const GATE = 'ops/eu-west-1/gate';
const BROKEN = 'ops/eu-west-1/broken';
const WRITE_TIMEOUT_MS = 30_000;

function scenario(): Scenario {
	return {
		accounts: [ACCOUNT],
		pipelines: [
			{profile: 'ops', region: 'eu-west-1', definition: definition('gate', ACCOUNT.accountId, 'eu-west-1', {approval: true}), history: 1, behaviour: {'Build/Compile': {seconds: 20, outcomes: ['Succeeded']}}},
			{profile: 'ops', region: 'eu-west-1', definition: definition('broken', ACCOUNT.accountId, 'eu-west-1'), history: 1, behaviour: {'Build/Compile': {seconds: 20, outcomes: ['Failed', 'Succeeded']}}},
		],
	};
}

let fleet: FleetHarness;
let layer: ActionLayer;
const audit = new MemoryAudit();

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: scenario(), seed: 23});
	await fleet.until(state => !state.initialLoad);
	fleet.world.startExecution('ops', 'eu-west-1', 'gate');
	fleet.world.startExecution('ops', 'eu-west-1', 'broken');
	fleet.engine.setFocus([GATE, BROKEN]);
	await fleet.until(state => state.pipelines[GATE]?.attention === 'approval' && state.pipelines[BROKEN]?.attention === 'failed', {what: 'an approval and a failure'});
	layer = createActionLayer(
		{engine: fleet.engine, config: {}, readOnly: () => false, apiFor: key => fleet.engine.apiFor(key)},
		{via: 'console', clock: fleet.clock, env: fleet.env, audit, writeTimeoutMs: WRITE_TIMEOUT_MS},
	);
});

afterAll(async () => {
	await fleet?.close();
});

async function intentFor(request: ActionRequest, answers: Answers) {
	// Preparing reads (history, the token) under the source's budget: virtual time must move.
	const prepared = await moving(layer.prepare(request));
	if (!prepared.ok) throw new Error(`not prepared: ${prepared.reason}`);
	return prepared.plan.build(answers);
}

const sent = (operation: string) => fleet.sim.stats().byOperation[operation] ?? 0;

/** Waits for a promise while virtual time moves (the layer re-reads the pipeline before answering). */
async function moving<T>(pending: Promise<T>): Promise<T> {
	let done = false;
	pending.then(
		() => (done = true),
		() => (done = true),
	);
	await flushIo(3);
	for (let step = 0; step < 60 && !done; step++) await fleet.advance(500);
	return pending;
}

const runMoving = (run: () => Promise<ActionResult>) => moving(run());

test('an approval whose answer is lost after AWS recorded it: unknown, sent once, and the re-read says it went through', async () => {
	const intent = await intentFor({command: 'approve', pipelineKey: GATE}, {decision: 'approve', summary: 'looks good'});
	fleet.setFaults({lostAnswerRate: 1, scope: {operations: ['PutApprovalResult']}});
	const before = sent('PutApprovalResult');
	const result = await runMoving(() => layer.run(intent));
	fleet.setFaults({});
	expect(result.outcome).toBe('unknown');
	expect(result.message).toMatch(/may or may not have been carried out\. It was not sent again\./);
	expect(result.message).toMatch(/no longer waits: the answer was most likely recorded/);
	// The same intent again (a second Enter, a key repeat) is answered from the first attempt.
	expect(await layer.run(intent)).toBe(result);
	expect(sent('PutApprovalResult') - before).toBe(1);
	expect(audit.entries.at(-1)).toMatchObject({action: 'approve', outcome: 'unknown', pipeline: 'gate'});
	expect(fleet.state().pipelines[GATE].attention).not.toBe('approval');
});

test('a retry that hangs until the write time limit: unknown, sent once, state re-read', async () => {
	const intent = await intentFor({command: 'retry', pipelineKey: BROKEN, stageName: 'Build'}, {mode: 'failed'});
	fleet.setFaults({hangRate: 1, scope: {operations: ['RetryStageExecution']}});
	const before = sent('RetryStageExecution');
	const fetchedBefore = fleet.state().pipelines[BROKEN].fetchedAt ?? 0;
	const pending = layer.run(intent);
	await flushIo(10);
	expect(fleet.engine.inFlight('ops/eu-west-1')).toBeGreaterThan(0);
	// No answer ever comes: the write's own time limit ends it (the harness cannot settle a held call).
	fleet.clock.advance(WRITE_TIMEOUT_MS);
	const result = await moving(pending);
	fleet.setFaults({});
	expect(result.outcome).toBe('unknown');
	expect(result.code).toBe('TimeoutError');
	expect(result.message).toMatch(/It was not sent again/);
	expect(result.message).toMatch(/Build shows \w+/);
	expect(fleet.state().pipelines[BROKEN].fetchedAt).toBeGreaterThan(fetchedBefore);
	expect(await layer.run(intent)).toBe(result);
	expect(sent('RetryStageExecution') - before).toBe(1);
	expect(audit.entries.at(-1)).toMatchObject({action: 'retry', outcome: 'unknown', errorCode: 'TimeoutError'});
});

test('an approval dropped before it arrived: unknown, the re-read says it still waits, and only a new decision sends again', async () => {
	fleet.world.startExecution('ops', 'eu-west-1', 'gate');
	await fleet.until(state => state.pipelines[GATE]?.attention === 'approval', {what: 'the next approval'});
	const intent = await intentFor({command: 'approve', pipelineKey: GATE}, {decision: 'reject', summary: 'not today'});
	fleet.setFaults({dropRate: 1, scope: {operations: ['PutApprovalResult']}});
	const before = sent('PutApprovalResult');
	const result = await runMoving(() => layer.run(intent));
	fleet.setFaults({});
	expect(result.outcome).toBe('unknown');
	expect(result.message).toMatch(/still waits: the answer did not get through/);
	expect(sent('PutApprovalResult') - before).toBe(1);
	// The operator decides again: a new plan, a new intent, one more call.
	const again = await intentFor({command: 'approve', pipelineKey: GATE}, {decision: 'reject', summary: 'not today'});
	expect(again.id).not.toBe(intent.id);
	expect((await runMoving(() => layer.run(again))).outcome).toBe('done');
	expect(sent('PutApprovalResult') - before).toBe(2);
});
