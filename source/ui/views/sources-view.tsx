/**
 * `S` or `:sources`: every profile and region, with the whole reason of a troubled one. The
 * cursor moves from source to source; Enter shows the fleet narrowed to the selected one.
 */
import {useMemo} from 'react';
import {useStore} from 'zustand';
import {useShallow} from 'zustand/react/shallow';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useItemRows} from '../hooks/use-item-list.js';
import {firstKeyLabel} from '../keymap.js';
import {sourcesLines} from '../render/sources-lines.js';
import {resolveCursor} from '../model/window.js';
import {sourceIds} from '../model/fleet-queries.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import {movementCommands, everywhereCommands} from '../keymap.js';

export type SourcesEntry = {kind: 'sources'} & Scroll;

function SourcesView({entry, width, height}: {entry: SourcesEntry; width: number; height: number}) {
	const {store, theme, keymap} = useServices();
	const now = useNow();
	const refreshKey = firstKeyLabel(keymap, 'refresh', theme.ascii);
	const state = useStore(store, useShallow(state => ({sources: state.sources, sourceOrder: state.sourceOrder, counters: state.counters, feed: state.feed})));
	const ids = useStore(store, sourceIds);
	const index = resolveCursor(ids, entry.cursor);
	const selectedKey = ids[index];
	const lines = useMemo(() => sourcesLines(state, width, now, theme, refreshKey, selectedKey), [state, width, now, theme, refreshKey, selectedKey]);

	const rows = useItemRows('sources', entry, lines, {
		selectedId: selectedKey,
		index,
		height,
		width,
		page: Math.max(1, Math.floor(height / 3)),
		live(current) {
			const liveIds = sourceIds(store.getState());
			return {ids: liveIds, from: resolveCursor(liveIds, current.cursor)};
		},
	});
	return <Rows height={height} lines={rows} />;
}

export const sourcesView = defineView<SourcesEntry>({
	kind: 'sources',
	title: 'sources',
	keys: [...movementCommands, 'open', ...everywhereCommands, 'sources'],
	component: SourcesView,
	selection(entry, _ui, fleet) {
		const ids = sourceIds(fleet);
		const sourceKey = ids[resolveCursor(ids, entry.cursor)];
		return {sourceKey, openUnavailable: sourceKey ? undefined : 'no source selected'};
	},
	position(entry, _ui, fleet) {
		const ids = sourceIds(fleet);
		return ids.length === 0 ? '' : `source ${resolveCursor(ids, entry.cursor) + 1}/${ids.length}`;
	},
});
