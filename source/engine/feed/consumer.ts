/**
 * The change feed's consumer: one long poll at a time on the queue (20 s, 10 messages), each
 * event deduplicated by id, dropped when older than what was read, else handed to the engine
 * (a targeted re-read), and every message deleted once applied. Its health is in the store
 * (`feed`): the engine polls idle pipelines only as a safety net while it is healthy, and at
 * the normal cadence while it is connecting, silent or failed.
 */

import {SQS_MAX_WAIT_SECONDS, type QueueApi, type QueueMessage} from '../../aws/index.js';
import type {Clock, TimerHandle} from '../../shared/clock.js';
import type {FleetUpdate} from '../../store/reducers.js';
import type {FeedState} from '../../store/feed-types.js';
import {toSourceError} from '../source-health.js';
import {parseFeedEvent, type FeedEvent} from './event.js';
import {Recent} from './recent.js';

export type FeedHost = {
	clock: Clock;
	api: QueueApi;
	emit(update: FleetUpdate): void;
	/** Re-reads the event's pipeline; false when what was read already includes the change. */
	apply(event: FeedEvent): boolean;
	/** The feed can (true) or cannot (false) be trusted to announce changes. */
	trusted(trusted: boolean): void;
	/** No event for this long while the queue answers: silent, poll as usual (0: never). */
	silenceMs: number;
	/** A call with no answer this long after its own wait is abandoned. */
	timeoutMs: number;
	/** Calls in flight (the deletes): counted with the engine's. */
	onCall(begin: boolean): void;
};

/** Ids and executions remembered: far more than arrive within SQS's redelivery window. */
const REMEMBERED = 10_000;
/** A failed queue is asked again after 5 s, doubling up to a minute. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;
/**
 * A throttled queue still answers and keeps every message: a short wait, not a failure (which
 * would put the whole fleet back on the polling cadence, as a bursty fleet on a rate-limited
 * account did every few seconds). Throttled for longer than this, it is failed after all.
 */
const THROTTLE_RETRY_MS = 250;
const MAX_THROTTLE_RETRY_MS = 4_000;
const THROTTLE_TOLERANCE_MS = 30_000;

export class FeedConsumer {
	private state: FeedState;
	private readonly seen = new Recent<true>(REMEMBERED);
	/** Per execution, the time of the newest change applied: an older one is already covered. */
	private readonly newest = new Recent<number>(REMEMBERED);
	private stopped = false;
	private controller: AbortController | undefined;
	private sleeper: {timer: TimerHandle; wake: () => void} | undefined;
	private failures = 0;
	private healthySince: number | undefined;
	/** Throttled calls in a row, and since when. */
	private throttles = 0;
	private throttledSince: number | undefined;
	/** Receives sent and ended, so a test on virtual time can tell a parked long poll from one in transit. */
	receivesSent = 0;
	receivesEnded = 0;

	constructor(private readonly host: FeedHost) {
		this.state = {health: 'connecting', queueUrl: host.api.spec.queueUrl, events: 0, duplicates: 0, outdated: 0};
	}

	start(): void {
		this.host.emit({type: 'feed', value: this.state});
		void this.run();
	}

	stop(): void {
		this.stopped = true;
		this.controller?.abort(Object.assign(new Error('engine stopped'), {name: 'AbortError'}));
		if (this.sleeper) {
			this.host.clock.clearTimer(this.sleeper.timer);
			this.sleeper.wake();
		}
		this.host.api.destroy();
	}

	get health(): FeedState['health'] {
		return this.state.health;
	}

	private async run(): Promise<void> {
		while (!this.stopped) {
			try {
				this.receivesSent++;
				let messages: QueueMessage[];
				try {
					// Until the queue answered once (at start, after a failure) no waiting: the header can say at once that it works.
					const wait = this.state.health === 'healthy' || this.state.health === 'silent' ? SQS_MAX_WAIT_SECONDS : 0;
					messages = await this.limited(wait * 1000 + this.host.timeoutMs, signal => this.host.api.receive(wait, {signal}));
				} finally {
					this.receivesEnded++;
				}
				if (this.stopped) return;
				const handles = messages.map(message => this.take(message));
				this.answered(messages.length > 0);
				if (handles.length > 0) await this.remove(handles);
				this.failures = this.throttles = 0;
				this.throttledSince = undefined;
			} catch (error) {
				if (this.stopped) return;
				await this.failed(error);
			}
		}
	}

	/** Applies one message's event (unless seen or outdated); returns its receipt handle for deletion. */
	private take(message: QueueMessage): string {
		const event = parseFeedEvent(message.body);
		if (!event) return message.receiptHandle;
		if (this.seen.get(event.id)) {
			this.state = {...this.state, duplicates: this.state.duplicates + 1};
			return message.receiptHandle;
		}
		this.seen.set(event.id, true);
		const execution = `${event.account}/${event.region}/${event.pipeline}#${event.executionId ?? ''}`;
		const newest = this.newest.get(execution);
		if ((newest !== undefined && event.time < newest) || !this.host.apply(event)) {
			this.state = {...this.state, outdated: this.state.outdated + 1};
			return message.receiptHandle;
		}
		if (newest === undefined || event.time > newest) this.newest.set(execution, event.time);
		this.state = {...this.state, events: this.state.events + 1, lastEventAt: this.host.clock.now()};
		return message.receiptHandle;
	}

	private async remove(handles: string[]): Promise<void> {
		this.host.onCall(true);
		try {
			await this.limited(this.host.timeoutMs, signal => this.host.api.deleteBatch(handles, {signal}));
		} finally {
			this.host.onCall(false);
		}
	}

	/** The queue answered: healthy, unless no event came for longer than the silence limit. */
	private answered(withEvents: boolean): void {
		const now = this.host.clock.now();
		this.healthySince ??= now;
		const lastSign = Math.max(this.state.lastEventAt ?? 0, this.healthySince);
		const silent = !withEvents && this.host.silenceMs > 0 && now - lastSign >= this.host.silenceMs;
		this.setState({...this.state, health: silent ? 'silent' : 'healthy', lastAnswerAt: now, error: undefined, retryAt: undefined});
	}

	private async failed(error: unknown): Promise<void> {
		const classified = this.host.api.classify(error);
		if (classified.kind === 'throttle' && this.toleratesThrottle()) {
			await this.sleep(Math.min(MAX_THROTTLE_RETRY_MS, THROTTLE_RETRY_MS * 2 ** this.throttles++));
			return;
		}
		const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
		this.failures++;
		this.healthySince = undefined;
		const now = this.host.clock.now();
		this.setState({...this.state, health: 'failed', error: toSourceError(classified), retryAt: now + wait});
		await this.sleep(wait);
	}

	/** A healthy feed stays so through throttles, up to THROTTLE_TOLERANCE_MS of nothing else. */
	private toleratesThrottle(): boolean {
		if (this.state.health !== 'healthy') return false;
		const now = this.host.clock.now();
		this.throttledSince ??= now;
		return now - this.throttledSince < THROTTLE_TOLERANCE_MS;
	}

	private async sleep(ms: number): Promise<void> {
		await new Promise<void>(resolve => {
			this.sleeper = {timer: this.host.clock.setTimer(resolve, ms), wake: resolve};
		});
		this.sleeper = undefined;
	}

	private setState(next: FeedState): void {
		const wasTrusted = this.state.health === 'healthy';
		this.state = next;
		this.host.emit({type: 'feed', value: next});
		if (wasTrusted !== (next.health === 'healthy')) this.host.trusted(next.health === 'healthy');
	}

	/** One call with a time limit on the engine's clock (virtual in tests), cancelled by stop(). */
	private async limited<R>(ms: number, send: (signal: AbortSignal) => Promise<R>): Promise<R> {
		const controller = new AbortController();
		this.controller = controller;
		const timer = this.host.clock.setTimer(() => controller.abort(Object.assign(new Error(`the events queue gave no answer within ${Math.round(ms / 1000)} s`), {name: 'TimeoutError'})), ms);
		try {
			return await send(controller.signal);
		} catch (error) {
			// Our own time limit: say so, rather than the SDK's "Request aborted".
			const reason: unknown = controller.signal.reason;
			throw reason instanceof Error && reason.name === 'TimeoutError' ? reason : error;
		} finally {
			this.host.clock.clearTimer(timer);
			if (this.controller === controller) this.controller = undefined;
		}
	}
}
