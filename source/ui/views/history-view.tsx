/**
 * A pipeline's executions, newest first, one per line. The next page is asked for when the
 * cursor comes near the end of what is loaded, so history is paged on demand.
 */
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useFocusSync} from '../hooks/use-focus-sync.js';
import {movementOf, useViewKeys} from '../hooks/use-view-keys.js';
import {historyLayout, historyRow, historyTitles} from '../render/history-columns.js';
import {clip} from '../render/lines.js';
import {paint, type Segment} from '../render/theme.js';
import {moveIndex, resolveCursor, scrollWindow} from '../model/window.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {PipelineKey} from '../../store/types.js';
import {movementCommands, everywhereCommands} from '../keymap.js';
import {selectionCommands} from '../act-bindings.js';

/** How close to the end of the loaded page the cursor gets before the next page is read. */
const prefetchRows = 5;

export type HistoryEntry = {kind: 'history'; key: PipelineKey} & Scroll;

function HistoryView({entry, width, height}: {entry: HistoryEntry; width: number; height: number}) {
	const {store, engine, ui, theme} = useServices();
	const now = useNow();
	const paged = useStore(store, state => state.histories[entry.key]);
	const name = useStore(store, state => state.pipelines[entry.key]?.name ?? entry.key);
	useFocusSync(useMemo(() => [entry.key], [entry.key]));
	useEffect(() => {
		void engine.loadHistory(entry.key).catch(() => undefined);
	}, [engine, entry.key]);

	const items = paged?.items ?? [];
	const ids = useMemo(() => items.map(item => item.executionId), [items]);
	const listHeight = Math.max(1, height - 2);
	const index = resolveCursor(ids, entry.cursor);
	const offset = scrollWindow(index, entry.offset, listHeight, ids.length);

	const wantsMore = Boolean(paged?.nextToken) && !paged?.loading && index >= items.length - prefetchRows;
	useEffect(() => {
		if (wantsMore) void engine.loadHistory(entry.key, {more: true}).catch(() => undefined);
	}, [engine, entry.key, wantsMore]);

	useViewKeys('history', (spec, current) => {
		const movement = movementOf(spec.command);
		if (!movement) return false;
		const liveIds = (store.getState().histories[current.key]?.items ?? []).map(item => item.executionId);
		const from = resolveCursor(liveIds, current.cursor);
		const base = scrollWindow(from, current.offset, listHeight, liveIds.length);
		const next = moveIndex(from, movement, liveIds.length, listHeight);
		ui.dispatch({type: 'update', patch: {cursor: {index: next, id: liveIds[next]}, offset: scrollWindow(next, base, listHeight, liveIds.length)}});
		return true;
	});

	const layout = useMemo(() => historyLayout(width - 1), [width]);
	const title: Segment[] = [
		{text: 'History of ', dim: true},
		{text: name, bold: true},
		{text: paged?.loading ? '  loading…' : paged?.nextToken ? '  more below' : items.length > 0 ? '  all loaded' : '', dim: true},
	];
	const lines = [paint(clip(title, width), theme), paint([{text: ' '}, ...historyTitles(layout)], theme)];
	ids.slice(offset, offset + listHeight).forEach((_, position) => {
		const execution = items[offset + position];
		const selected = offset + position === index;
		// The marker stays outside the inverted row so the cursor reads without attributes too.
		const marker = selected ? paint([{text: theme.ascii ? '>' : '›'}], theme) : ' ';
		lines.push(marker + paint(historyRow(execution, layout, now, theme), theme, selected));
	});
	if (paged?.error) lines.push(paint([{text: `${paged.error.code}: ${paged.error.message}`, color: 'red'}], theme));
	else if (items.length === 0) lines.push(paint([{text: paged?.loading || !paged ? ' loading history…' : ' no executions yet', dim: true}], theme));
	return <Rows height={height} lines={lines} />;
}

export const historyView = defineView<HistoryEntry>({
	kind: 'history',
	title: 'history',
	keys: [...movementCommands, 'open', ...everywhereCommands, 'definition', 'sources', 'stop', 'start', ...selectionCommands],
	component: HistoryView,
	selection(entry, _ui, fleet) {
		const items = fleet.histories[entry.key]?.items ?? [];
		const ids = items.map(item => item.executionId);
		const executionId = ids[resolveCursor(ids, entry.cursor)];
		return {pipelineKey: entry.key, executionId, openUnavailable: executionId ? undefined : 'no execution selected'};
	},
	position(entry, _ui, fleet) {
		const paged = fleet.histories[entry.key];
		if (!paged || paged.items.length === 0) return '';
		const ids = paged.items.map(item => item.executionId);
		return `execution ${resolveCursor(ids, entry.cursor) + 1}/${ids.length}${paged.nextToken ? '+' : ''}`;
	},
});
