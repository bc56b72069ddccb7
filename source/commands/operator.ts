import {createInterface} from 'node:readline/promises';
import type {AuditSink} from '../actions/audit.js';
import type {BootstrapOptions} from '../app/bootstrap.js';
import {createActionLayer, type ActionAppParts} from '../actions/create.js';
import {answersWithDefaults, checkAnswers, type Plan} from '../actions/plan.js';
import type {ActionRequest, Answers} from '../actions/types.js';
import {type Command, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {RealClock} from '../shared/clock.js';
import {targetLines} from '../format/target.js';
import {parseOperatorArgs, type HeadlessCommand} from './operator-args.js';
import {exitCodeFor, reportJson, reportText, type OperatorReport} from './operator-output.js';
import {type SetPhase} from './operator-deadline.js';
import {withOperatorApp} from './operator-app.js';
import {locatePipeline} from './operator-session.js';

export type OperatorCommandOptions = Pick<BootstrapOptions, 'clock' | 'onBootstrapped'> & {
	/** Where attempts are recorded; default: the audit log file (config auditLog or XDG state). */
	audit?: AuditSink;
};

/** A flag that answers no question (a variable the pipeline does not declare) is a mistake, not a no-op. */
function unknownAnswers(plan: Plan, answers: Answers): string | undefined {
	const asked = plan.steps(answers).map(step => step.id);
	const variables = asked.filter(id => id.startsWith('var:')).map(id => id.slice(4));
	for (const id of Object.keys(answers)) {
		if (!id.startsWith('var:') || asked.includes(id)) continue;
		const declared = variables.length > 0 ? `it declares: ${variables.join(', ')}` : 'it declares none (variables need a V2 pipeline)';
		return `${plan.target.pipelineName} has no variable "${id.slice(4)}" (${declared})`;
	}
	return undefined;
}

/** Asks on the terminal; without a terminal the operator must have said --yes. */
async function confirmed(context: CommandContext, plan: Plan, summary: string): Promise<boolean> {
	if (context.flags.yes) return true;
	if (!context.stdin.isTTY) throw new UsageError('not asking without a terminal: pass --yes to act');
	const prompt = createInterface({input: context.stdin, output: context.stderr});
	try {
		context.stderr.write(`${targetLines(plan.target).join('\n')}\n`);
		const answer = await prompt.question(`${summary}? [y/N] `);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		prompt.close();
	}
}

function print(context: CommandContext, report: OperatorReport): number {
	if (context.flags.json) {
		context.stdout.write(reportJson(report));
	} else {
		const text = reportText(report);
		if (text.stdout) context.stdout.write(text.stdout);
		if (text.stderr) context.stderr.write(text.stderr);
	}
	return exitCodeFor(report.outcome);
}

async function act(context: CommandContext, app: ActionAppParts, name: HeadlessCommand, options: OperatorCommandOptions, setPhase: SetPhase): Promise<number> {
	const args = parseOperatorArgs(name, context.args, context.flags);
	setPhase(`finding pipeline ${args.pipelineName} and reading its state`);
	const key = await locatePipeline(app, args.pipelineName);
	const layer = createActionLayer(app, {
		via: 'cli',
		clock: options.clock ?? new RealClock(),
		env: context.env,
		// The flag is honoured here too, whatever the bootstrap made of it: read-only must never leak.
		readOnlyFlag: context.flags.readOnly,
		...(options.audit ? {audit: options.audit} : {}),
	});
	const request: ActionRequest = {command: name, pipelineKey: key, stageName: args.stageName, actionName: args.actionName, executionId: args.executionId, clientRequestToken: args.clientRequestToken};

	const blocked = async (reason: string): Promise<number> => {
		const result = await layer.refuse(request, reason, args.answers);
		return print(context, {command: name, outcome: 'blocked', result});
	};
	setPhase(`reading what ${name} needs from ${args.pipelineName}`);
	const prepared = await layer.prepare(request);
	if (!prepared.ok) return blocked(prepared.reason);
	const {plan} = prepared;
	const answers = answersWithDefaults(plan, args.answers);
	const problem = unknownAnswers(plan, answers) ?? checkAnswers(plan, answers);
	if (problem) return blocked(problem);
	const intent = plan.build(answers);
	setPhase(undefined);
	if (!(await confirmed(context, plan, intent.summary))) return blocked('cancelled at the prompt');
	setPhase(`waiting for AWS to answer the ${name} request`, {sending: true});
	const result = await layer.run(intent);
	return print(context, {command: name, outcome: result.outcome, target: intent.target, parameters: intent.parameters, result});
}

/**
 * `pipetop approve|retry|stop|start|transition PIPELINE ...`: the console's actions without the
 * console, through the same action layer (same checks, read-only rule, audit log, error words).
 */
export function operatorCommand(name: HeadlessCommand, options: OperatorCommandOptions = {}): Command {
	return async context => {
		// With --filter the command acts on every pipeline the filter shows (commands/bulk.ts).
		if (context.flags.filter !== undefined) return (await import('./bulk.js')).bulkCommand(name, options)(context);
		// Usage is checked before anything is read, so a typo costs no AWS call.
		parseOperatorArgs(name, context.args, context.flags);
		return withOperatorApp(context, name, options, (app, clock, setPhase) => act(context, app, name, {...options, clock}, setPhase));
	};
}
