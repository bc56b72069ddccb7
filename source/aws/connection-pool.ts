/**
 * One pool of keep-alive connections for every SDK client of the process. Each source (a profile
 * in a region) has clients of its own, and each client used to have its own pool: with several
 * profiles in a region that is several pools to one endpoint, each used too rarely at rest to
 * find its connection still open (a server closes an idle one within seconds), so nearly every
 * call of a quiet fleet opened a new connection (on AWS, a TLS handshake too). A connection
 * carries no credentials (each request is signed on its own), so the clients of every profile
 * can share them. Measured in bench/feed.js (the idle console with the change feed).
 *
 * No socket limit per endpoint: the engine bounds the calls in flight per source (maxInFlight),
 * and the SDK's default of 50 would make sources of one endpoint queue behind each other.
 */

import {Agent as HttpAgent} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';

/**
 * An SDK client's destroy() destroys its handler's agents, and with them every connection on
 * them, other clients' calls in flight included: a shared agent ignores that.
 */
class SharedHttpAgent extends HttpAgent {
	override destroy(): void {}
}

class SharedHttpsAgent extends HttpsAgent {
	override destroy(): void {}
}

const options = {keepAlive: true, maxSockets: Infinity};
let agents: {httpAgent: SharedHttpAgent; httpsAgent: SharedHttpsAgent} | undefined;

/** The `requestHandler` setting for an SDK client: its own handler, on the process's connections. */
export function sharedConnections(): {httpAgent: HttpAgent; httpsAgent: HttpsAgent} {
	agents ??= {httpAgent: new SharedHttpAgent(options), httpsAgent: new SharedHttpsAgent(options)};
	return agents;
}
