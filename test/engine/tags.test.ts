/**
 * Pipeline tags on the real engine against the embedded service: read with each pipeline's first
 * poll after the first load (never during it), then on the discovery cadence, never per poll.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {quietScenario} from './scenarios.js';

let fleet: FleetHarness;
const tagCalls = () => fleet.state().counters.callsByOperation.ListTagsForResource ?? 0;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo', intervals: {discovery: 300_000}});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	// The first load reads no tags; every pipeline is polled again within a minute (idle cadence).
	expect(tagCalls()).toBe(0);
	await fleet.advance(61_000);
});

afterAll(async () => {
	await fleet?.close();
});

test('a minute after the first load every pipeline has the tags the service holds', () => {
	const entry = Object.values(fleet.state().pipelines).find(candidate => candidate.name === 'payments-service-prod');
	expect(entry?.tags).toEqual([{key: 'team', value: 'payments'}, {key: 'env', value: 'prod'}]);
	expect(Object.values(fleet.state().pipelines).every(candidate => candidate.tags !== undefined)).toBe(true);
});

test('polls do not read tags; the next discovery does, and shows a change', async () => {
	const pipelines = fleet.state().counts.total;
	const first = tagCalls();
	expect(first).toBe(pipelines);
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
