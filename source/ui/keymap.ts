/**
 * The one table of key bindings. The dispatcher, the footer hints, the help overlay and
 * docs/keys.md are all generated from it, so what the console says a key does is what it does.
 * Config overrides (`keys` in the config file) are validated here.
 */
import type {OperatorCommand} from '../actions/types.js';
import {displayKey, normalizeKey} from './input/keys.js';
import {describePromptWords} from './model/prompt-command.js';
import {layerBindings, layerCommands, layerScopes, typingCommands, type LayerScope} from './layer-bindings.js';
import {whyBindings, whyCommands} from './why-bindings.js';
import {actBindings, actCommands} from './act-bindings.js';
import {needsPipeline, operatorBindings, operatorCommands} from './operator-bindings.js';
import type {Selection} from './model/selection.js';
import type {ViewKind} from './views/registry.js';

export const Command = {
	Up: 'up',
	Down: 'down',
	PageUp: 'pageUp',
	PageDown: 'pageDown',
	Top: 'top',
	Bottom: 'bottom',
	Open: 'open',
	Back: 'back',
	Quit: 'quit',
	ForceQuit: 'forceQuit',
	Help: 'help',
	Filter: 'filter',
	CommandMode: 'command',
	Refresh: 'refresh',
	History: 'history',
	Logs: 'logs',
	...whyCommands,
	Definition: 'definition',
	Sources: 'sources',
	Follow: 'follow',
	Search: 'search',
	NextMatch: 'nextMatch',
	PrevMatch: 'prevMatch',
	Pager: 'pager',
	...operatorCommands,
	...layerCommands,
	...actCommands,
} as const;

export type CommandName = (typeof Command)[keyof typeof Command];

/** Key scopes every view shares (a view lists them among its `keys`). */
export const movementCommands: readonly CommandName[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];
export const everywhereCommands: readonly CommandName[] = ['back', 'quit', 'forceQuit', 'help', 'command', 'refresh'];
export const textCommands: readonly CommandName[] = ['search', 'nextMatch', 'prevMatch', 'pager'];


/** What a binding's "disabled now" check sees. */
export type AvailabilityContext = {
	view: ViewKind;
	selection: Selection;
	/** The action layer's reason an operator command is refused now (read-only, nothing to approve...). */
	operatorReason: (command: OperatorCommand) => string | undefined;
};

/** A binding as the table declares it; which views it acts in is each view's own word (its key scope). */
export type CommandBinding = {
	command: CommandName;
	keys: string[];
	/** Footer label: one or two words. */
	label: string;
	/** Help and docs: one line. */
	description: string;
	/** Changes something in AWS: always behind a confirming dialog. */
	dangerous?: boolean;
	operator?: OperatorCommand;
	/** Shown in the footer when it applies (movement keys are not, to leave room). */
	hint?: boolean;
	/** Cannot be rebound (Ctrl-C must always quit). */
	fixed?: boolean;
	/** Why the command does nothing right now, or undefined when it applies. */
	disabled?: (context: AvailabilityContext) => string | undefined;
};

export type KeyScope = ViewKind | LayerScope;

/** A binding resolved against the views: the views (and layers) whose key scope holds it, in registry order. */
export type CommandSpec = CommandBinding & {views: readonly KeyScope[]};

/** Each view's key scope: the commands whose keys act in it (from the view registry). */
export type KeyScopes = Readonly<Record<ViewKind, readonly CommandName[]>>;

export const commandSpecs: readonly CommandBinding[] = [
	{command: Command.Up, keys: ['up', 'k'], label: 'up', description: 'move up'},
	{command: Command.Down, keys: ['down', 'j'], label: 'down', description: 'move down'},
	{command: Command.PageUp, keys: ['pgup', 'ctrl+u'], label: 'page up', description: 'one page up'},
	{command: Command.PageDown, keys: ['pgdn', 'ctrl+d'], label: 'page down', description: 'one page down'},
	{command: Command.Top, keys: ['g', 'home'], label: 'top', description: 'go to the top'},
	{command: Command.Bottom, keys: ['G', 'end'], label: 'bottom', description: 'go to the bottom'},
	{
		command: Command.Open,
		keys: ['enter'],
		label: 'open',
		description: 'open what is selected (pipeline, action execution, execution; a source: its pipelines)',
		hint: true,
		disabled: ({selection}) => selection.openUnavailable,
	},
	{command: Command.Back, keys: ['esc'], label: 'back', description: 'go back (in the fleet: clear the filter)', hint: true},
	{command: Command.Quit, keys: ['q'], label: 'quit', description: 'quit', hint: true},
	{command: Command.ForceQuit, keys: ['ctrl+c'], label: 'quit', description: 'quit, even from a dialog', fixed: true},
	{command: Command.Help, keys: ['?'], label: 'help', description: 'every key binding of this view', hint: true},
	{
		command: Command.Filter,
		keys: ['/'],
		label: 'filter',
		description: 'filter pipelines: words match profile, account, region, name, status; !word excludes',
		hint: true,
	},
	{
		command: Command.CommandMode,
		keys: [':'],
		label: 'command',
		description: `command: ${describePromptWords()}`,
		hint: true,
	},
	{command: Command.Refresh, keys: ['R'], label: 'refresh', description: 'read again now'},
	{
		command: Command.History,
		keys: ['e'],
		label: 'history',
		description: 'execution history of the pipeline',
		hint: true,
		disabled: needsPipeline,
	},
	{
		command: Command.Logs,
		keys: ['l'],
		label: 'logs',
		description: 'build log of the action (CodeBuild), or its summary and error',
		hint: true,
		disabled: ({selection}) => selection.logUnavailable,
	},
	...whyBindings,
	{
		command: Command.Definition,
		keys: ['d'],
		label: 'definition',
		description: "the pipeline's declaration",
		hint: true,
		disabled: needsPipeline,
	},
	{
		command: Command.Sources,
		keys: ['S'],
		label: 'sources',
		description: 'every profile and region: health, account, data age, and the whole reason a source fails',
	},
	{command: Command.Follow, keys: ['f'], label: 'follow', description: 'follow the log as it grows', hint: true},
	{command: Command.Search, keys: ['/'], label: 'search', description: 'search the text', hint: true},
	{
		command: Command.NextMatch,
		keys: ['n'],
		label: 'next',
		description: 'next match',
		disabled: ({selection}) => (selection.search ? undefined : 'no search (press /)'),
	},
	{
		command: Command.PrevMatch,
		keys: ['N'],
		label: 'previous',
		description: 'previous match',
		disabled: ({selection}) => (selection.search ? undefined : 'no search (press /)'),
	},
	{
		command: Command.Pager,
		keys: ['p'],
		label: 'pager',
		description: 'open the text in $PAGER',
		hint: true,
		disabled: ({selection}) => (selection.lineCount ? undefined : 'nothing to page yet'),
	},
	...operatorBindings,
	...layerBindings,
	...actBindings,
];

export class KeymapError extends Error {
	override readonly name = 'KeymapError';
}

export type Keymap = {
	specs: readonly CommandSpec[];
	/** Every view, in registry order. */
	views: readonly ViewKind[];
	/** The command a key runs in a view. */
	commandFor(key: string, view: KeyScope): CommandSpec | undefined;
	keysOf(command: CommandName): string[];
};

/** The keymap with the config file's overrides applied; throws KeymapError naming what is wrong. */
export function resolveKeymap(scopes: KeyScopes, overrides: Record<string, string | string[]> = {}): Keymap {
	const known = new Map(commandSpecs.map(spec => [spec.command as string, spec]));
	const views = Object.keys(scopes) as ViewKind[];
	const all: Record<KeyScope, readonly CommandName[]> = {...scopes, ...layerScopes};
	const inScopes = Object.keys(all) as KeyScope[];
	const specs: CommandSpec[] = commandSpecs.map(spec => ({
		...spec,
		keys: [...spec.keys],
		views: inScopes.filter(scope => all[scope].includes(spec.command)),
	}));
	for (const [name, value] of Object.entries(overrides)) {
		const spec = specs.find(candidate => candidate.command === name);
		if (!spec || !known.has(name)) {
			throw new KeymapError(`keys: unknown command "${name}" (commands: ${[...known.keys()].join(', ')})`);
		}
		if (spec.fixed) throw new KeymapError(`keys.${name}: cannot be rebound (Ctrl-C always quits)`);
		const wanted = Array.isArray(value) ? value : [value];
		if (wanted.length === 0) throw new KeymapError(`keys.${name}: give at least one key`);
		spec.keys = wanted.map(raw => {
			const key = typeof raw === 'string' ? normalizeKey(raw) : undefined;
			if (!key) {
				throw new KeymapError(
					`keys.${name}: ${JSON.stringify(raw)} is not a key (use one character, ctrl+LETTER, or enter, esc, up, down, left, right, pgup, pgdn, home, end, tab, backspace, delete, space)`,
				);
			}
			if (key === 'ctrl+c') throw new KeymapError(`keys.${name}: ctrl+c always quits and cannot be rebound`);
			if (typingCommands.has(spec.command) && isPrintable(key)) {
				throw new KeymapError(`keys.${name}: "${key}" would be typed, not pressed (use a named key or ctrl+LETTER)`);
			}
			// Enter finishes the last field: it must never also send.
			if (spec.command === 'dialogConfirm' && key === 'enter') throw new KeymapError(`keys.${name}: enter cannot send an action (it finishes the last field)`);
			return key;
		});
	}
	const table = new Map<string, CommandSpec>();
	for (const spec of specs) {
		for (const key of spec.keys) {
			for (const view of spec.views) {
				const slot = `${view}\u0000${key}`;
				const other = table.get(slot);
				if (other && other.command !== spec.command) {
					throw new KeymapError(`keys: "${key}" is bound to both ${other.command} and ${spec.command} in the ${view} view`);
				}
				table.set(slot, spec);
			}
		}
	}
	return {
		specs,
		views,
		commandFor: (key, view) => table.get(`${view}\u0000${key}`),
		keysOf: command => specs.find(spec => spec.command === command)?.keys ?? [],
	};
}

/** The keys of a binding as shown to a person, e.g. "↑ k". */
export function keyLabel(spec: CommandSpec, ascii = false): string {
	return spec.keys.map(key => displayKey(key, ascii)).join(' ');
}

/** A command's first key as shown to a person: what a hint names ("+3 more (S)", "R tries..."). */
export function firstKeyLabel(keymap: Keymap, command: CommandName, ascii = false): string {
	const key = keymap.keysOf(command)[0];
	return key === undefined ? '' : displayKey(key, ascii);
}

/** A key that types a character (one printable character, or space). */
function isPrintable(key: string): boolean {
	return key === 'space' || [...key].length === 1;
}

