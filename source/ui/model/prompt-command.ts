/**
 * The `:` prompt: its words, parsed into prompt commands, so that what `:pipeline web` jumps to is
 * decided by a tested function. The table is the one place a word is declared: the parser, the
 * keymap's description of `:` (help, docs/keys.md) and the error for an unknown word read it.
 */
import type {Attention, FleetState, PipelineKey} from '../../store/types.js';

/** The keymap bindings a `:` word may stand for: run exactly as their key would. */
export type BindingWord = 'help' | 'sources' | 'quit';

export type PromptCommand =
	| {kind: 'profile'; name?: string}
	| {kind: 'region'; name?: string}
	| {kind: 'pipeline'; name: string}
	| {kind: 'commit'; revision: string}
	| {kind: 'attention'; attention: Attention}
	| {kind: 'all'}
	| {kind: 'binding'; command: BindingWord}
	| {kind: 'freeze'}
	| {kind: 'error'; message: string};

type PromptWord = {word: string; argument?: string; parse(argument: string | undefined): PromptCommand};

const binding = (command: BindingWord): PromptCommand => ({kind: 'binding', command});

/** Every `:` word, in the order help lists them. */
const promptWordTable: readonly PromptWord[] = [
	{word: 'profile', argument: 'NAME', parse: name => ({kind: 'profile', name})},
	{word: 'region', argument: 'NAME', parse: name => ({kind: 'region', name})},
	{word: 'pipeline', argument: 'NAME', parse: name => (name ? {kind: 'pipeline', name} : {kind: 'error', message: 'usage: :pipeline NAME'})},
	{word: 'commit', argument: 'REV', parse: revision => (revision ? {kind: 'commit', revision} : {kind: 'error', message: 'usage: :commit COMMIT|BRANCH|TAG'})},
	{word: 'failed', parse: () => ({kind: 'attention', attention: 'failed'})},
	{word: 'approvals', parse: () => ({kind: 'attention', attention: 'approval'})},
	{word: 'running', parse: () => ({kind: 'attention', attention: 'running'})},
	{word: 'sources', parse: () => binding('sources')},
	{word: 'all', parse: () => ({kind: 'all'})},
	{word: 'freeze', parse: () => ({kind: 'freeze'})},
	{word: 'help', parse: () => binding('help')},
	{word: 'quit', parse: () => binding('quit')},
];

/** Other spellings people type. */
const aliases: Record<string, string> = {approval: 'approvals', q: 'quit'};

const promptWords = promptWordTable.map(each => each.word);

/** `:profile NAME, :region NAME, ...`: the `:` binding's description. */
export function describePromptWords(): string {
	return promptWordTable.map(each => `:${each.word}${each.argument ? ` ${each.argument}` : ''}`).join(', ');
}

/** The words and what each takes after it, for Tab completion. */
export function promptWordList(): ReadonlyArray<{word: string; argument?: string}> {
	return promptWordTable;
}

/** The word a typed one stands for (exact, alias or unambiguous prefix), as the parser reads it. */
export function resolvePromptWord(typed: string): string | undefined {
	const lower = typed.toLowerCase();
	if (byWord.has(aliases[lower] ?? lower)) return aliases[lower] ?? lower;
	const matches = promptWords.filter(candidate => lower !== '' && candidate.startsWith(lower));
	return matches.length === 1 ? matches[0] : undefined;
}

const byWord = new Map(promptWordTable.map(each => [each.word, each]));

export function parsePromptCommand(text: string): PromptCommand {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	const lower = word.toLowerCase();
	const argument = rest.join(' ') || undefined;
	const exact = byWord.get(aliases[lower] ?? lower);
	if (exact) return exact.parse(argument);
	// Unambiguous prefixes work too (:pi web, :fail), as in vim.
	const matches = promptWords.filter(candidate => lower !== '' && candidate.startsWith(lower));
	if (matches.length === 1) return byWord.get(matches[0])!.parse(argument);
	if (lower === '') return {kind: 'error', message: 'empty command'};
	return {kind: 'error', message: `unknown command ":${word}" (try ${promptWords.map(name => `:${name}`).join(' ')})`};
}

export type PipelineMatch = {key: PipelineKey} | {candidates: PipelineKey[]} | undefined;

/**
 * The pipeline `:pipeline NAME` means: its key, or else the pipelines of that exact name
 * (case-insensitive), else those whose name contains it. One is the answer; several are
 * candidates to choose from (in the store's order, most urgent first), never a silent guess:
 * `orders` may be a production pipeline in another region.
 */
export function matchPipeline(state: FleetState, name: string, keys: readonly PipelineKey[] = state.order): PipelineMatch {
	const wanted = name.toLowerCase();
	const exact: PipelineKey[] = [];
	const partial: PipelineKey[] = [];
	for (const key of keys) {
		const entry = state.pipelines[key];
		if (!entry) continue;
		if (key.toLowerCase() === wanted) return {key};
		const candidate = entry.name.toLowerCase();
		if (candidate === wanted) exact.push(key);
		else if (candidate.includes(wanted)) partial.push(key);
	}
	const found = exact.length > 0 ? exact : partial;
	if (found.length === 0) return undefined;
	return found.length === 1 ? {key: found[0]} : {candidates: found};
}

/** The profiles (or regions) the fleet knows, for validating `:profile` and `:region`. */
export function knownValues(state: FleetState, field: 'profile' | 'region'): string[] {
	const values = new Set<string>();
	for (const key of state.sourceOrder) {
		const source = state.sources[key];
		if (source) values.add(source[field]);
	}
	return [...values];
}
