/**
 * What gets read and when: screen and running pipelines often, idle ones rarely, never two polls
 * of one pipeline at once, summaries and definitions only when something changed, and data that
 * could not be refreshed marked stale.
 */

import {afterEach, expect, test} from 'vitest';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario, TEAM} from './scenarios.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

const REGION = 'eu-west-1';
const key = (name: string) => `${TEAM.profile}/${REGION}/${name}`;

test('focused and running pipelines are read every 5 s, idle ones every minute, and no poll overlaps another of the same pipeline', async () => {
	const events: TraceEvent[] = [];
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 6, behaviour: {'Build/Compile': {seconds: 900}}}), engine: {trace: event => events.push(event)}});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	harness.engine.setFocus([key('team-eu-west-1-p0')]);
	harness.world.startExecution(TEAM.profile, REGION, 'team-eu-west-1-p1');
	harness.sim.setFaults({latencyMs: 3});
	const from = harness.clock.now();
	events.length = 0;
	// Ask again and again, as an impatient operator would: still one poll at a time per pipeline.
	for (let index = 0; index < 20; index++) {
		harness.engine.refresh(key('team-eu-west-1-p2'));
		harness.engine.refresh();
		await harness.advance(500);
	}
	await harness.advance(600_000 - 10_000);

	const polls = (name: string) => events.filter(event => event.pipeline === name && event.phase === 'start' && event.at >= from + 60_000).length;
	// 9 minutes after the first: focused ~108 polls, running ~108 (until its 15-minute build ends), idle ~9-10.
	expect(polls('team-eu-west-1-p0')).toBeGreaterThanOrEqual(100);
	expect(polls('team-eu-west-1-p0')).toBeLessThanOrEqual(125);
	expect(polls('team-eu-west-1-p1')).toBeGreaterThanOrEqual(100);
	expect(polls('team-eu-west-1-p3')).toBeGreaterThanOrEqual(8);
	expect(polls('team-eu-west-1-p3')).toBeLessThanOrEqual(11);

	const open = new Map<string, number>();
	for (const event of events) {
		const depth = (open.get(event.pipeline) ?? 0) + (event.phase === 'start' ? 1 : -1);
		expect(depth, `${event.pipeline} at ${event.at}`).toBeGreaterThanOrEqual(0);
		expect(depth, `${event.pipeline} at ${event.at}`).toBeLessThanOrEqual(1);
		open.set(event.pipeline, depth);
	}
	for (const entry of Object.values(harness.state().pipelines)) expect(entry.stale, entry.key).toBe(false);
});

test('a new execution is noticed and summarised once; a quiet pipeline costs one call per poll', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 4})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const before = harness.sim.stats().byOperation;
	await harness.advance(600_000);
	const quiet = harness.sim.stats().byOperation;
	// Ten minutes of four idle pipelines: ~40 state reads, 2 listings, nothing else.
	expect((quiet.GetPipelineState ?? 0) - (before.GetPipelineState ?? 0)).toBeLessThanOrEqual(48);
	expect(quiet.ListPipelineExecutions).toBe(before.ListPipelineExecutions);
	expect(quiet.GetPipeline).toBe(before.GetPipeline);

	const name = 'team-eu-west-1-p2';
	const id = harness.world.startExecution(TEAM.profile, REGION, name);
	harness.engine.setFocus([key(name)]);
	await harness.until(state => state.pipelines[key(name)].latestExecution?.executionId === id, {withinMs: 6_000, what: 'the new execution'});
	expect(harness.state().pipelines[key(name)].attention).toBe('running');
	expect(harness.state().pipelines[key(name)].latestExecution?.triggerType).toBe('StartPipelineExecution');
	await harness.until(state => state.pipelines[key(name)].latestExecution?.status === 'Succeeded', {what: 'the end of the run'});
	expect(harness.state().pipelines[key(name)].attention).toBe('idle');
	const after = harness.sim.stats().byOperation;
	// Summaries only when the state moved: a few for the run, not one per poll.
	const summaries = (after.ListPipelineExecutions ?? 0) - (quiet.ListPipelineExecutions ?? 0);
	const polls = (after.GetPipelineState ?? 0) - (quiet.GetPipelineState ?? 0);
	expect(summaries).toBeGreaterThanOrEqual(2);
	expect(summaries).toBeLessThan(polls / 3);
});

test('a pipeline waiting for approval shows it with its token, until the last waiting execution is approved', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 2, approval: true})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const name = 'team-eu-west-1-p0';
	// The scenario's history may already leave one waiting; otherwise start one.
	if (harness.state().pipelines[key(name)].attention !== 'approval') harness.world.startExecution(TEAM.profile, REGION, name);
	await harness.until(state => state.pipelines[key(name)].attention === 'approval', {what: 'approval'});
	// Sorted with the others waiting for approval, ahead of everything idle.
	expect(harness.state().order.indexOf(key(name))).toBeLessThan(harness.state().counts.approval);

	// Approve whatever waits (a queued execution may take the approval next) until nothing does.
	for (let round = 0; round < 4 && harness.state().pipelines[key(name)].attention === 'approval'; round++) {
		const stage = harness.state().pipelines[key(name)].stages.find(item => item.name === 'Approve');
		const token = stage?.actions[0].token;
		expect(token).toBeDefined();
		harness.world.call(TEAM.profile, REGION, 'PutApprovalResult', {pipelineName: name, stageName: 'Approve', actionName: 'Manual', token, result: {status: 'Approved', summary: 'ok'}});
		harness.engine.refresh(key(name));
		await harness.advance(1000);
		const next = harness.state().pipelines[key(name)].stages.find(item => item.name === 'Approve');
		if (next?.actions[0].status === 'InProgress') expect(next.actions[0].token).not.toBe(token);
	}
	await harness.until(state => state.pipelines[key(name)].attention !== 'approval', {what: 'no approval left'});
});

test('data that cannot be refreshed turns stale, and fresh again after recovery', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 3, regions: ['eu-west-1', 'us-east-1']})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	harness.setFaults({deadRegions: ['us-east-1']});
	await harness.advance(200_000);
	const state = harness.state();
	const dead = Object.values(state.pipelines).filter(entry => entry.region === 'us-east-1');
	const alive = Object.values(state.pipelines).filter(entry => entry.region === 'eu-west-1');
	expect(dead).toHaveLength(3);
	for (const entry of dead) expect(entry.stale, entry.key).toBe(true);
	for (const entry of alive) expect(entry.stale, entry.key).toBe(false);
	expect(state.sources['team/us-east-1'].health).toBe('failed');
	expect(state.sources['team/us-east-1'].error?.code).toBe('TimeoutError');
	// Their last data is still shown.
	for (const entry of dead) expect(entry.latestExecution).toBeDefined();

	harness.setFaults({});
	await harness.until(now => now.sources['team/us-east-1'].health === 'ok' && Object.values(now.pipelines).every(entry => !entry.stale), {withinMs: 400_000, what: 'recovery'});
});

test('data that cannot be refreshed turns stale at the cadence it has now: sooner once focused or running', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 4, behaviour: {'Build/Compile': {seconds: 900}}})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	// Let a few sweeps work out when the idle pipelines turn stale (2.5 x 60 s after their last read).
	await harness.advance(3_000);
	harness.engine.setFocus([key('team-eu-west-1-p0')]);
	harness.world.startExecution(TEAM.profile, REGION, 'team-eu-west-1-p1');
	// Seen by its next poll, at the idle cadence (a dirty mark would shorten the cadence by itself).
	await harness.until(state => state.pipelines[key('team-eu-west-1-p1')].attention === 'running', {withinMs: 70_000, what: 'the run seen'});
	harness.setFaults({deadRegions: [REGION]});
	const deadAt = harness.clock.now();
	// 2.5 x 5 s after their last read, plus the sweep's second: long before 2.5 x 60 s.
	await harness.until(state => state.pipelines[key('team-eu-west-1-p0')].stale && state.pipelines[key('team-eu-west-1-p1')].stale, {withinMs: 30_000, what: 'the focused and the running pipeline stale'});
	expect(harness.clock.now() - deadAt).toBeLessThan(30_000);
	expect(harness.state().pipelines[key('team-eu-west-1-p2')].stale).toBe(false);
	expect(harness.state().pipelines[key('team-eu-west-1-p3')].stale).toBe(false);
	// The rest follow at the idle cadence.
	await harness.until(now => now.pipelines[key('team-eu-west-1-p2')].stale && now.pipelines[key('team-eu-west-1-p3')].stale, {withinMs: 200_000, what: 'the idle pipelines stale'});
});

test('markDirty reads a pipeline at once; a deleted pipeline leaves and a new one arrives with the next listing (at once when marked dirty)', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 3})});
	const harness = fleet;
	await harness.until(state => !state.initialLoad);
	const name = 'team-eu-west-1-p1';
	const before = harness.state().pipelines[key(name)].fetchedAt ?? 0;
	await harness.advance(10_000);
	harness.engine.markDirty(key(name));
	await harness.advance(100);
	expect(harness.state().pipelines[key(name)].fetchedAt).toBeGreaterThan(before);

	harness.world.call(TEAM.profile, REGION, 'DeletePipeline', {name: 'team-eu-west-1-p0'});
	const created = structuredClone(quietScenario({perSource: 4}).pipelines[3].definition);
	harness.world.call(TEAM.profile, REGION, 'CreatePipeline', created as Record<string, unknown>);
	await harness.until(state => state.pipelines[key('team-eu-west-1-p3')]?.fetchedAt !== undefined && state.pipelines[key('team-eu-west-1-p0')] === undefined, {withinMs: 310_000});
	expect(harness.state().sources['team/eu-west-1'].pipelineCount).toBe(3);

	// An event feed names a pipeline not seen yet: the source lists again now, not in five minutes.
	const another = structuredClone(quietScenario({perSource: 5}).pipelines[4].definition);
	harness.world.call(TEAM.profile, REGION, 'CreatePipeline', another as Record<string, unknown>);
	harness.engine.markDirty(key('team-eu-west-1-p4'));
	await harness.until(state => state.pipelines[key('team-eu-west-1-p4')]?.fetchedAt !== undefined, {withinMs: 2000, what: 'the new pipeline'});
});

test('focus asked for before the first listing applies once the pipelines are found', async () => {
	const events: TraceEvent[] = [];
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 3}), start: false, engine: {trace: event => events.push(event)}});
	const harness = fleet;
	harness.engine.setFocus([key('team-eu-west-1-p1')]);
	harness.engine.start();
	await harness.advance(60_000);
	const polls = (name: string) => events.filter(event => event.pipeline === name && event.phase === 'start').length;
	expect(polls('team-eu-west-1-p1')).toBeGreaterThanOrEqual(11);
	expect(polls('team-eu-west-1-p2')).toBeLessThanOrEqual(2);
});
