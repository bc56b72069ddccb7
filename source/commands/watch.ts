/**
 * `pipetop watch PIPELINE [--profile P] [--region R] [--execution-id ID] [--exit-status] [--json]`:
 * follows one execution (the latest, or the one named) to its end, printing each stage and action
 * change. With --exit-status the exit code says how it ended: 0 succeeded, 1 failed, 2 stopped,
 * superseded or cancelled. With --revision REV it follows every execution carrying that revision
 * instead (watch-revision.ts). Bad usage, an unknown pipeline or execution: one line, exit 2. AWS not
 * answering in a way waiting will not fix (access denied, expired credentials): one line, exit 1.
 */

import {bootstrap, type BootstrapOptions, type Bootstrapped} from '../app/bootstrap.js';
import {CallTimeoutError, type SourceApi} from '../aws/index.js';
import {type Command, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {DEFAULT_CALL_TIMEOUT_MS} from '../engine/defaults.js';
import {obj, str} from '../engine/map-util.js';
import {RealClock, type Clock} from '../shared/clock.js';
import {followExecution} from './watch-follow.js';
import {watchRevision} from './watch-revision.js';
import {exitCodeFor, jsonEnd, jsonEvent, jsonStart, textEvent, textStart, type WatchTarget} from './watch-output.js';

const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

export type WatchOptions = BootstrapOptions & {
	intervalMs?: number;
	/** An app bootstrapped by the caller (tests): used as is and left open. */
	app?: Bootstrapped;
};

/** The one source that has the pipeline; several or none is a usage error (unless a source failed). */
async function locate(app: Bootstrapped, name: string, clock: Clock): Promise<SourceApi> {
	const results = await Promise.all(
		app.sources.map(async ({spec}) => {
			const api = app.apiFor(spec.key) as SourceApi;
			const controller = new AbortController();
			const timer = clock.setTimer(() => controller.abort(new CallTimeoutError('GetPipeline', DEFAULT_CALL_TIMEOUT_MS)), DEFAULT_CALL_TIMEOUT_MS);
			try {
				await api.getPipeline(name, {signal: controller.signal});
				return {api, found: true as const};
			} catch (error) {
				const classified = api.classify(controller.signal.reason instanceof CallTimeoutError ? controller.signal.reason : error);
				return {api, found: false as const, missing: classified.kind === 'notFound', error: classified};
			} finally {
				clock.clearTimer(timer);
			}
		}),
	);
	const found = results.filter(result => result.found);
	if (found.length === 1) return found[0].api;
	if (found.length > 1) {
		const where = found.map(result => result.api.source.key).join(', ');
		throw new UsageError(`pipeline "${name}" exists in ${where}: pick one with --profile and --region`);
	}
	const failed = results.find(result => !result.found && !result.missing);
	if (failed && !failed.found) {
		const {error} = failed;
		throw new WatchFailure(`${failed.api.source.key}: ${error.code}: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
	}
	throw new UsageError(`pipeline "${name}" not found in ${app.sources.map(source => source.spec.key).join(', ')}`);
}

/** AWS could not be read: exit 1 with this line. */
class WatchFailure extends Error {}

async function pickExecution(api: SourceApi, name: string, requested: string | undefined): Promise<{id: string; status: string}> {
	if (requested) {
		try {
			const output = await api.getPipelineExecution(name, requested);
			return {id: requested, status: str(obj(output.pipelineExecution).status) ?? 'InProgress'};
		} catch (error) {
			if (api.classify(error).kind === 'notFound') throw new UsageError(`execution "${requested}" not found in pipeline "${name}" (${api.source.key})`);
			throw error;
		}
	}
	const output = await api.listPipelineExecutions({pipelineName: name, maxResults: 1});
	const latest = obj(output.pipelineExecutionSummaries?.[0]);
	const id = str(latest.pipelineExecutionId);
	if (!id) throw new WatchFailure(`pipeline "${name}" (${api.source.key}) has no executions yet`);
	return {id, status: str(latest.status) ?? 'InProgress'};
}

export async function runWatch(context: CommandContext, options: WatchOptions = {}): Promise<number> {
	if (context.flags.revision !== undefined) return runRevisionWatch(context, options);
	if (context.args.length !== 1) throw new UsageError('watch needs exactly one PIPELINE name: pipetop watch PIPELINE [--execution-id ID] [--exit-status] [--json]');
	const name = context.args[0];
	if (!PIPELINE_NAME.test(name)) throw new UsageError(`"${name}" is not a pipeline name (letters, digits, . @ - _; up to 100)`);
	const clock: Clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {...options, clock}));
	const write = (text: string) => context.stdout.write(text);
	let api: SourceApi | undefined;
	try {
		for (const warning of app.warnings) context.stderr.write(`pipetop: ${warning}\n`);
		api = await locate(app, name, clock);
		const execution = await pickExecution(api, name, context.flags.executionId);
		const target: WatchTarget = {pipeline: name, source: api.source.key, executionId: execution.id};
		const json = context.flags.json;
		write(json ? jsonStart(target, execution.status, clock.now()) : textStart(target, execution.status, clock.now()));
		const status = await followExecution({
			api,
			clock,
			pipeline: name,
			executionId: execution.id,
			intervalMs: options.intervalMs ?? app.settings.intervals.active,
			timeoutMs: DEFAULT_CALL_TIMEOUT_MS,
			onEvent: (event, at) => write(json ? jsonEvent(target, event, at) : textEvent(event, at)),
		});
		const code = context.flags.exitStatus ? exitCodeFor(status) : 0;
		if (json) write(jsonEnd(target, status, code, clock.now()));
		return code;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		if (error instanceof WatchFailure) {
			context.stderr.write(`pipetop: watch: ${error.message}\n`);
			return 1;
		}
		const classified = api?.classify(error);
		const line = classified ? `${classified.code}: ${classified.message}${classified.hint ? ` (${classified.hint})` : ''}` : String(error);
		context.stderr.write(`pipetop: watch: ${line}\n`);
		return 1;
	} finally {
		if (!options.app) await app.close();
	}
}

/** `watch --revision REV`: every execution that carries it (watch-revision.ts). */
async function runRevisionWatch(context: CommandContext, options: WatchOptions): Promise<number> {
	const clock: Clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {...options, clock}));
	try {
		for (const warning of app.warnings) context.stderr.write(`pipetop: ${warning}\n`);
		return await watchRevision(context, app, clock, options.intervalMs ?? app.settings.intervals.active);
	} finally {
		if (!options.app) await app.close();
	}
}

export const watchCommand: Command = context => runWatch(context);
