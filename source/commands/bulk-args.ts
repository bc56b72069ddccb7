import type {BulkCommand, BulkSpec} from '../actions/bulk-plan.js';
import {pinStepId} from '../actions/start.js';
import {directionStepId, reasonStepId} from '../actions/transition.js';
import type {GlobalFlags} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';

function need(value: string | undefined, flag: string, command: string): string {
	if (value === undefined || value.trim() === '') throw new UsageError(`${command}: ${flag} is required`);
	return value;
}

/** Flags that pick one pipeline's stage, action or execution make no sense across many. */
function refuseSingleFlags(command: string, flags: GlobalFlags, allowed: string[]): void {
	const single: Array<[string, unknown]> = [
		['--stage', flags.stage],
		['--action', flags.action],
		['--execution-id', flags.executionId],
		['--revision', flags.revision],
		['--client-request-token', flags.clientRequestToken],
		['--variable', flags.variable.length > 0 ? flags.variable : undefined],
	];
	for (const [flag, value] of single) {
		if (value !== undefined && !allowed.includes(flag)) throw new UsageError(`${command} --filter: ${flag} names one pipeline's part; with --filter each pipeline's own is used`);
	}
}

/**
 * `pipetop approve|retry|stop|start|transition --filter WORDS ...`: the same questions as the
 * single command, answered once for every target. Checked before anything is read (exit 2).
 */
export function parseBulkArgs(command: BulkCommand, args: string[], flags: GlobalFlags): BulkSpec {
	if (args.length > 0) throw new UsageError(`${command}: with --filter, name no PIPELINE (the filter chooses them; got ${args.join(' ')})`);
	switch (command) {
		case 'approve':
			refuseSingleFlags(command, flags, []);
			return {command, answers: {decision: flags.reject ? 'reject' : 'approve', summary: need(flags.summary, '--summary', command)}};
		case 'retry':
			refuseSingleFlags(command, flags, []);
			return {command, answers: {mode: flags.allActions ? 'all' : 'failed'}};
		case 'stop':
			refuseSingleFlags(command, flags, []);
			return {command, answers: {mode: flags.abandon ? 'abandon' : 'wait', reason: flags.reason ?? ''}};
		case 'start':
			refuseSingleFlags(command, flags, []);
			return {command, answers: {[pinStepId]: '-'}};
		case 'transition': {
			refuseSingleFlags(command, flags, ['--stage']);
			if (flags.enable === flags.disable) throw new UsageError('transition: give exactly one of --enable or --disable');
			const stagePattern = need(flags.stage, '--stage', command);
			if (flags.enable) return {command, stagePattern, answers: {[directionStepId]: 'enable'}};
			return {command, stagePattern, answers: {[directionStepId]: 'disable', [reasonStepId]: need(flags.reason, '--reason', command)}};
		}
	}
}

/** `pipetop freeze --stage PATTERN --reason TEXT`: disable the inbound transitions of the matching stages. */
export function parseFreezeArgs(args: string[], flags: GlobalFlags): BulkSpec {
	if (args.length > 0) throw new UsageError(`freeze: takes no PIPELINE (use --filter WORDS to choose pipelines; got ${args.join(' ')})`);
	refuseSingleFlags('freeze', flags, ['--stage']);
	const stagePattern = need(flags.stage, '--stage', 'freeze');
	return {command: 'transition', stagePattern, answers: {[directionStepId]: 'disable', [reasonStepId]: need(flags.reason, '--reason', 'freeze')}};
}
