/**
 * The fleet filter: words separated by spaces, each a case-insensitive substring of the profile,
 * account, region, name or status; all must match; `!word` must not. `tag:KEY=VALUE` matches a
 * pipeline with that tag (key and value whole, any case), `tag:KEY` one with the key at all; tags
 * are read right after the first load, then on the discovery cadence (engine/tags.ts), so a
 * pipeline whose tags are not read yet matches none. Scopes (set by `:profile`, `:region`,
 * `:failed`, `:approvals`) narrow the list further with exact matches.
 */
import type {Attention, PipelineEntry, PipelineKey} from './types.js';
import {pipelineStatusWord} from '../format/status.js';

export type FilterTerm = {text: string; negate: boolean};

export type Scope = {profile?: string; region?: string; attention?: Attention};

export function parseFilter(text: string): FilterTerm[] {
	const terms: FilterTerm[] = [];
	for (const word of text.trim().toLowerCase().split(/\s+/)) {
		if (word === '' || word === '!') continue;
		terms.push(word.startsWith('!') ? {text: word.slice(1), negate: true} : {text: word, negate: false});
	}
	return terms;
}

// Entries are immutable (the engine replaces what changed), so each one's haystack is built once.
const haystacks = new WeakMap<PipelineEntry, string>();

function haystack(entry: PipelineEntry): string {
	let text = haystacks.get(entry);
	if (text === undefined) {
		text = [entry.profile, entry.accountId ?? '', entry.region, entry.name, pipelineStatusWord(entry), entry.attention]
			.join('\n')
			.toLowerCase();
		haystacks.set(entry, text);
	}
	return text;
}

/** `tag:KEY=VALUE` or `tag:KEY` (the term is lower case already). */
function hasTag(entry: PipelineEntry, term: string): boolean {
	const wanted = term.slice('tag:'.length);
	const equals = wanted.indexOf('=');
	const key = equals < 0 ? wanted : wanted.slice(0, equals);
	return (entry.tags ?? []).some(tag => tag.key.toLowerCase() === key && (equals < 0 || tag.value.toLowerCase() === wanted.slice(equals + 1)));
}

function matchesFilter(entry: PipelineEntry, terms: readonly FilterTerm[]): boolean {
	if (terms.length === 0) return true;
	const text = haystack(entry);
	for (const term of terms) {
		const found = term.text.startsWith('tag:') && term.text.length > 4 ? hasTag(entry, term.text) : text.includes(term.text);
		if (found === term.negate) return false;
	}
	return true;
}

function matchesScope(entry: PipelineEntry, scope: Scope): boolean {
	if (scope.profile !== undefined && entry.profile !== scope.profile) return false;
	if (scope.region !== undefined && entry.region !== scope.region) return false;
	if (scope.attention !== undefined && entry.attention !== scope.attention) return false;
	return true;
}

function isEmptyScope(scope: Scope): boolean {
	return scope.profile === undefined && scope.region === undefined && scope.attention === undefined;
}

/** The pipelines the fleet shows, in the store's attention order. Returns `order` itself when nothing narrows it. */
export function filterOrder(
	order: PipelineKey[],
	pipelines: Record<PipelineKey, PipelineEntry>,
	filter: string,
	scope: Scope,
): PipelineKey[] {
	const terms = parseFilter(filter);
	if (terms.length === 0 && isEmptyScope(scope)) return order;
	const out: PipelineKey[] = [];
	for (const key of order) {
		const entry = pipelines[key];
		if (entry && matchesScope(entry, scope) && matchesFilter(entry, terms)) out.push(key);
	}
	return out;
}

/** A predicate for "is this pipeline in view" under the current filter (notifications use it). */
export function viewPredicate(filter: string, scope: Scope): (entry: PipelineEntry) => boolean {
	const terms = parseFilter(filter);
	return entry => matchesScope(entry, scope) && matchesFilter(entry, terms);
}

/** Scope as words for the status line, e.g. "profile=prod failed". */
export function describeScope(scope: Scope): string {
	const parts: string[] = [];
	if (scope.profile !== undefined) parts.push(`profile=${scope.profile}`);
	if (scope.region !== undefined) parts.push(`region=${scope.region}`);
	if (scope.attention !== undefined) parts.push(scope.attention === 'approval' ? 'approvals' : scope.attention);
	return parts.join(' ');
}
