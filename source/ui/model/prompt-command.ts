/**
 * Command mode (`:`): parsing and the pure parts of running a command, so that what `:pipeline
 * web` jumps to is decided by a tested function.
 */
import type {Attention, FleetState, PipelineKey} from '../../store/types.js';

export type ConsoleCommand =
	| {kind: 'profile'; name?: string}
	| {kind: 'region'; name?: string}
	| {kind: 'pipeline'; name: string}
	| {kind: 'attention'; attention: Attention}
	| {kind: 'all'}
	| {kind: 'sources'}
	| {kind: 'quit'}
	| {kind: 'help'}
	| {kind: 'error'; message: string};

const names: Record<string, (argument: string | undefined) => ConsoleCommand> = {
	profile: name => ({kind: 'profile', name}),
	region: name => ({kind: 'region', name}),
	pipeline: name => (name ? {kind: 'pipeline', name} : {kind: 'error', message: 'usage: :pipeline NAME'}),
	failed: () => ({kind: 'attention', attention: 'failed'}),
	approvals: () => ({kind: 'attention', attention: 'approval'}),
	approval: () => ({kind: 'attention', attention: 'approval'}),
	running: () => ({kind: 'attention', attention: 'running'}),
	all: () => ({kind: 'all'}),
	sources: () => ({kind: 'sources'}),
	quit: () => ({kind: 'quit'}),
	q: () => ({kind: 'quit'}),
	help: () => ({kind: 'help'}),
};

export const commandWords = ['profile', 'region', 'pipeline', 'failed', 'approvals', 'running', 'sources', 'all', 'help', 'quit'];

export function parseCommand(text: string): ConsoleCommand {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	const lower = word.toLowerCase();
	const argument = rest.join(' ') || undefined;
	const exact = names[lower];
	if (exact) return exact(argument);
	// Unambiguous prefixes work too (:pi web, :fail), as in vim.
	const matches = commandWords.filter(candidate => lower !== '' && candidate.startsWith(lower));
	if (matches.length === 1) return names[matches[0]](argument);
	if (lower === '') return {kind: 'error', message: 'empty command'};
	return {kind: 'error', message: `unknown command ":${word}" (try ${commandWords.map(name => `:${name}`).join(' ')})`};
}

/**
 * The pipeline `:pipeline NAME` means: an exact name first (case-insensitive), then the only
 * name containing it, then the most urgent one containing it (the store's order).
 */
export function findPipeline(state: FleetState, name: string, keys: readonly PipelineKey[] = state.order): PipelineKey | undefined {
	const wanted = name.toLowerCase();
	let partial: PipelineKey | undefined;
	for (const key of keys) {
		const entry = state.pipelines[key];
		if (!entry) continue;
		const candidate = entry.name.toLowerCase();
		if (candidate === wanted || key.toLowerCase() === wanted) return key;
		if (partial === undefined && candidate.includes(wanted)) partial = key;
	}
	return partial;
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
