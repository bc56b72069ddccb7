/**
 * The bindings that change AWS (approve, retry, stop, start, transition, rollback, override) and
 * the marks that aim them at several pipelines, kept out of keymap.ts (as act-bindings.ts is) so
 * its table stays one screen; keymap.ts spreads them into its commands and bindings, in this order.
 */
import type {OperatorCommand} from '../actions/types.js';
import type {AvailabilityContext, CommandBinding} from './keymap.js';

export const operatorCommands = {
	Approve: 'approve',
	Retry: 'retry',
	Stop: 'stop',
	Start: 'start',
	Transition: 'transition',
	Rollback: 'rollback',
	Override: 'override',
	Mark: 'mark',
	MarkAll: 'markAll',
} as const;

/** Why a binding of the selected pipeline does nothing now (no pipeline selected), or undefined. */
export const needsPipeline = ({selection}: AvailabilityContext) => (selection.pipelineKey ? undefined : 'no pipeline selected');
const operator =
	(command: OperatorCommand) =>
	(context: AvailabilityContext): string | undefined =>
		needsPipeline(context) ?? context.operatorReason(command);

export const operatorBindings: readonly CommandBinding[] = [
	...(
		[
			['approve', 'a', 'approve', 'review a waiting approval: approve or reject'],
			['retry', 'r', 'retry', 'retry the failed stage'],
			['stop', 's', 'stop', 'stop the execution'],
			['start', 'n', 'run', 'start a new execution'],
			['transition', 't', 'transition', "enable or disable the stage's inbound transition"],
			['rollback', 'b', 'rollback', 'roll the stage back to an earlier execution'],
			['override', 'O', 'override', "override the stage's condition"],
		] as const
	).map(
		([command, key, label, description]): CommandBinding => ({
			command,
			keys: [key],
			label,
			description,
			dangerous: true,
			operator: command,
			hint: true,
			disabled: operator(command),
		}),
	),
	{command: 'mark', keys: ['space'], label: 'mark', description: 'mark or unmark the row: a/r/s/n/t then act on every marked pipeline (Esc clears the marks)', hint: true, disabled: needsPipeline},
	{command: 'markAll', keys: ['*'], label: 'mark all', description: 'mark every row the filter shows'},
];
