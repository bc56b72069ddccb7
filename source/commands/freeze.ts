/**
 * `pipetop freeze --stage PATTERN --reason TEXT [--filter WORDS] [--yes]` and `pipetop unfreeze
 * [--reason TEXT] [--filter WORDS] [--yes]`: bulk transition actions that remember what they did
 * (actions/freeze-record.ts), so unfreeze enables exactly what freeze disabled and leaves alone
 * the transitions someone else had disabled.
 */
import {directionStepId} from '../actions/transition.js';
import {frozenStages, freezeRecordPath, readFreezeRecord, recordFreeze, recordUnfreeze, writeFreezeRecord, type FreezeRecord} from '../actions/freeze-record.js';
import type {Command, CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {parseFreezeArgs} from './bulk-args.js';
import {bulkJobCommand, type BulkJob} from './bulk.js';
import type {OperatorCommandOptions} from './operator.js';

function recordPath(context: CommandContext): string {
	return freezeRecordPath(context.env, context.flags.demo);
}

function plural(n: number, what: string): string {
	return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function freezeJob(context: CommandContext): BulkJob {
	const spec = parseFreezeArgs(context.args, context.flags);
	const path = recordPath(context);
	return {
		name: 'freeze',
		spec: () => spec,
		async after(_plan, results, now) {
			const before = await readFreezeRecord(path);
			const record = recordFreeze(before, results, new Date(now).toISOString(), context.flags.reason ?? '');
			await writeFreezeRecord(path, record);
			const others = results.filter(item => item.row.alreadyDisabled).length;
			return [`Recorded in ${path}: ${plural(record.frozen.length, 'transition')} disabled by pipetop${others > 0 ? `; ${others} already disabled by someone else, left alone by unfreeze` : ''}.`];
		},
	};
}

function unfreezeJob(context: CommandContext, record: FreezeRecord): BulkJob {
	if (context.args.length > 0) throw new UsageError(`unfreeze: takes no PIPELINE (use --filter WORDS to choose pipelines; got ${context.args.join(' ')})`);
	if (context.flags.stage !== undefined) throw new UsageError('unfreeze: takes no --stage (it enables exactly the transitions freeze disabled)');
	const path = recordPath(context);
	const stages = frozenStages(record);
	return {
		name: 'unfreeze',
		spec: () => ({command: 'transition', stages, answers: {[directionStepId]: 'enable'}, ...(context.flags.reason ? {note: context.flags.reason} : {})}),
		keys: (_state, shown) => shown.filter(key => stages[key] !== undefined),
		notes(state) {
			const outside = record.frozen.filter(entry => !state.pipelines[entry.pipelineKey]).length;
			const lines = outside > 0 ? [`${plural(outside, 'frozen transition')} of pipelines outside this selection (other profiles or regions) left as they are.`] : [];
			if (record.alreadyDisabled.length > 0) lines.push(`Left alone (disabled by someone else, not by pipetop): ${plural(record.alreadyDisabled.length, 'transition')}.`);
			return lines;
		},
		async after(_plan, results) {
			const latest = recordUnfreeze(await readFreezeRecord(path), results);
			await writeFreezeRecord(path, latest);
			return latest.frozen.length > 0 ? [`Still frozen (in ${path}): ${plural(latest.frozen.length, 'transition')}.`] : ['Nothing is frozen by pipetop now.'];
		},
	};
}

export function freezeCommand(options: OperatorCommandOptions = {}): Command {
	return bulkJobCommand('freeze', freezeJob, options);
}

export function unfreezeCommand(options: OperatorCommandOptions = {}): Command {
	return async context => {
		const record = await readFreezeRecord(recordPath(context)).catch((error: Error) => {
			throw new UsageError(error.message);
		});
		if (record.frozen.length === 0) {
			context.stdout.write(`Nothing to unfreeze: pipetop has not disabled any transition (${recordPath(context)}).\n`);
			return 0;
		}
		return bulkJobCommand('unfreeze', command => unfreezeJob(command, record), options)(context);
	};
}
