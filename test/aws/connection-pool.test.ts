/**
 * Sources share their connections (source/aws/connection-pool.ts): each source (a profile in a
 * region) had clients of its own with a pool of their own, so at rest, calls to one endpoint spread
 * over many profiles each found their own connection closed by the server and opened another
 * (on AWS a TLS handshake each). Real SDK clients of three profiles against the embedded service.
 */

import {afterAll, beforeAll, expect, test} from 'vitest';
import {createSourceApi, type SourceApi} from '../../source/aws/index.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness;
let apis: SourceApi[] = [];

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo', start: false});
});

afterAll(async () => {
	for (const api of apis) api.destroy();
	await fleet?.close();
});

test('calls of several profiles in turn to one endpoint go over one connection', async () => {
	const specs = fleet.sources.map(source => source.spec).filter(spec => spec.region === 'us-east-1');
	expect(new Set(specs.map(spec => spec.profile)).size).toBeGreaterThanOrEqual(3);
	apis = specs.map(spec => createSourceApi(spec));
	const before = fleet.sim.stats().connections;
	for (let round = 0; round < 5; round++) for (const api of apis) await api.listPipelines({});
	// One call at a time: one connection does, whichever profile signs the call.
	expect(fleet.sim.stats().connections - before).toBe(1);
});

test('a source letting go of its clients leaves the others their connection', async () => {
	const [first, ...others] = apis;
	await Promise.all(apis.map(api => api.listPipelines({})));
	const before = fleet.sim.stats();
	first.destroy();
	for (const api of others) await api.listPipelines({});
	const after = fleet.sim.stats();
	// No call failed on a connection taken away under it, and no new one was needed.
	expect(after.connections - before.connections).toBe(0);
	expect(after.requests - before.requests).toBe(others.length);
});
