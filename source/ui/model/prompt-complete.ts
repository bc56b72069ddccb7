/**
 * Tab at the `:` prompt: the first word completes among the prompt's words, the second among
 * what that word takes (pipeline names, profiles, regions). One candidate completes whole; several
 * complete as far as they agree and are listed after the prompt.
 */
import type {FleetState} from '../../store/types.js';
import {knownValues, promptWordList, resolvePromptWord} from './prompt-command.js';

export type Completion = {text: string; /** The candidates, when more than one fits. */ candidates: string[]};

function commonPrefix(values: readonly string[]): string {
	if (values.length === 0) return '';
	let prefix = values[0];
	for (const value of values) while (!value.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
	return prefix;
}

/** What the word's argument may be: the fleet's names, profiles or regions (no duplicates). */
function argumentValues(word: string, state: FleetState): string[] {
	if (word === 'profile' || word === 'region') return knownValues(state, word);
	if (word !== 'pipeline') return [];
	return [...new Set(state.order.map(key => state.pipelines[key]?.name).filter((name): name is string => name !== undefined))];
}

function completeAmong(typed: string, values: readonly string[], before: string, spaceAfter: boolean): Completion {
	const lower = typed.toLowerCase();
	let found = values.filter(value => value.toLowerCase().startsWith(lower));
	// Names are matched anywhere, as :pipeline matches them: a part of the name finds them too.
	if (found.length === 0) found = values.filter(value => value.toLowerCase().includes(lower));
	if (found.length === 0) return {text: `${before}${typed}`, candidates: []};
	if (found.length === 1) return {text: `${before}${found[0]}${spaceAfter ? ' ' : ''}`, candidates: []};
	const prefix = commonPrefix(found);
	const completed = prefix.length > typed.length && prefix.toLowerCase().startsWith(lower) ? prefix : typed;
	return {text: `${before}${completed}`, candidates: found};
}

export function completePrompt(text: string, state: FleetState): Completion {
	const match = /^(\s*)(\S*)(\s+)?(.*)$/.exec(text)!;
	const [, lead, word, gap, rest] = match;
	if (gap === undefined) {
		const words = promptWordList();
		const withArgument = new Set(words.filter(each => each.argument).map(each => each.word));
		const completion = completeAmong(word, words.map(each => each.word), lead, false);
		// A word that takes a name gets its space, ready for the name.
		if (completion.candidates.length === 0 && withArgument.has(completion.text.trim())) return {text: `${completion.text} `, candidates: []};
		return completion;
	}
	const resolved = resolvePromptWord(word);
	if (!resolved) return {text, candidates: []};
	return completeAmong(rest, argumentValues(resolved, state), `${lead}${word}${gap}`, false);
}

/** The candidates as the status line lists them after the prompt. */
export function describeCandidates(candidates: readonly string[]): string {
	if (candidates.length === 0) return '';
	const shown = candidates.slice(0, 8).join(' ');
	return candidates.length > 8 ? `${shown} … (${candidates.length})` : shown;
}
