/**
 * Scrolling and searching a long text (logs, declaration): movement, n/N between matches, and
 * follow mode for logs (pinned to the end while on; moving up turns it off, G turns it back on).
 */
import {useEffect} from 'react';
import {useServices} from '../shell/services.js';
import {matchRows, nextMatch} from '../render/text-view.js';
import {clampOffset, type Movement} from '../model/window.js';
import type {CommandSpec} from '../keymap.js';
import {movementOf} from './use-view-keys.js';

export type TextPane = {
	offset: number;
	matches: number[];
	/** The row of the current match (n and N move it), undefined without one. */
	current?: number;
	/** "match 3 of 12", or "no match", for the view's title; empty without a search. */
	matchLabel: string;
	/** Handles movement and search commands against the view's live entry; false for the rest. */
	handle(spec: CommandSpec, live: PaneState): boolean;
};

function moved(offset: number, movement: Movement, height: number, total: number): number {
	const page = Math.max(1, height - 1);
	const next = {up: offset - 1, down: offset + 1, pageUp: offset - page, pageDown: offset + page, top: 0, bottom: total}[movement];
	return clampOffset(next, height, total);
}

type PaneState = {offset: number; search?: string; follow?: boolean; /** The current match's row. */ match?: number};

const offsetOf = (state: PaneState, height: number, total: number) =>
	state.follow ? Math.max(0, total - height) : clampOffset(state.offset, height, total);

export function useTextPane(rows: readonly string[], height: number, state: PaneState): TextPane {
	const {ui, now} = useServices();
	const total = rows.length;
	const offset = offsetOf(state, height, total);
	const matches = matchRows(rows, state.search);
	const search = state.search;
	// Jumping to a match stops following, or the log would pull the view away from it.
	const jump = (live: PaneState, match: number) => {
		const to = clampOffset(match, height, total);
		return live.follow === undefined ? {offset: to, match} : {offset: to, match, follow: false};
	};
	// The match n or N went to; before any (or once the text changed under it), the first on screen.
	const current = state.match !== undefined && matches.includes(state.match) ? state.match : (matches.find(index => index >= offset) ?? matches[0]);
	const matchLabel = !search ? '' : matches.length === 0 ? 'no match' : `match ${matches.indexOf(current!) + 1} of ${matches.length}`;

	// A new search jumps to its first match at or below the top line.
	useEffect(() => {
		if (!search) return;
		const found = matchRows(rows, search);
		const target = found.find(index => index >= offset) ?? found[0];
		if (target !== undefined) ui.dispatch({type: 'update', patch: jump(state, target)});
		else ui.dispatch({type: 'message', text: `not found: ${search}`, kind: 'error', at: now()});
		// Only when the search itself changes.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [search]);

	return {
		offset,
		matches,
		current,
		matchLabel,
		handle(spec, live) {
			const from = offsetOf(live, height, total);
			const movement = movementOf(spec.command);
			if (movement) {
				const next = moved(from, movement, height, total);
				const follow = live.follow === undefined ? undefined : movement === 'bottom' || (live.follow && next >= total - height);
				ui.dispatch({type: 'update', patch: follow === undefined ? {offset: next} : {offset: next, follow}});
				return true;
			}
			if (spec.command === 'follow' && live.follow !== undefined) {
				ui.dispatch({type: 'update', patch: {follow: !live.follow, offset: from}});
				return true;
			}
			if ((spec.command === 'nextMatch' || spec.command === 'prevMatch') && live.search) {
				const found = matchRows(rows, live.search);
				// From the current match, not the top line: at the end of the text the two differ.
				const at = live.match !== undefined && found.includes(live.match) ? live.match : from;
				const target = nextMatch(found, at, spec.command === 'nextMatch' ? 1 : -1);
				if (target === undefined) ui.dispatch({type: 'message', text: `not found: ${live.search}`, kind: 'error', at: now()});
				else ui.dispatch({type: 'update', patch: jump(live, target)});
				return true;
			}
			return false;
		},
	};
}
