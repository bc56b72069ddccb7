import {pinStepId, revisionStepId, variableStepId} from '../actions/start.js';
import {directionStepId, reasonStepId} from '../actions/transition.js';
import {conditionStepId} from '../actions/override.js';
import {rollbackTargetStepId} from '../actions/rollback.js';
import type {Answers, OperatorCommand} from '../actions/types.js';
import {type GlobalFlags} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';

/** The headless commands: every operator action. */
export type HeadlessCommand = OperatorCommand;

/** OverrideStageCondition's conditionType values (ON_FAILURE cannot be overridden). */
const conditionTypes = ['BEFORE_ENTRY', 'ON_SUCCESS'];

/** What a subcommand's arguments ask for: the selection and the dialog's answers. */
export type OperatorArgs = {
	pipelineName: string;
	stageName?: string;
	actionName?: string;
	executionId?: string;
	clientRequestToken?: string;
	answers: Answers;
};

function need(value: string | undefined, flag: string, command: string): string {
	if (value === undefined || value.trim() === '') throw new UsageError(`${command}: ${flag} is required`);
	return value;
}

/** `k=v` into its two halves; the value may itself hold `=`. */
function pair(value: string, flag: string): [string, string] {
	const at = value.indexOf('=');
	if (at <= 0) throw new UsageError(`${flag} wants NAME=VALUE, got "${value}"`);
	return [value.slice(0, at), value.slice(at + 1)];
}

/** Turns flags into answers. Everything checkable without AWS is checked here (exit 2). */
export function parseOperatorArgs(command: HeadlessCommand, args: string[], flags: GlobalFlags): OperatorArgs {
	if (args.length !== 1) throw new UsageError(`${command}: name exactly one PIPELINE (got ${args.length})`);
	const pipelineName = args[0];
	const executionId = flags.executionId;
	switch (command) {
		case 'approve':
			return {
				pipelineName,
				stageName: need(flags.stage, '--stage', command),
				actionName: need(flags.action, '--action', command),
				executionId,
				answers: {decision: flags.reject ? 'reject' : 'approve', summary: need(flags.summary, '--summary', command)},
			};
		case 'retry':
			return {pipelineName, stageName: need(flags.stage, '--stage', command), executionId, answers: {mode: flags.allActions ? 'all' : 'failed'}};
		case 'stop':
			return {pipelineName, executionId, answers: {mode: flags.abandon ? 'abandon' : 'wait', reason: flags.reason ?? ''}};
		case 'start': {
			const answers: Answers = {};
			for (const item of flags.variable) {
				const [name, value] = pair(item, '--variable');
				answers[variableStepId(name)] = value;
			}
			if (flags.revision) {
				const [actionName, revision] = pair(flags.revision, '--revision');
				answers[pinStepId] = actionName;
				answers[revisionStepId] = revision;
			} else {
				answers[pinStepId] = '-';
			}
			const token = flags.clientRequestToken;
			// StartPipelineExecution's own limits: 1-128 characters of [a-zA-Z0-9-]+.
			if (token !== undefined && !/^[a-zA-Z0-9-]{1,128}$/.test(token)) {
				throw new UsageError('--client-request-token wants 1-128 letters, digits or dashes');
			}
			return {pipelineName, clientRequestToken: token, answers};
		}
		case 'transition': {
			if (flags.enable === flags.disable) throw new UsageError('transition: give exactly one of --enable or --disable');
			const stageName = need(flags.stage, '--stage', command);
			if (flags.enable) return {pipelineName, stageName, answers: {[directionStepId]: 'enable'}};
			return {pipelineName, stageName, answers: {[directionStepId]: 'disable', [reasonStepId]: need(flags.reason, '--reason', command)}};
		}
		case 'rollback': {
			const stageName = need(flags.stage, '--stage', command);
			// Without --target-execution-id the plan's own default answers: the newest earlier success.
			const target = flags.targetExecutionId;
			return {pipelineName, stageName, answers: target === undefined ? {} : {[rollbackTargetStepId]: need(target, '--target-execution-id', command)}};
		}
		case 'override': {
			const stageName = need(flags.stage, '--stage', command);
			const conditionType = need(flags.conditionType, '--condition-type', command);
			if (!conditionTypes.includes(conditionType)) throw new UsageError(`override: --condition-type is one of ${conditionTypes.join(', ')} (got "${conditionType}")`);
			return {pipelineName, stageName, answers: {[conditionStepId]: conditionType}};
		}
	}
}
