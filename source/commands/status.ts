/**
 * `pipetop status [--json]`: reads the whole fleet once, prints it, exits. Exit 0 when every
 * source answered, 1 when some failed (what was read is still printed), 2 on bad usage/config.
 */

import {bootstrap, type BootstrapOptions, type Bootstrapped} from '../app/bootstrap.js';
import {type Command, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {RealClock} from '../shared/clock.js';
import type {FleetStore} from '../store/create.js';
import {reportProgress, seconds} from './progress.js';
import {buildStatusDocument, failedSources} from './status-snapshot.js';
import {wantsAscii} from '../format/status.js';
import {renderStatusText} from './status-text.js';

/** However slow the fleet, a snapshot is printed after this long (marked incomplete). */
const DEADLINE_MS = 120_000;

export type StatusOptions = BootstrapOptions & {
	deadlineMs?: number;
	/** An app bootstrapped by the caller (tests): used as is and left open. */
	app?: Bootstrapped;
};

export async function runStatus(context: CommandContext, options: StatusOptions = {}): Promise<number> {
	if (context.args.length > 0) throw new UsageError(`status takes no arguments (got "${context.args.join(' ')}")`);
	const clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {...options, clock}));
	try {
		for (const line of app.warnings) context.stderr.write(`pipetop: ${line}\n`);
		app.engine.start();
		const progress = reportProgress({
			clock,
			stderr: context.stderr,
			line: elapsed => {
				const sources = Object.values(app.engine.store.getState().sources);
				const answered = sources.filter(source => source.health !== 'loading').length;
				return `loading: ${answered} of ${sources.length} sources answered after ${seconds(elapsed)}`;
			},
		});
		let timer;
		const complete = await Promise.race([
			app.engine.whenLoaded().then(() => feedAnswered(app.engine.store)).then(() => true),
			new Promise<boolean>(resolve => {
				timer = clock.setTimer(() => resolve(false), options.deadlineMs ?? DEADLINE_MS);
			}),
		]);
		clock.clearTimer(timer);
		progress.stop();
		// whenLoaded resolves after the batch that completed the load was written: the store is current.
		const state = app.engine.store.getState();
		const now = clock.now();
		if (context.flags.json) context.stdout.write(`${JSON.stringify(buildStatusDocument(state, now, complete), null, 2)}\n`);
		else context.stdout.write(renderStatusText(state, now, wantsAscii(context.env)));
		return complete && failedSources(state).length === 0 ? 0 : 1;
	} finally {
		if (!options.app) await app.close();
	}
}

/** Once the change feed (if any) answered or failed once: the document then says which. */
function feedAnswered(store: FleetStore): Promise<void> {
	const done = () => store.getState().feed?.health !== 'connecting';
	if (done()) return Promise.resolve();
	return new Promise<void>(resolve => {
		const unsubscribe = store.subscribe(() => {
			if (!done()) return;
			unsubscribe();
			resolve();
		});
	});
}

export const statusCommand: Command = context => runStatus(context);
