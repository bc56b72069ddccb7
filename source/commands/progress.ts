/**
 * Says on stderr what a headless command is waiting for, once the wait has lasted a few
 * seconds: a first load of thousands of profiles, or a write stuck behind throttling, must not
 * look like a hung command. Nothing is printed for a wait shorter than `afterMs`.
 */

import type {Clock, TimerHandle} from '../shared/clock.js';

export type Progress = {stop(): void};

export function reportProgress(options: {clock: Clock; stderr: NodeJS.WritableStream; line: (elapsedMs: number) => string; afterMs?: number; everyMs?: number}): Progress {
	const {clock, stderr} = options;
	const started = clock.now();
	let timer: TimerHandle | undefined;
	const tick = () => {
		stderr.write(`pipetop: ${options.line(clock.now() - started)}\n`);
		timer = clock.setTimer(tick, options.everyMs ?? 10_000);
	};
	timer = clock.setTimer(tick, options.afterMs ?? 5000);
	return {
		stop() {
			clock.clearTimer(timer);
			timer = undefined;
		},
	};
}

export function seconds(ms: number): string {
	return `${Math.round(ms / 1000)} s`;
}
