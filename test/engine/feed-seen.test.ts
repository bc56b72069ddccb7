/**
 * "Seen through events": the feed carries the events of every account the organisation forwards,
 * also of accounts no profile reads. Their pipelines appear with the status the events tell,
 * marked as seen through events, and the action layer refuses them with the reason; the config
 * can turn them off (`events.seenThroughEvents: false`).
 */

import {afterEach, expect, test} from 'vitest';
import {ActionLayer} from '../../source/actions/layer.js';
import type {OperatorCommand} from '../../source/actions/types.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {feedScenario, TEAM} from '../sim/events/helpers/feed.js';

// Only the tools account (the queue's) has a profile: team's pipelines are known only from events.
const SEEN_WEB = `events:${TEAM.accountId}/eu-west-1/web`;
let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

async function toolsOnly(seenThroughEvents?: boolean): Promise<FleetHarness> {
	fleet = await startFleetHarness({scenario: feedScenario(), profiles: ['tools'], feed: seenThroughEvents === undefined ? {} : {seenThroughEvents}});
	await fleet.until(state => !state.initialLoad && state.feed?.health === 'healthy');
	return fleet;
}

test('a pipeline of an account without a profile appears from its events, status only, and follows its execution to the end', async () => {
	const harness = await toolsOnly();
	expect(harness.state().pipelines[SEEN_WEB]).toBeUndefined();
	const id = harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.until(state => state.pipelines[SEEN_WEB]?.latestExecution?.executionId === id, {what: 'the seen pipeline', withinMs: 5_000});
	expect(harness.state().pipelines[SEEN_WEB]).toMatchObject({
		seenThroughEvents: true,
		name: 'web',
		region: 'eu-west-1',
		accountId: TEAM.accountId,
		profile: `events:${TEAM.accountId}`,
		attention: 'running',
		stages: [],
		latestExecution: {executionId: id, status: 'InProgress'},
	});
	expect(harness.state().counts.running).toBeGreaterThanOrEqual(1);
	// One execution takes 100 s of sim time.
	await harness.until(state => state.pipelines[SEEN_WEB]?.latestExecution?.status === 'Succeeded', {what: 'the execution\'s end', withinMs: 130_000});
	expect(harness.state().pipelines[SEEN_WEB].attention).toBe('idle');
	// Nothing polls it: no source reads team's account.
	expect(harness.state().counters.callsByOperation.GetPipelineState ?? 0).toBe(0);
});

test('the action layer refuses every action on a seen pipeline, saying why', async () => {
	const harness = await toolsOnly();
	const id = harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.until(state => state.pipelines[SEEN_WEB]?.latestExecution?.executionId === id, {what: 'the seen pipeline', withinMs: 5_000});
	const audited: unknown[] = [];
	const layer = new ActionLayer({
		store: harness.engine.store,
		engine: harness.engine,
		// Never asked: the refusal comes first.
		apiFor: () => undefined,
		readOnly: () => false,
		audit: {append: async entry => void audited.push(entry)},
		clock: harness.clock,
		via: 'console',
	});
	const reason = `seen through events only (no profile reads account ${TEAM.accountId} in eu-west-1)`;
	const commands: OperatorCommand[] = ['approve', 'retry', 'stop', 'start', 'transition', 'rollback', 'override'];
	for (const command of commands) {
		const request = {command, pipelineKey: SEEN_WEB, stageName: 'Build', executionId: id};
		expect(layer.disabledReason(request)).toBe(reason);
		expect(await layer.prepare(request)).toEqual({ok: false, reason: `${reason}: nothing can be changed`});
	}
});

test('with seenThroughEvents off, the events of an account without a profile are dropped', async () => {
	const harness = await toolsOnly(false);
	harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.until(state => (state.feed?.outdated ?? 0) >= 3, {what: 'the events dropped', withinMs: 30_000});
	expect(Object.keys(harness.state().pipelines)).toEqual([]);
	expect(harness.state().feed?.events).toBe(0);
});

test('events that came before a source knew its account leave no seen row once it reads the account, even with no later event', async () => {
	// Events waiting in the queue when the console starts: they arrive before any read tells the
	// team source its account, so they make seen rows at first; the source's own rows replace them.
	fleet = await startFleetHarness({scenario: feedScenario(), feed: {}, start: false});
	fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.advance(130_000);
	fleet.engine.start();
	await fleet.until(state => !state.initialLoad && state.feed?.health === 'healthy' && (state.feed?.events ?? 0) > 0, {what: 'the first load and the queued events'});
	await fleet.advance(10_000);
	const keys = Object.keys(fleet.state().pipelines);
	expect(keys.filter(key => key.startsWith('events:'))).toEqual([]);
	expect(fleet.state().pipelines[`${TEAM.profile}/eu-west-1/web`]?.latestExecution?.status).toBe('Succeeded');
});
