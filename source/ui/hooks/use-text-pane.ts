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
	/** Handles movement and search commands against the view's live entry; false for the rest. */
	handle(spec: CommandSpec, live: PaneState): boolean;
};

function moved(offset: number, movement: Movement, height: number, total: number): number {
	const page = Math.max(1, height - 1);
	const next = {up: offset - 1, down: offset + 1, pageUp: offset - page, pageDown: offset + page, top: 0, bottom: total}[movement];
	return clampOffset(next, height, total);
}

type PaneState = {offset: number; search?: string; follow?: boolean};

const offsetOf = (state: PaneState, height: number, total: number) =>
	state.follow ? Math.max(0, total - height) : clampOffset(state.offset, height, total);

export function useTextPane(rows: readonly string[], height: number, state: PaneState): TextPane {
	const {ui} = useServices();
	const total = rows.length;
	const offset = offsetOf(state, height, total);
	const matches = matchRows(rows, state.search);
	const search = state.search;
	// Jumping to a match stops following, or the log would pull the view away from it.
	const jump = (live: PaneState, to: number) => (live.follow === undefined ? {offset: to} : {offset: to, follow: false});

	// A new search jumps to its first match at or below the top line.
	useEffect(() => {
		if (!search) return;
		const found = matchRows(rows, search);
		const target = found.find(index => index >= offset) ?? found[0];
		if (target !== undefined) ui.dispatch({type: 'update', patch: jump(state, clampOffset(target, height, total))});
		else ui.dispatch({type: 'message', text: `not found: ${search}`, kind: 'error', at: Date.now()});
		// Only when the search itself changes.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [search]);

	return {
		offset,
		matches,
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
				const target = nextMatch(found, from, spec.command === 'nextMatch' ? 1 : -1);
				if (target === undefined) ui.dispatch({type: 'message', text: `not found: ${live.search}`, kind: 'error', at: Date.now()});
				else ui.dispatch({type: 'update', patch: jump(live, clampOffset(target, height, total))});
				return true;
			}
			return false;
		},
	};
}
