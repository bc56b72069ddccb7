/**
 * The listening socket of the embedded service. Its one extra job beyond node:http: stop()
 * really closes everything (keep-alive sockets, calls held by dead regions), so a test process
 * or the demo can exit the moment it is done.
 */

import {createServer, type Server} from 'node:http';
import type {Socket} from 'node:net';
import type {Clock} from '../../shared/clock.js';
import type {FaultOptions, SimWorld} from '../contract.js';
import {SimFront} from './front.js';

export type SimServerOptions = {world: SimWorld; clock: Clock; seed: number; host: string; port: number; faults?: FaultOptions};

export type SimServer = {front: SimFront; host: string; port: number; close(): Promise<void>};

export async function listenSim(options: SimServerOptions): Promise<SimServer> {
	const front = new SimFront({world: options.world, clock: options.clock, seed: options.seed, faults: options.faults});
	const server: Server = createServer({keepAlive: true}, front.listener);
	const sockets = new Set<Socket>();
	server.on('connection', socket => {
		front.stats.connection();
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// A client that sends garbage on the wire gets its socket closed; the server carries on.
	server.on('clientError', (_error, socket) => socket.destroy());

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> => {
		closing ??= new Promise<void>(resolve => {
			front.stop();
			server.close(() => resolve());
			server.closeAllConnections();
			for (const socket of sockets) socket.destroy();
		});
		return closing;
	};
	return {front, host: options.host, port, close};
}
