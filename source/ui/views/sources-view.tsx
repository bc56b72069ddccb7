/** `S` or `:sources`: every profile and region, with the whole reason of a troubled one. */
import {useMemo} from 'react';
import {useStore} from 'zustand';
import {useShallow} from 'zustand/react/shallow';
import {useNow, useServices} from '../app/services.js';
import {Rows} from '../components/rows.js';
import {displayKey} from '../input/keys.js';
import {useTextPane} from '../hooks/use-text-pane.js';
import {useViewKeys} from '../hooks/use-view-keys.js';
import {clip} from '../render/lines.js';
import {sourcesLines} from '../render/sources-lines.js';
import {paint} from '../render/theme.js';
import type {ViewEntry} from '../state/ui-store.js';

export function SourcesView({entry, width, height}: {entry: Extract<ViewEntry, {kind: 'sources'}>; width: number; height: number}) {
	const {store, theme, keymap} = useServices();
	const now = useNow();
	const refreshKey = displayKey(keymap.keysOf('refresh')[0] ?? 'R', theme.ascii);
	const state = useStore(store, useShallow(state => ({sources: state.sources, sourceOrder: state.sourceOrder, counters: state.counters})));
	const rows = useMemo(() => sourcesLines(state, width, now, theme, refreshKey).map(line => paint(clip(line.segments, width), theme)), [state, width, now, theme, refreshKey]);
	const pane = useTextPane(rows, height, entry);
	useViewKeys('sources', (spec, current) => pane.handle(spec, current));
	return <Rows height={height} lines={rows.slice(pane.offset, pane.offset + height)} />;
}
