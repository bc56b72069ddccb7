/**
 * `pipetop status --json` with the change feed on: the document says whether the feed carries the
 * changes or pipetop polls instead, which queue, and how old its last event is; pipelines of an
 * account no profile reads are in it, marked as seen through events.
 */

import {afterEach, expect, test} from 'vitest';
import type {StatusDocument} from '../../source/commands/status-snapshot.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {statusOn} from '../helpers/run-status.js';
import {feedScenario, TEAM} from '../sim/events/helpers/feed.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

test('status --json: the feed healthy, its queue and last event; a pipeline seen through events', async () => {
	fleet = await startFleetHarness({scenario: feedScenario(), start: false});
	const queueUrl = fleet.sim.eventQueues[0].url;
	// The events of this run wait in the queue for whoever reads it next.
	const id = fleet.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await fleet.advance(1_000);
	const result = await statusOn(fleet, {json: true, allProfiles: false, profile: 'tools', events: queueUrl});
	expect(result.stderr).toBe('');
	const document = JSON.parse(result.stdout) as StatusDocument;
	expect(document.feed).toMatchObject({queueUrl, health: 'healthy', fallback: false, error: null, retryAt: null, lastEventAgeSeconds: expect.any(Number)});
	expect(document.feed?.events).toBeGreaterThanOrEqual(1);
	expect(document.feed?.lastEventAgeSeconds).toBeLessThanOrEqual(5);
	expect(Date.parse(document.feed?.lastEventAt ?? '')).not.toBeNaN();
	const seen = document.pipelines.find(pipeline => pipeline.name === 'web');
	expect(seen).toMatchObject({key: `events:${TEAM.accountId}/eu-west-1/web`, seenThroughEvents: true, accountId: TEAM.accountId, latestExecution: {id, status: 'InProgress'}, stages: []});
});

test('status --json: a queue that refuses shows the feed in fallback with the reason; no feed: null', async () => {
	fleet = await startFleetHarness({scenario: feedScenario({refuse: true}), start: false});
	const queueUrl = fleet.sim.eventQueues[0].url;
	const refused = JSON.parse((await statusOn(fleet, {json: true, allProfiles: false, profile: 'tools', events: queueUrl})).stdout) as StatusDocument;
	expect(refused.feed).toMatchObject({queueUrl, health: 'failed', fallback: true, lastEventAt: null, lastEventAgeSeconds: null, events: 0});
	expect(refused.feed?.error?.code).toMatch(/AccessDenied/);
	const none = JSON.parse((await statusOn(fleet, {json: true})).stdout) as StatusDocument;
	expect(none.feed).toBeNull();
	expect(none.pipelines.every(pipeline => !pipeline.seenThroughEvents)).toBe(true);
});
