/**
 * Bindings that act on what is on screen without changing AWS: links and copying of what is
 * selected, jumps between what needs attention, the fleet's sort, and the `:` prompt's
 * completion and history. Kept apart from keymap.ts (as layer-bindings.ts is) so its table
 * stays one screen; they are keymap bindings like any other (help, docs/keys.md, the config).
 */
import type {CommandBinding} from './keymap.js';

export const actCommands = {
	Links: 'links',
	Copy: 'copy',
	NextAttention: 'nextAttention',
	PrevAttention: 'prevAttention',
	SortFleet: 'sortFleet',
	// At the `:` prompt.
	PromptComplete: 'promptComplete',
	PromptHistoryBack: 'promptHistoryBack',
	PromptHistoryForward: 'promptHistoryForward',
} as const;

/** Bindings every view with a selection holds. */
export const selectionCommands = ['links', 'copy'] as const;
/** Bindings of the views with a list of things that may fail or wait (the fleet, the grid). */
export const attentionCommands = ['nextAttention', 'prevAttention'] as const;
export const promptExtraCommands = ['promptComplete', 'promptHistoryBack', 'promptHistoryForward'] as const;

const needsPipeline = ({selection}: {selection: {pipelineKey?: string}}) => (selection.pipelineKey ? undefined : 'nothing selected');

export const actBindings: readonly CommandBinding[] = [
	{
		command: actCommands.Links,
		keys: ['o'],
		label: 'links',
		description: 'the AWS console links of what is selected (pipeline, execution, action, build, stack), whole and clickable; Enter copies one',
		hint: true,
		disabled: needsPipeline,
	},
	{
		command: actCommands.Copy,
		keys: ['y'],
		label: 'copy',
		description: 'copy the id, ARN, URL or commit of what is selected to the clipboard (OSC 52: over SSH and in tmux); a chooser when there are several',
		hint: true,
		disabled: needsPipeline,
	},
	{command: actCommands.NextAttention, keys: [']'], label: 'next failed', description: 'next failed or waiting item'},
	{command: actCommands.PrevAttention, keys: ['['], label: 'prev failed', description: 'previous failed or waiting item'},
	{command: actCommands.SortFleet, keys: ['>'], label: 'sort', description: 'sort the fleet by the next key: attention, age, name, account, region (shown in the header)'},
	{command: actCommands.PromptComplete, keys: ['tab'], label: 'complete', description: 'at the : prompt: complete the word or the name (twice: list the candidates)'},
	{command: actCommands.PromptHistoryBack, keys: ['up'], label: 'older', description: 'at the : prompt: the command typed before (this session)'},
	{command: actCommands.PromptHistoryForward, keys: ['down'], label: 'newer', description: 'at the : prompt: the command typed after'},
];
