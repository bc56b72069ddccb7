/**
 * `pipetop watch --revision REV [PIPELINE...] [--filter WORDS] [--exit-status] [--json]`: follows,
 * in every pipeline that runs it (or those named, or those the filter words show), the newest
 * execution carrying the revision to its end, all at once, and then says how each ended. With
 * --exit-status: 0 only if every one succeeded, 1 if one failed, 2 if none failed but one was
 * stopped, superseded or cancelled. No execution carries it: one line, exit 1.
 */

import type {Bootstrapped} from '../app/bootstrap.js';
import type {CommandContext} from '../app/context.js';
import type {SourceApi} from '../aws/index.js';
import {UsageError} from '../config/usage-error.js';
import {DEFAULT_CALL_TIMEOUT_MS} from '../engine/defaults.js';
import type {Clock} from '../shared/clock.js';
import {filterOrder} from '../store/filter.js';
import type {PipelineRevision} from '../store/revisions/report.js';
import {gatherRevision} from '../store/revisions/wants.js';
import type {FleetState, PipelineKey} from '../store/types.js';
import {loadedWithin} from './loaded-within.js';
import {followExecution, type WatchEvent} from './watch-follow.js';
import {exitCodeFor, jsonEvent, textEvent, textStart, type WatchTarget} from './watch-output.js';
import {revisionArgument} from './where.js';

const DEADLINE_MS = 120_000;

type Outcome = {target: WatchTarget; status: string; failedAt?: string};

/** The pipelines to look in: those named (each must exist), narrowed by the filter words. */
function pipelinesToWatch(state: FleetState, names: string[], filter: string | undefined): PipelineKey[] {
	let keys = filterOrder(state.order, state.pipelines, filter ?? '', {});
	if (names.length > 0) {
		const missing = names.filter(name => !state.order.some(key => state.pipelines[key]?.name === name));
		if (missing.length > 0) throw new UsageError(`no pipeline named ${missing.map(name => `"${name}"`).join(', ')} in ${state.sourceOrder.join(', ') || 'any source'}`);
		keys = keys.filter(key => names.includes(state.pipelines[key].name));
	}
	return keys;
}

/** Where the execution stopped going well, from its events: "Build/Compile: the error". */
function noteFailure(outcome: Outcome, event: WatchEvent): void {
	if (event.type === 'action' && event.status === 'Failed') outcome.failedAt = `${event.stage}/${event.action}${event.error ? `: ${event.error.replace(/\s+/g, ' ')}` : ''}`;
	else if (event.type === 'stage' && event.status === 'Failed' && !outcome.failedAt) outcome.failedAt = event.stage;
}

function exitCodeOf(outcomes: Outcome[]): number {
	const codes = outcomes.map(outcome => exitCodeFor(outcome.status));
	return codes.includes(1) ? 1 : Math.max(0, ...codes);
}

function summaryLines(revision: string, outcomes: Outcome[]): string {
	const bad = outcomes.filter(outcome => outcome.status !== 'Succeeded');
	if (bad.length === 0) return `${revision}: all ${outcomes.length} executions succeeded\n`;
	const lines = [`${revision}: ${bad.length} of ${outcomes.length} executions did not succeed:`];
	for (const outcome of bad) lines.push(`  ${outcome.target.pipeline} (${outcome.target.source}) execution ${outcome.target.executionId}: ${outcome.status}${outcome.failedAt ? ` at ${outcome.failedAt}` : ''}`);
	return `${lines.join('\n')}\n`;
}

export async function watchRevision(context: CommandContext, app: Bootstrapped, clock: Clock, intervalMs: number): Promise<number> {
	const query = revisionArgument(context.flags.revision, 'watch --revision needs a REVISION');
	const json = context.flags.json;
	const write = (text: string) => context.stdout.write(text);
	await loadedWithin(app, clock, DEADLINE_MS);
	const keys = pipelinesToWatch(app.engine.store.getState(), context.args, context.flags.filter);
	const report = await gatherRevision(app.engine, query, keys);
	if (report.pipelines.length === 0) {
		context.stderr.write(`pipetop: watch: no recent execution of ${keys.length} pipelines carries ${query.text}\n`);
		return 1;
	}
	const follows = report.pipelines.map((pipeline: PipelineRevision) => {
		const newest = pipeline.executions[0];
		const source = app.engine.sourceOf(pipeline.key) ?? `${pipeline.profile}/${pipeline.region}`;
		const outcome: Outcome = {target: {pipeline: pipeline.name, source, executionId: newest.executionId}, status: newest.status};
		if (json) write(`${JSON.stringify({type: 'start', time: new Date(clock.now()).toISOString(), pipeline: pipeline.name, source, executionId: newest.executionId, status: newest.status, revision: query.text})}\n`);
		else write(textStart(outcome.target, newest.status, clock.now()));
		return followExecution({
			api: app.apiFor(source) as SourceApi,
			clock,
			pipeline: pipeline.name,
			executionId: newest.executionId,
			intervalMs,
			timeoutMs: DEFAULT_CALL_TIMEOUT_MS,
			onEvent: (event, at) => {
				noteFailure(outcome, event);
				write(json ? jsonEvent(outcome.target, event, at) : textEvent(event, at).replace(/^(\S+) {2}/, `$1  ${pipeline.name}  `));
			},
		}).then(
			status => {
				outcome.status = status;
				return outcome;
			},
			(error: unknown) => {
				const classified = app.apiFor(source)?.classify(error);
				outcome.status = 'Unknown';
				outcome.failedAt = classified ? `${classified.code}: ${classified.message}` : String(error);
				return outcome;
			},
		);
	});
	const outcomes = await Promise.all(follows);
	const code = context.flags.exitStatus ? exitCodeOf(outcomes) : 0;
	if (json) {
		const results = outcomes.map(outcome => ({pipeline: outcome.target.pipeline, source: outcome.target.source, executionId: outcome.target.executionId, status: outcome.status, failedAt: outcome.failedAt ?? null}));
		write(`${JSON.stringify({type: 'end', time: new Date(clock.now()).toISOString(), revision: query.text, results, exitCode: code})}\n`);
	} else write(summaryLines(query.text, outcomes));
	return code;
}
