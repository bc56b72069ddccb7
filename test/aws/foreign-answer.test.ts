/**
 * An endpoint that implements only part of the API (moto's server answers HTTP 500 with an HTML
 * page for each operation it lacks): the failure names the operation and says what came back,
 * not a JSON parser's complaint. A real SDK client against a loopback HTTP server that answers
 * every call so (the moto test, test/e2e/moto-endpoint.test.ts, needs moto installed).
 */

import {createServer, type Server} from 'node:http';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {createSourceApi} from '../../source/aws/index.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {livelyScenario} from '../resilience/helpers/fleets.js';

let fleet: FleetHarness;
let server: Server;
let url = '';

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario({perSource: 1}), start: false});
	server = createServer((_request, response) => {
		response.writeHead(500, {'content-type': 'text/html; charset=utf-8'});
		response.end('<!doctype html>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
	server?.closeAllConnections();
	await new Promise(resolve => server?.close(resolve));
	await fleet?.close();
});

test('an HTML page with HTTP 500 for GetPipelineState: named by operation, not a parse error', async () => {
	const spec = fleet.sources[0].spec;
	const api = createSourceApi({...spec, endpoints: {...spec.endpoints, codepipeline: url}});
	try {
		const error = await api.getPipelineState('web').then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
		const classified = api.classify(error);
		expect(classified).toMatchObject({kind: 'malformed', code: 'MalformedResponse', httpStatus: 500});
		expect(classified.message).toBe('GetPipelineState: the endpoint answered HTTP 500 with text/html, not an AWS answer (an endpoint that does not implement GetPipelineState answers so)');
		// Not a source-level failure: the other operations of the source may well work.
		expect(classified.hint).toBeUndefined();
	} finally {
		api.destroy();
	}
});
