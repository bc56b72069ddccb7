/**
 * One member of an answer in the wrong form (issue 18, item 11): an endpoint that is not AWS (moto
 * sends `created` as an ISO string) made the SDK throw the whole answer away, so no pipeline was
 * shown, and its message carried a hint for programmers. Now what can be read is shown, the member
 * that could not be read is named, and the SDK's hint never reaches the user. Real SDK clients
 * against the embedded service, which sends the named members with the wrong JSON type.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {createSourceApi, type CallEvent} from '../../source/aws/index.js';
import {salvage} from '../../source/aws/salvage.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {livelyScenario} from '../resilience/helpers/fleets.js';

let fleet: FleetHarness;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 2}), seed: 11, start: false, faults: {misbehave: {wrongTypes: ['created', 'updated', 'lastStatusChange']}}});
});

afterAll(async () => {
	await fleet?.close();
});

test('every pipeline is shown although `created`, `updated` and `lastStatusChange` cannot be read', async () => {
	fleet.engine.start();
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	const state = fleet.state();
	for (const source of Object.values(state.sources)) expect(source.error, source.key).toBeUndefined();
	const expected = fleet.world.pipelines().map(pipeline => `${pipeline.profile}/${pipeline.region}/${pipeline.name}`).sort();
	expect(Object.keys(state.pipelines).sort()).toEqual(expected);
	for (const entry of Object.values(state.pipelines)) {
		expect(entry.error, entry.key).toBeUndefined();
		expect(entry.fetchedAt, entry.key).toBeDefined();
	}
});

test('the call that met them names the members it could not read', async () => {
	const events: CallEvent[] = [];
	const source = fleet.sources[0].spec;
	const api = createSourceApi(source, {observe: event => events.push(event)});
	try {
		const listed = await api.listPipelines({});
		expect(listed.pipelines?.length).toBeGreaterThan(0);
		expect(listed.pipelines?.[0].name).toMatch(/^alpha-/);
		expect(events.at(-1)?.unreadable).toEqual(expect.arrayContaining(['pipelines[0].created', 'pipelines[0].updated']));
	} finally {
		api.destroy();
	}
});

test('a timestamp sent as an ISO string (as moto does) is read as the date it is, as the AWS CLI reads it', () => {
	const saved = salvage(JSON.stringify({pipelines: [{name: 'web', version: 1, created: '2026-03-01T10:00:00.000Z', updated: 1_772_359_200}]}));
	expect(saved?.unreadable).toEqual([]);
	expect(saved?.converted).toEqual(['pipelines[0].created']);
	const [pipeline] = saved?.output.pipelines as Array<Record<string, unknown>>;
	expect(pipeline).toEqual({name: 'web', version: 1, created: new Date('2026-03-01T10:00:00.000Z'), updated: 1_772_359_200});
});

test("an answer that cannot be read at all fails that source with the SDK's reason, never its hint for programmers", async () => {
	fleet.setFaults({malformedRate: 1});
	try {
		const api = createSourceApi(fleet.sources[0].spec);
		const failures: string[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			await api.listPipelines({}).then(
				() => undefined,
				(error: unknown) => failures.push(`${api.classify(error).code}: ${api.classify(error).message}`),
			);
		}
		api.destroy();
		expect(failures.length).toBeGreaterThan(0);
		for (const failure of failures) {
			expect(failure).toMatch(/^MalformedResponse: unreadable answer to ListPipelines: /);
			expect(failure).not.toMatch(/hidden field|\$response|Deserialization error/);
		}
	} finally {
		fleet.setFaults({});
	}
});
