/**
 * Starts the embedded CodePipeline-compatible service in this process: what `pipetop --demo`,
 * `pipetop sim`, the tests and the benchmarks all use.
 */

import {RealClock, type Clock} from '../shared/clock.js';
import {writeAwsDir, type AwsDirFiles} from './aws-dir.js';
import type {EventQueueAddress, FaultOptions, SimWorld} from './contract.js';
import {listenSim} from './http/server.js';
import type {SimStats} from './http/stats.js';
import type {SsoPortal} from './http/sso-portal.js';

export type {SimStats} from './http/stats.js';

export type StartSimOptions = {
	world: SimWorld;
	/** The sim's time, used by the rate limiter (the world has its own reference). Default real time. */
	clock?: Clock;
	/** Seeds fault decisions and request ids. Default 1. */
	seed?: number;
	/** Default 127.0.0.1: the sim is never reachable from elsewhere unless asked. */
	host?: string;
	/** 0 (default) picks a free port. */
	port?: number;
	faults?: FaultOptions;
};

export type RunningSim = {
	/** Base URL for clients, e.g. http://127.0.0.1:45123 (a wildcard host is given as loopback). */
	url: string;
	port: number;
	world: SimWorld;
	/** Replaces the whole fault picture at runtime (`{}` = healthy); throws RangeError on nonsense. */
	setFaults(faults: FaultOptions): void;
	/** The faults in force (a copy). */
	faults(): FaultOptions;
	stats(): SimStats;
	resetStats(): void;
	/** The SSO portal served on the same port (see sso.ts for profiles, login and expiry). */
	sso: SsoPortal;
	/**
	 * The URL of the (first) queue CodePipeline's events reach (the scenario's `events`), e.g.
	 * http://127.0.0.1:45123/471120983365/pipetop-events; undefined when the scenario has no feed.
	 * Read it with the central account's keys (`eventQueues[0].profile`) in `eventQueues[0].region`.
	 */
	eventsQueueUrl: string | undefined;
	/** Every queue of the feed (one per console with `events.queueNames`), each with its URL. */
	eventQueues: Array<EventQueueAddress & {url: string}>;
	/** Writes AWS CLI/SDK config and credentials for every account, pointing at this sim. */
	writeAwsDir(dir: string): Promise<AwsDirFiles>;
	/** Closes every socket, including keep-alive ones and calls held by dead regions. */
	stop(): Promise<void>;
};

/** The host clients should dial: a wildcard listen address is reached through loopback. */
function dialHost(host: string): string {
	if (host === '0.0.0.0' || host === '') return '127.0.0.1';
	if (host === '::') return '[::1]';
	return host.includes(':') ? `[${host}]` : host;
}

export async function startSim(options: StartSimOptions): Promise<RunningSim> {
	const host = options.host ?? '127.0.0.1';
	const server = await listenSim({
		world: options.world,
		clock: options.clock ?? new RealClock(),
		seed: options.seed ?? 1,
		host,
		port: options.port ?? 0,
		faults: options.faults,
	});
	const url = `http://${dialHost(host)}:${server.port}`;
	const {front} = server;
	const eventQueues = (options.world.eventQueues?.() ?? []).map(queue => ({...queue, url: `${url}/${queue.accountId}/${queue.name}`}));
	return {
		eventQueues,
		eventsQueueUrl: eventQueues[0]?.url,
		url,
		port: server.port,
		world: options.world,
		setFaults: faults => front.faults.set(faults),
		faults: () => front.faults.get(),
		stats: () => front.stats.snapshot(),
		resetStats: () => front.stats.reset(),
		sso: front.sso,
		writeAwsDir: dir => writeAwsDir(dir, options.world.accounts(), url),
		stop: () => server.close(),
	};
}
