/**
 * The per-call pipeline of the embedded service: target -> signature -> faults -> world ->
 * answer. Nothing thrown by the world (or by a bug here) may take the server down: it becomes a
 * 500 InternalFailure answer.
 */

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Clock} from '../../shared/clock.js';
import {SimError, type FaultOptions, type OperationContext, type SimWorld} from '../contract.js';
import {readBody} from './body.js';
import {FaultInjector, type Caller} from './faults.js';
import {retypeJson, truncateJson} from './malform.js';
import {misbehaveAnswer, unrenameInput} from './misbehave.js';
import {requestIdSequence} from './prng.js';
import {contentTypeOf, errorAnswer, internalFailure, parseJsonBody, parseTarget, serviceUnavailable, successAnswer, type WireAnswer} from './protocol.js';
import {isQueryRequest, parseQueryBody, QUERY_CONTENT_TYPE, queryAnswer, queryError} from './query.js';
import {verifySignature} from './sigv4.js';
import {SsoPortal} from './sso-portal.js';
import {StatsRecorder} from './stats.js';

export type FrontOptions = {world: SimWorld; clock: Clock; seed: number; faults?: FaultOptions};

/** Set PIPETOP_SIM_DEBUG=1 to see the stack of every internal failure on stderr. */
function debugEnabled(): boolean {
	const value = process.env.PIPETOP_SIM_DEBUG;
	return value !== undefined && value !== '' && value !== '0';
}

export class SimFront {
	readonly stats = new StatsRecorder();
	readonly faults: FaultInjector;
	/** The SSO portal on the same port: role credentials for profiles that log in with `sso_session`. */
	readonly sso: SsoPortal;
	private readonly world: SimWorld;
	private readonly nextRequestId: () => string;
	/** Pending latency waits and how to end each early (on stop). */
	private readonly latencyTimers = new Map<NodeJS.Timeout, () => void>();
	private readonly held = new Set<ServerResponse>();
	private stopped = false;

	constructor(options: FrontOptions) {
		this.world = options.world;
		this.faults = new FaultInjector(options.clock, options.seed, options.faults);
		this.nextRequestId = requestIdSequence(options.seed);
		this.sso = new SsoPortal(() => this.world.accounts(), options.seed);
	}

	/** The http 'request' listener. Never rejects. */
	readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
		if (this.sso.isPortalRequest(request)) {
			this.stats.request();
			this.sso.serve(request, response, this.nextRequestId());
			return;
		}
		this.serve(request, response).catch((error: unknown) => {
			this.logInternal(error);
			try {
				this.send(response, this.nextRequestId(), errorAnswer(internalFailure()), contentTypeOf(undefined));
			} catch {
				response.destroy();
			}
		});
	};

	/** Cancels pending latency waits and lets go of held calls (their sockets are closed by the server). */
	stop(): void {
		this.stopped = true;
		for (const [timer, resolve] of this.latencyTimers) {
			clearTimeout(timer);
			resolve();
		}
		this.latencyTimers.clear();
		for (const response of this.held) response.destroy();
		this.held.clear();
	}

	private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
		this.stats.request();
		const requestId = this.nextRequestId();
		// CloudFormation speaks Query (a form body, XML answers); the rest speak JSON with X-Amz-Target.
		const query = isQueryRequest(request.headers);
		let contentType = query ? QUERY_CONTENT_TYPE : contentTypeOf(undefined);
		const fail = (error: SimError) => this.send(response, requestId, query ? queryError(error, requestId) : errorAnswer(error), contentType);

		const target = query ? {service: 'cloudformation' as const, operation: ''} : parseTarget(request.headers['x-amz-target'] as string | undefined);
		if (target instanceof SimError) return fail(target);
		if (!query) contentType = contentTypeOf(target.service);
		if (!query) this.stats.operation(target.operation);
		// Every service here takes POST only; any path is accepted so the sim can sit behind a prefix.
		if (request.method !== 'POST') return fail(new SimError('UnknownOperationException', `${request.method} is not supported: use POST.`, 400));

		const body = await readBody(request);
		if (body === 'aborted') return;
		if (body === 'too-large') {
			response.setHeader('Connection', 'close');
			return fail(new SimError('SerializationException', 'The request body is too large.', 413));
		}
		const queryCall = query ? parseQueryBody(body) : undefined;
		if (queryCall instanceof SimError) return fail(queryCall);
		if (queryCall) {
			target.operation = queryCall.operation;
			this.stats.operation(target.operation);
		}

		const accounts = [...this.world.accounts(), ...this.sso.signingAccounts()];
		const caller = verifySignature({method: request.method, url: request.url ?? '/', headers: request.headersDistinct, body}, target.service, accounts, Date.now());
		if (caller instanceof SimError) return fail(caller);
		const session = this.sso.verdict(caller.accessKeyId, request.headersDistinct['x-amz-security-token']?.[0]);
		if (session === 'expired') return fail(new SimError('ExpiredTokenException', 'The security token included in the request is expired', 400));
		if (session === 'wrong-token') return fail(new SimError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400));
		const {account, region} = caller;
		this.stats.authenticated(account.accountId, region, target.operation);

		const faultCaller: Caller = {...target, accountId: account.accountId, profile: account.profile, region};
		const admission = this.faults.admit(faultCaller);
		if (admission.kind === 'hold') return this.hold(response);
		if (admission.kind === 'reject') {
			this.stats.count(admission.error.code === 'ThrottlingException' ? 'throttled' : 'denied');
			return fail(admission.error);
		}
		if (admission.latencyMs > 0) await this.wait(admission.latencyMs);
		if (this.stopped || response.destroyed) return;
		if (admission.then === 'drop') {
			this.stats.count('dropped');
			request.socket.destroy();
			return;
		}
		if (admission.then !== 'world') {
			this.stats.count('injectedServerErrors');
			return fail(admission.then === 'internal' ? internalFailure() : serviceUnavailable());
		}

		const parsed = queryCall ? queryCall.input : parseJsonBody(body);
		if (parsed instanceof SimError) return fail(parsed);
		// Renamed members, spoiled enums and damaged bodies are JSON faults: Query answers stay whole.
		const misbehave = query ? undefined : this.faults.misbehaviour(faultCaller);
		const input = unrenameInput(parsed, misbehave);
		const context: OperationContext = {service: target.service, accountId: account.accountId, region, accessKeyId: caller.accessKeyId, requestId, host: request.headers.host};
		this.stats.handled(target.operation);
		let result: unknown;
		try {
			// Awaited so that a world answering with a promise works as well as a synchronous one.
			result = await this.world.handle(context, target.operation, input);
		} catch (error) {
			if (error instanceof SimError) return fail(error);
			this.logInternal(error);
			return fail(internalFailure());
		}
		if (response.destroyed) return;
		if (admission.loseAnswer) {
			// Done, but the client never hears of it.
			this.stats.count('dropped');
			request.socket.destroy();
			return;
		}
		if (query) return this.send(response, requestId, queryAnswer(target.operation, result, requestId), contentType);
		if (misbehave) result = misbehaveAnswer(result ?? {}, misbehave, admission.spoilEnums ?? false);
		const text = JSON.stringify(result ?? {});
		if (admission.malform) {
			this.stats.count('malformed');
			return this.send(response, requestId, successAnswer(admission.malform === 'truncate' ? truncateJson(text) : retypeJson(result ?? {})), contentType);
		}
		this.send(response, requestId, successAnswer(text), contentType);
	}

	private send(response: ServerResponse, requestId: string, answer: WireAnswer, contentType: string): void {
		if (response.destroyed) return;
		if (response.headersSent) {
			// Half an answer is out (only a failure while writing gets here): end the connection.
			if (!response.writableEnded) response.destroy();
			return;
		}
		if (answer.status >= 300) this.stats.error(answer.headers['x-amzn-ErrorType'] ?? 'Unknown');
		response.writeHead(answer.status, {
			...answer.headers,
			'Content-Type': contentType,
			'Content-Length': Buffer.byteLength(answer.body),
			'x-amzn-RequestId': requestId,
		});
		response.end(answer.body);
	}

	/** Dead region: keep the call open, answer nothing; the client's timeout or stop() ends it. */
	private hold(response: ServerResponse): void {
		this.stats.count('held');
		if (this.stopped) {
			response.destroy();
			return;
		}
		this.held.add(response);
		response.on('close', () => this.held.delete(response));
	}

	/** Latency is real time: the wire is real even when the sim's clock is virtual. */
	private wait(ms: number): Promise<void> {
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				this.latencyTimers.delete(timer);
				resolve();
			}, ms);
			this.latencyTimers.set(timer, resolve);
		});
	}

	private logInternal(error: unknown): void {
		if (!debugEnabled()) return;
		const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
		process.stderr.write(`pipetop sim: internal failure: ${text}\n`);
	}
}
