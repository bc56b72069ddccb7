/**
 * Pipeline tags on the real engine against the embedded service: never read during the first load,
 * every pipeline's right after it, then on the discovery cadence, never per poll.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario} from './scenarios.js';

let fleet: FleetHarness;
const tagCalls = () => fleet.state().counters.callsByOperation.ListTagsForResource ?? 0;

let loadedAt = 0;
let tagsKnownAt = 0;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo', intervals: {discovery: 300_000}});
	// The tag reads done by the time the first load is shown complete.
	let tagsReadByLoad: number | undefined;
	const off = fleet.engine.store.subscribe((next, previous) => {
		if (previous.initialLoad && !next.initialLoad) tagsReadByLoad = next.counters.callsByOperation.ListTagsForResource ?? 0;
	});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	off();
	loadedAt = fleet.clock.now();
	// The first load reads no tags (it must not wait for them).
	expect(tagsReadByLoad).toBe(0);
	await fleet.until(state => Object.values(state.pipelines).every(entry => entry.tags !== undefined), {what: "every pipeline's tags"});
	tagsKnownAt = fleet.clock.now();
});

afterAll(async () => {
	await fleet?.close();
});

test('right after the first load every pipeline has the tags the service holds, not at its next read', () => {
	// The idle cadence is a minute (with the change feed, up to an hour): a tag filter must not wait for it.
	expect(tagsKnownAt - loadedAt).toBeLessThan(10_000);
	const entry = Object.values(fleet.state().pipelines).find(candidate => candidate.name === 'payments-service-prod');
	expect(entry?.tags).toEqual([{key: 'team', value: 'payments'}, {key: 'env', value: 'prod'}]);
	expect(Object.values(fleet.state().pipelines).every(candidate => candidate.tags !== undefined)).toBe(true);
});

test('polls do not read tags; the next discovery does, and shows a change', async () => {
	const pipelines = fleet.state().counts.total;
	const first = tagCalls();
	expect(first).toBe(pipelines);
	// A minute on: every pipeline was polled again, and none read its tags a second time.
	await fleet.advance(61_000);
	expect(tagCalls()).toBe(first);
	const polls = () => fleet.state().counters.callsByOperation.GetPipelineState ?? 0;
	const before = polls();
	fleet.world.call('prod', 'us-east-1', 'TagResource', {resourceArn: `arn:aws:codepipeline:us-east-1:${fleet.world.account('prod').accountId}:payments-service-prod`, tags: [{key: 'team', value: 'ledger'}]});
	await fleet.advance(200_000);
	expect(polls() - before).toBeGreaterThan(pipelines);
	expect(tagCalls()).toBe(first);
	await fleet.advance(120_000);
	expect(tagCalls()).toBe(first + pipelines);
	const entry = Object.values(fleet.state().pipelines).find(candidate => candidate.name === 'payments-service-prod');
	expect(entry?.tags).toEqual([{key: 'team', value: 'ledger'}, {key: 'env', value: 'prod'}]);
});

test('a pipeline without tags has its (empty) tags read once, not with every poll', async () => {
	const untagged = await startFleetHarness({scenario: quietScenario({perSource: 3}), intervals: {discovery: 300_000}});
	try {
		await untagged.until(state => !state.initialLoad, {what: 'the first load'});
		// Three idle polls of each pipeline, before the next discovery.
		await untagged.advance(200_000);
		const {counters, pipelines} = untagged.state();
		expect(counters.callsByOperation.GetPipelineState).toBeGreaterThanOrEqual(3 * 3);
		expect(counters.callsByOperation.ListTagsForResource).toBe(3);
		expect(Object.values(pipelines).map(entry => entry.tags)).toEqual([[], [], []]);
	} finally {
		await untagged.close();
	}
});

test('a tag read that failed (a 5xx) is asked again with the next poll; one that cannot be read waits a tag period', async () => {
	const failing = await startFleetHarness({scenario: quietScenario({perSource: 3}), intervals: {discovery: 300_000}, faults: {serverErrorRate: 1, scope: {operations: ['ListTagsForResource']}}});
	const refused = await startFleetHarness({scenario: quietScenario({perSource: 3}), intervals: {discovery: 300_000}, faults: {malformedRate: 1, scope: {operations: ['ListTagsForResource']}}});
	try {
		const tagCallsOf = (harness: FleetHarness) => harness.sim.stats().byOperation.ListTagsForResource ?? 0;
		for (const harness of [failing, refused]) {
			await harness.until(state => !state.initialLoad, {what: 'the first load'});
			await harness.advance(10_000);
		}
		expect(tagCallsOf(failing)).toBe(3);
		expect(tagCallsOf(refused)).toBe(3);
		// Two idle polls of each pipeline, before the next discovery.
		await failing.advance(130_000);
		await refused.advance(130_000);
		expect(tagCallsOf(failing)).toBeGreaterThanOrEqual(3 + 2 * 3);
		expect(tagCallsOf(refused)).toBe(3);
		// An answer that cannot be read: the pipelines keep the tags they had (none).
		expect(Object.values(refused.state().pipelines).map(entry => entry.tags)).toEqual([undefined, undefined, undefined]);
		// The service answers again: the next poll has the tags.
		failing.setFaults({});
		await failing.advance(61_000);
		expect(Object.values(failing.state().pipelines).map(entry => entry.tags)).toEqual([[], [], []]);
	} finally {
		await failing.close();
		await refused.close();
	}
});
