/**
 * The headless bulk actions: `pipetop approve|retry|stop|start|transition --filter WORDS`, and
 * freeze/unfreeze (commands/freeze.ts) on the same path. The pre-flight table first; without
 * --yes nothing is sent. With it, each target goes through the action layer one by one (its
 * checks, once-only sends, audit record), and the command exits 1 if any target sent failed.
 */
import {randomUUID} from 'node:crypto';
import type {Bootstrapped} from '../app/bootstrap.js';
import type {Command, CommandContext} from '../app/context.js';
import {planBulk, type BulkCommand, type BulkPlan, type BulkSpec} from '../actions/bulk-plan.js';
import {runBulk, type BulkResult} from '../actions/bulk-run.js';
import {bulkFailed, preflightLines, resultLines} from '../actions/bulk-table.js';
import {createActionLayer} from '../actions/create.js';
import {UsageError} from '../config/usage-error.js';
import type {Clock} from '../shared/clock.js';
import type {FleetState, PipelineKey} from '../store/types.js';
import {parseBulkArgs} from './bulk-args.js';
import {loadFiltered} from './bulk-session.js';
import type {OperatorCommandOptions} from './operator.js';
import {withOperatorApp} from './operator-app.js';
import type {SetPhase} from './operator-deadline.js';

/** One bulk job: its name, what it asks of each target, and what it does once the results are in. */
export type BulkJob = {
	name: string;
	spec(state: FleetState): BulkSpec;
	/** The targets among the pipelines the filter shows (default: all of them). */
	keys?(state: FleetState, shown: PipelineKey[]): PipelineKey[];
	/** Lines printed before the table (e.g. what the freeze record holds outside the selection). */
	notes?(state: FleetState): string[];
	/** After a run: e.g. write the freeze record. Returns lines to print. */
	after?(plan: BulkPlan, results: BulkResult[], now: number): Promise<string[]>;
};

function jsonTargets(plan: BulkPlan, results?: BulkResult[]) {
	return plan.rows.map((row, index) => {
		const result = results?.[index]?.result;
		const {target} = row;
		return {
			profile: target.profile,
			...(target.accountId ? {account: target.accountId} : {}),
			region: target.region,
			pipeline: target.pipelineName,
			...(target.stageName ? {stage: target.stageName} : {}),
			...(target.actionName ? {action: target.actionName} : {}),
			...(target.executionId ? {executionId: target.executionId} : {}),
			sends: row.sends,
			...(row.excluded ? {excluded: row.excluded} : {}),
			...(result ? {outcome: result.outcome, message: result.message, ...(result.code ? {errorCode: result.code} : {})} : {}),
		};
	});
}

export async function runBulkJob(context: CommandContext, app: Bootstrapped, job: BulkJob, options: OperatorCommandOptions & {clock: Clock}, setPhase: SetPhase): Promise<number> {
	const {flags, stdout} = context;
	setPhase('reading the fleet');
	const shown = await loadFiltered(app.engine, flags.filter ?? '');
	const state = app.engine.store.getState();
	const keys = job.keys ? job.keys(state, shown) : shown;
	const layer = createActionLayer(app, {via: 'cli', clock: options.clock, env: context.env, readOnlyFlag: flags.readOnly, ...(options.audit ? {audit: options.audit} : {})});
	const plan = planBulk(state, keys, job.spec(state), {id: randomUUID(), refusal: request => layer.disabledReason(request)});
	setPhase(undefined);
	const notes = job.notes?.(state) ?? [];
	if (plan.rows.length === 0) {
		const words = flags.filter ? `the filter "${flags.filter}"` : 'pipetop';
		throw new UsageError(`${job.name}: nothing to act on (${words} shows ${shown.length} pipeline${shown.length === 1 ? '' : 's'}${notes.length > 0 ? `; ${notes.join('; ')}` : ''})`);
	}
	if (!flags.yes) {
		if (flags.json) stdout.write(`${JSON.stringify({ok: true, command: job.name, sent: false, targets: jsonTargets(plan)})}\n`);
		else stdout.write(`${[...notes, ...preflightLines(plan), 'Nothing was sent: pass --yes to send.'].join('\n')}\n`);
		return 0;
	}
	if (!flags.json) stdout.write(`${[...notes, ...preflightLines(plan)].join('\n')}\n`);
	setPhase(`sending ${job.name} to each target in turn`, {sending: true});
	const results = await runBulk(layer, plan, {slot: sourceKey => app.engine.writeSlot?.(sourceKey) ?? Promise.resolve(() => undefined)});
	setPhase(undefined);
	const after = (await job.after?.(plan, results, options.clock.now())) ?? [];
	const failed = bulkFailed(results);
	if (flags.json) stdout.write(`${JSON.stringify({ok: !failed, command: job.name, sent: true, exitCode: failed ? 1 : 0, targets: jsonTargets(plan, results)})}\n`);
	else stdout.write(`${[...resultLines(results), ...after].join('\n')}\n`);
	return failed ? 1 : 0;
}

/** A bulk job as a subcommand: usage checked before anything is read, then the app, the deadline, the job. */
export function bulkJobCommand(name: string, makeJob: (context: CommandContext) => BulkJob, options: OperatorCommandOptions = {}): Command {
	return async context => {
		const job = makeJob(context);
		return withOperatorApp(context, name, options, (app, clock, setPhase) => runBulkJob(context, app, job, {...options, clock}, setPhase));
	};
}

/** `pipetop approve|retry|stop|start|transition --filter WORDS [...] [--yes]`. */
export function bulkCommand(name: BulkCommand, options: OperatorCommandOptions = {}): Command {
	return bulkJobCommand(
		name,
		context => {
			const spec = parseBulkArgs(name, context.args, context.flags);
			return {name, spec: () => spec};
		},
		options,
	);
}
