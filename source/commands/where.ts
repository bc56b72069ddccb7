/**
 * `pipetop where REV [--json]`: every pipeline whose recent executions carry the revision (a
 * commit id or a prefix of at least 4 hex digits, a branch or a tag), how far it got there, and
 * the revision each stage last ran. Reads the fleet once, then each pipeline's recent history and
 * whatever that points at, on demand under the request budget. Exit 0 found, 1 found nowhere (or
 * the fleet could not be read), 2 bad usage.
 */

import {bootstrap, type BootstrapOptions, type Bootstrapped} from '../app/bootstrap.js';
import {type Command, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {wantsAscii} from '../format/status.js';
import {RealClock} from '../shared/clock.js';
import {parseRevisionQuery, type RevisionQuery} from '../store/revisions/query.js';
import {gatherRevision} from '../store/revisions/wants.js';
import {loadedWithin} from './loaded-within.js';
import {failedSources} from './status-snapshot.js';
import {whereDocument, whereText} from './where-output.js';

const DEADLINE_MS = 120_000;

export type WhereOptions = BootstrapOptions & {
	deadlineMs?: number;
	/** An app bootstrapped by the caller (tests): used as is and left open. */
	app?: Bootstrapped;
};

/** The revision argument, or a usage error that says what is wrong with it. */
export function revisionArgument(raw: string | undefined, usage: string): RevisionQuery {
	if (raw === undefined) throw new UsageError(usage);
	const query = parseRevisionQuery(raw);
	if ('error' in query) throw new UsageError(query.error);
	return query;
}

export async function runWhere(context: CommandContext, options: WhereOptions = {}): Promise<number> {
	if (context.args.length !== 1) throw new UsageError('where needs exactly one REVISION: pipetop where COMMIT|BRANCH|TAG [--json]');
	const query = revisionArgument(context.args[0], 'where needs a REVISION');
	const clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {...options, clock}));
	try {
		for (const line of app.warnings) context.stderr.write(`pipetop: ${line}\n`);
		const loaded = await loadedWithin(app, clock, options.deadlineMs ?? DEADLINE_MS);
		const report = await gatherRevision(app.engine, query);
		const state = app.engine.store.getState();
		const failed = failedSources(state);
		const now = clock.now();
		if (context.flags.json) context.stdout.write(`${JSON.stringify(whereDocument(report, failed, now, loaded), null, 2)}\n`);
		else context.stdout.write(whereText(report, failed, now, wantsAscii(context.env)));
		return report.pipelines.length > 0 ? 0 : 1;
	} finally {
		if (!options.app) await app.close();
	}
}

export const whereCommand: Command = context => runWhere(context);
