/**
 * The admin endpoint of `pipetop sim --admin-port N`: a small HTTP API on loopback to change the
 * faults, end or renew the SSO session and read the call counts while the service runs, so
 * pipetop's resilience (or anyone's scripts) can be tried against a running service from outside.
 * It listens on 127.0.0.1 only, whatever --host says: it can break the service on purpose.
 *
 *   GET  /faults        the faults in force (JSON)
 *   PUT  /faults        replace them (a JSON object, `{}` = healthy); 400 with a message when bad
 *   GET  /stats         the call counts (see http/stats.ts) and the SSO portal's
 *   POST /stats/reset   start counting again
 *   POST /sso/expire    the SSO session ends (needs --sso-profiles)
 *   POST /sso/login     a new session, as `aws sso login` (needs --sso-profiles)
 */

import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {FaultInputError, parseFaults} from './fault-input.js';
import type {RunningSim} from './start.js';

export type AdminOptions = {
	sim: RunningSim;
	port: number;
	/** Ends and starts the SSO session (token cache included); undefined when the sim serves no SSO profiles. */
	sso?: {expire(): Promise<void>; login(): Promise<void>};
};

export type AdminServer = {url: string; close(): Promise<void>};

const MAX_BODY_BYTES = 1024 * 1024;

class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(`${JSON.stringify(body)}\n`);
}

async function readBody(request: IncomingMessage): Promise<string> {
	let size = 0;
	const chunks: Buffer[] = [];
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new AdminError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

async function route(options: AdminOptions, request: IncomingMessage): Promise<unknown> {
	const {sim} = options;
	const path = new URL(request.url ?? '/', 'http://admin').pathname;
	const call = `${request.method} ${path}`;
	switch (call) {
		case 'GET /faults':
			return sim.faults();
		case 'PUT /faults': {
			const faults = parseFaults(await readBody(request));
			sim.setFaults(faults);
			return sim.faults();
		}
		case 'GET /stats':
			return {...sim.stats(), sso: sim.sso.stats()};
		case 'POST /stats/reset':
			sim.resetStats();
			return {reset: true};
		case 'POST /sso/expire':
		case 'POST /sso/login': {
			if (!options.sso) throw new AdminError(409, 'this sim serves no SSO profiles: start it with --aws-dir DIR --sso-profiles NAMES --sso-home DIR');
			await (path === '/sso/expire' ? options.sso.expire() : options.sso.login());
			return {session: path === '/sso/expire' ? 'expired' : 'active'};
		}
		default:
			throw new AdminError(404, `no ${call}: try GET /faults, PUT /faults, GET /stats, POST /stats/reset, POST /sso/expire, POST /sso/login`);
	}
}

export async function startAdmin(options: AdminOptions): Promise<AdminServer> {
	const server = createServer((request, response) => {
		route(options, request).then(
			body => send(response, 200, body),
			(error: unknown) => {
				const status = error instanceof AdminError ? error.status : error instanceof FaultInputError ? 400 : 500;
				send(response, status, {message: error instanceof Error ? error.message : String(error)});
			},
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
