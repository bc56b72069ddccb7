/**
 * The bindings of "why did it fail?" (the cause view), kept out of keymap.ts so that table stays
 * small; keymap.ts spreads them into its commands and bindings, in this order.
 */
import type {CommandBinding} from './keymap.js';

export const whyCommands = {
	Why: 'why',
	NextError: 'nextError',
	PrevError: 'prevError',
	FailedOnly: 'failedOnly',
} as const;

export const whyBindings: readonly CommandBinding[] = [
	{
		command: whyCommands.Why,
		keys: ['w'],
		label: 'why',
		description: 'why the action failed: the failed phase, resource, targets or log lines, and links',
		disabled: ({selection}) => selection.logUnavailable,
	},
	{command: whyCommands.NextError, keys: [']'], label: 'next error', description: 'the next error line', hint: true},
	{command: whyCommands.PrevError, keys: ['['], label: 'prev error', description: 'the previous error line'},
	{command: whyCommands.FailedOnly, keys: ['F'], label: 'failed part', description: 'show only the failed part (the failed phase or update), or everything again', hint: true},
];
