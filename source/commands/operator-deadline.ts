/**
 * A headless action's overall time limit (--timeout, default 5 minutes) and what it says while
 * it waits. Under heavy throttling the engine keeps asking, politely, for as long as it takes:
 * a script or an operator at a terminal must hear why it waits, and get its shell back.
 */

import {UsageError} from '../config/usage-error.js';
import type {Clock, TimerHandle} from '../shared/clock.js';
import {reportProgress, seconds} from './progress.js';

const DEFAULT_TIMEOUT_S = 300;
/** The exit status of a command that gave up waiting (docs/actions.md). */
export const TIMED_OUT_EXIT = 4;

export type TimedOut = {timedOut: true; phase: string; elapsedMs: number; sent: boolean};

/** --timeout SECONDS: a positive number, at most a day. */
export function timeoutMs(value: number | undefined): number {
	if (value === undefined) return DEFAULT_TIMEOUT_S * 1000;
	if (!Number.isFinite(value) || value <= 0 || value > 86_400) throw new UsageError(`--timeout wants a number of seconds from 1 to 86400, not ${value}`);
	return value * 1000;
}

/** Names what the command waits for now; `undefined` while it waits for the operator (no progress lines over a prompt). */
export type SetPhase = (phase: string | undefined, options?: {sending?: boolean}) => void;

export async function withDeadline<T>(
	work: (setPhase: SetPhase) => Promise<T>,
	options: {clock: Clock; stderr: NodeJS.WritableStream; command: string; timeoutMs: number; extra?: () => string},
): Promise<T | TimedOut> {
	const {clock} = options;
	const started = clock.now();
	let phase: string | undefined = 'starting';
	let sent = false;
	const progress = reportProgress({
		clock,
		stderr: {write: (text: string) => (phase === undefined ? true : options.stderr.write(text))} as NodeJS.WritableStream,
		line: elapsed => `${options.command}: still waiting after ${seconds(elapsed)}: ${phase}${options.extra?.() ?? ''} (gives up after ${seconds(options.timeoutMs)}, --timeout)`,
	});
	let timer: TimerHandle | undefined;
	const deadline = new Promise<TimedOut>(resolve => {
		timer = clock.setTimer(() => resolve({timedOut: true, phase: phase ?? 'waiting for an answer at the prompt', elapsedMs: clock.now() - started, sent}), options.timeoutMs);
	});
	const running = work((next, flags) => {
		phase = next;
		if (flags?.sending) sent = true;
	});
	// Past the deadline the work is abandoned (the engine is stopped under it): its end is nobody's error.
	running.catch(() => undefined);
	try {
		return await Promise.race([running, deadline]);
	} finally {
		clock.clearTimer(timer);
		progress.stop();
	}
}

export function timedOutMessage(command: string, outcome: TimedOut): string {
	const what = outcome.sent
		? 'the request was sent and its outcome is unknown: look at the pipeline before trying again'
		: 'nothing was sent to AWS';
	return `${command}: gave up after ${seconds(outcome.elapsedMs)} (--timeout) while ${outcome.phase}: ${what}`;
}
