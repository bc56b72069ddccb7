import type {Bootstrapped, BootstrapOptions} from '../app/bootstrap.js';
import type {CommandContext} from '../app/context.js';
import {RealClock, type Clock} from '../shared/clock.js';
import {TIMED_OUT_EXIT, timedOutMessage, timeoutMs, withDeadline, type SetPhase} from './operator-deadline.js';

/**
 * Boots the app for a headless action (one target or many), runs the work under the command's
 * --timeout with progress on stderr, and closes the app whatever happened.
 */
export async function withOperatorApp(
	context: CommandContext,
	name: string,
	options: Pick<BootstrapOptions, 'clock' | 'onBootstrapped'>,
	work: (app: Bootstrapped, clock: Clock, setPhase: SetPhase) => Promise<number>,
): Promise<number> {
	const limit = timeoutMs(context.flags.timeout);
	const {bootstrap} = await import('../app/bootstrap.js');
	const clock = options.clock ?? new RealClock();
	const {onBootstrapped} = options;
	const app = await bootstrap(context, {clock, ...(onBootstrapped && {onBootstrapped})});
	try {
		const throttled = () => {
			const count = app.engine.store.getState().counters.throttled;
			return count > 0 ? ` (${count} calls throttled so far)` : '';
		};
		const outcome = await withDeadline(setPhase => work(app, clock, setPhase), {clock, stderr: context.stderr, command: name, timeoutMs: limit, extra: throttled});
		if (typeof outcome === 'number') return outcome;
		const message = timedOutMessage(name, outcome);
		if (context.flags.json) context.stdout.write(`${JSON.stringify({ok: false, command: name, outcome: 'timeout', exitCode: TIMED_OUT_EXIT, message})}\n`);
		else context.stderr.write(`pipetop: ${message}\n`);
		return TIMED_OUT_EXIT;
	} finally {
		await app.close();
	}
}
