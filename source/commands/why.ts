/**
 * `pipetop why PIPELINE [--execution-id ID] [--json]`: prints why the latest failed execution (or
 * the one named) failed, action by action, as the console's cause view shows it. Every read goes
 * through the engine, under its request budget. Exit 0 when the causes were printed (or nothing
 * failed), 1 when AWS could not be read, 2 on bad usage or an unknown pipeline or execution.
 */

import {bootstrap, type BootstrapOptions, type Bootstrapped} from '../app/bootstrap.js';
import {type Command, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {causeId} from '../engine/why/cause-id.js';
import {subjectOfRun} from '../engine/why/subject.js';
import {executionKeyOf} from '../format/keys.js';
import {RealClock} from '../shared/clock.js';
import type {FleetState, PipelineEntry} from '../store/types.js';
import {whyJson, whyText, type ExplainedAction} from './why-output.js';

const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

export type WhyOptions = BootstrapOptions & {app?: Bootstrapped};

function findPipeline(state: FleetState, name: string): PipelineEntry {
	const found = Object.values(state.pipelines).filter(entry => entry.name === name);
	if (found.length > 1) throw new UsageError(`pipeline "${name}" exists in ${found.map(entry => entry.sourceKey).join(', ')}: pick one with --profile and --region`);
	if (found.length === 0) throw new UsageError(`pipeline "${name}" not found in ${state.sourceOrder.join(', ') || 'any source'}`);
	return found[0];
}

export async function runWhy(context: CommandContext, options: WhyOptions = {}): Promise<number> {
	if (context.args.length !== 1) throw new UsageError('why needs exactly one PIPELINE name: pipetop why PIPELINE [--execution-id ID] [--json]');
	const name = context.args[0];
	if (!PIPELINE_NAME.test(name)) throw new UsageError(`"${name}" is not a pipeline name (letters, digits, . @ - _; up to 100)`);
	const clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {...options, clock}));
	const {engine} = app;
	const fail = (line: string) => {
		context.stderr.write(`pipetop: why: ${line}\n`);
		return 1;
	};
	try {
		for (const warning of app.warnings) context.stderr.write(`pipetop: ${warning}\n`);
		engine.start();
		await engine.whenLoaded();
		const entry = findPipeline(engine.store.getState(), name);
		let executionId = context.flags.executionId;
		if (!executionId) {
			await engine.loadHistory(entry.key);
			await engine.whenIdle();
			const history = engine.store.getState().histories[entry.key];
			if (history?.error) return fail(`${history.error.code}: ${history.error.message}`);
			executionId = history?.items.find(item => item.status === 'Failed')?.executionId;
			if (!executionId) {
				context.stdout.write(context.flags.json ? `${JSON.stringify({pipeline: name, source: entry.sourceKey, failedActions: []}, null, 2)}\n` : `${name} (${entry.sourceKey}): no failed execution in its recent history\n`);
				return 0;
			}
		}
		await engine.loadActionExecutions(entry.key, executionId, {force: true});
		await engine.whenIdle();
		const runs = engine.store.getState().actionExecutions[executionKeyOf(entry.key, executionId)];
		if (runs?.error) {
			if (/NotFound/.test(runs.error.code)) throw new UsageError(`execution "${executionId}" not found in pipeline "${name}" (${entry.sourceKey})`);
			return fail(`${runs.error.code}: ${runs.error.message}`);
		}
		const failed = (runs?.items ?? []).filter(run => run.status === 'Failed');
		const subjects = failed.map(run => subjectOfRun(entry, run, entry.stages.find(stage => stage.name === run.stageName)?.actions.find(action => action.name === run.actionName)));
		await Promise.all(subjects.map(subject => engine.readCause(subject)));
		// The engine writes the store a turn after its reads end.
		await engine.whenIdle();
		const causes = engine.store.getState().causes;
		const actions: ExplainedAction[] = subjects.map(subject => ({subject, state: causes[causeId(subject)]}));
		const history = engine.store.getState().histories[entry.key]?.items.find(item => item.executionId === executionId);
		const target = {pipeline: name, source: entry.sourceKey, executionId, status: history?.status ?? (failed.length > 0 ? 'Failed' : 'unknown')};
		context.stdout.write(context.flags.json ? whyJson(target, actions) : whyText(target, actions));
		return actions.every(action => action.state?.cause) ? 0 : 1;
	} finally {
		if (!options.app) await app.close();
	}
}

export const whyCommand: Command = context => runWhy(context);
