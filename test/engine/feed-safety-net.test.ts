/**
 * The change feed's safety net keeps to its call budget, through the real engine, the real SDK
 * and the embedded service's queue, in virtual time: a fleet too big for the budget is read less
 * often than the configured period, spread over it rather than in bursts, tags far less often
 * still; and what no event carries is still seen: a definition edit within a listing's interval,
 * a transition disabled within one safety-net period.
 */

import {afterEach, expect, test} from 'vitest';
import type {TraceEvent} from '../../source/engine/source-runner.js';
import type {FleetState} from '../../source/store/types.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {TOOLS} from '../sim/events/helpers/feed.js';
import {quietScenario, TEAM} from './scenarios.js';

let fleets: FleetHarness[] = [];
afterEach(async () => {
	for (const fleet of fleets) await fleet.close();
	fleets = [];
});

const PIPELINES = 40;
/** 40 pipelines at 2 reads a minute (5% of reads come early, by the jitter): a period of 1,264 s, not the 10 minutes configured. */
const CALLS_PER_MINUTE = 2;
const PERIOD_MS = 1_264_000;
const MINUTE = 60_000;
const DISCOVERY_MS = 300_000;

async function start(): Promise<{fleet: FleetHarness; trace: TraceEvent[]}> {
	const trace: TraceEvent[] = [];
	const quiet = quietScenario({perSource: PIPELINES});
	const scenario = {...quiet, accounts: [...quiet.accounts, TOOLS], events: {account: TOOLS.profile}};
	// No silence limit: nothing happens for hours here, which would otherwise count as a silent feed.
	const fleet = await startFleetHarness({scenario, profiles: [TEAM.profile, TOOLS.profile], feed: {safetyNetMs: 600_000, safetyNetCallsPerMinute: CALLS_PER_MINUTE, silenceMs: 0}, engine: {trace: event => trace.push(event)}});
	fleets.push(fleet);
	await fleet.until(state => !state.initialLoad && state.feed?.health === 'healthy', {what: 'the first load, the feed healthy'});
	return {fleet, trace};
}

const calls = (state: FleetState, operation: string) => state.counters.callsByOperation[operation] ?? 0;
const pollStarts = (trace: TraceEvent[], from: number, to: number) => trace.filter(event => event.phase === 'start' && event.at >= from && event.at < to);

test('a fleet bigger than the budget is read within it, each pipeline once a stretched period, spread over it; tags far less often', async () => {
	const {fleet, trace} = await start();
	// One period for the first load's reads to come round once (and every first tag read with them).
	await fleet.advance(PERIOD_MS);
	const from = fleet.clock.now();
	const before = {state: calls(fleet.state(), 'GetPipelineState'), tags: calls(fleet.state(), 'ListTagsForResource')};
	const hours = 2;
	await fleet.advance(hours * 60 * MINUTE);
	const to = fleet.clock.now();
	const reads = calls(fleet.state(), 'GetPipelineState') - before.state;
	// Within the budget (and not far under it: the period is stretched no more than it must be).
	expect(reads).toBeLessThanOrEqual(CALLS_PER_MINUTE * 60 * hours);
	expect(reads).toBeGreaterThanOrEqual(CALLS_PER_MINUTE * 60 * hours * 0.9);
	// Every pipeline once a period (a little early at most), never at the 10 minutes configured.
	const perPipeline = new Map<string, number>();
	for (const event of pollStarts(trace, from, to)) perPipeline.set(event.pipeline, (perPipeline.get(event.pipeline) ?? 0) + 1);
	expect(perPipeline.size).toBe(PIPELINES);
	for (const count of perPipeline.values()) {
		expect(count).toBeGreaterThanOrEqual(Math.floor((hours * 60 * MINUTE) / PERIOD_MS));
		expect(count).toBeLessThanOrEqual(Math.ceil((hours * 60 * MINUTE) / (PERIOD_MS * 0.9)));
	}
	// Spread: no five minutes hold half the fleet's reads (all of it came in one first load).
	const buckets = new Map<number, number>();
	for (const event of pollStarts(trace, from, to)) {
		const bucket = Math.floor((event.at - from) / (5 * MINUTE));
		buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
	}
	expect(Math.max(...buckets.values())).toBeLessThan(PIPELINES / 2);
	// Tags once every six periods (126 minutes): at most one read per pipeline in these two hours.
	expect(calls(fleet.state(), 'ListTagsForResource') - before.tags).toBeLessThanOrEqual(PIPELINES);
});

test('what no event carries is still seen: a definition edit at the next listing, a disabled transition within one period', async () => {
	const {fleet} = await start();
	await fleet.advance(PERIOD_MS);
	const name = `${TEAM.profile}-eu-west-1-p7`;
	const key = `${TEAM.profile}/eu-west-1/${name}`;
	const version = fleet.state().pipelines[key]?.version;
	expect(version).toBeDefined();

	// A definition edit: ListPipelines shows the new version, and the pipeline is read then, not on the safety net.
	const {pipeline} = fleet.world.call(TEAM.profile, 'eu-west-1', 'GetPipeline', {name}) as {pipeline: {stages: Array<{name: string}>}};
	const renamed = pipeline.stages.map(stage => (stage.name === 'Deploy' ? {...stage, name: 'Release'} : stage));
	fleet.world.call(TEAM.profile, 'eu-west-1', 'UpdatePipeline', {pipeline: {...pipeline, stages: renamed}});
	await fleet.until(state => state.pipelines[key]?.version === (version ?? 0) + 1, {what: 'the new version on the row', withinMs: DISCOVERY_MS + 10_000});
	expect(fleet.state().pipelines[key]?.stages.map(stage => stage.name)).toEqual(['Source', 'Build', 'Release']);

	// A transition disabled: in no event, in no listing; the safety net reads it within one period.
	fleet.world.call(TEAM.profile, 'eu-west-1', 'DisableStageTransition', {pipelineName: name, stageName: 'Release', transitionType: 'Inbound', reason: 'change freeze'});
	await fleet.until(state => state.pipelines[key]?.stages.find(stage => stage.name === 'Release')?.inboundTransition.enabled === false, {what: 'the disabled transition on the row', withinMs: PERIOD_MS});
});
