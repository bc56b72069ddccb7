/** The pipeline's declaration (GetPipeline) as indented JSON, scrollable and searchable. */
import {useApp} from 'ink';
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useTextPane} from '../hooks/use-text-pane.js';
import {useViewKeys} from '../hooks/use-view-keys.js';
import {openInPager} from '../pager.js';
import {clip} from '../render/lines.js';
import {highlight, textRows} from '../render/text-view.js';
import {paint} from '../render/theme.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {PipelineKey} from '../../store/types.js';
import {movementCommands, everywhereCommands, textCommands} from '../keymap.js';
import {selectionCommands} from '../act-bindings.js';

export type DefinitionEntry = {kind: 'definition'; key: PipelineKey; search?: string; /** The row of the current search match. */ match?: number} & Scroll;

function DefinitionView({entry, width, height}: {entry: DefinitionEntry; width: number; height: number}) {
	const {store, engine, ui, theme, env, now} = useServices();
	const {suspendTerminal} = useApp();
	const definition = useStore(store, state => state.definitions[entry.key]);
	const name = useStore(store, state => state.pipelines[entry.key]?.name ?? entry.key);
	// Tags are not part of the declaration (ListTagsForResource, read on the discovery cadence): one line under the title.
	const tags = useStore(store, state => state.pipelines[entry.key]?.tags);
	useEffect(() => {
		void engine.loadDefinition(entry.key).catch(() => undefined);
	}, [engine, entry.key]);
	const json = useMemo(() => (definition === undefined ? '' : JSON.stringify(definition, null, 2)), [definition]);
	const rows = useMemo(() => (json ? textRows(json, width) : []), [json, width]);
	const tagLine = tags && tags.length > 0 ? paint(clip([{text: 'tags ', dim: true}, {text: tags.map(tag => `${tag.key}=${tag.value}`).join('  ')}], width), theme) : undefined;
	const bodyHeight = Math.max(1, height - (tagLine ? 2 : 1));
	const pane = useTextPane(rows, bodyHeight, entry);
	useViewKeys('definition', (spec, current) => {
		if (pane.handle(spec, current)) return true;
		if (spec.command !== 'pager' || !json) return false;
		void openInPager(`${json}\n`, `${name}.json`, env, suspendTerminal).then(failure => {
			if (failure) ui.dispatch({type: 'message', text: failure, kind: 'error', at: now()});
		});
		return true;
	});
	const title = paint(
		clip(
			[
				{text: 'Definition of ', dim: true},
				{text: name, bold: true},
				{text: rows.length > 0 ? `  lines ${pane.offset + 1}-${Math.min(rows.length, pane.offset + bodyHeight)} of ${rows.length}` : '', dim: true},
				{text: entry.search ? `  search "${entry.search}": ${pane.matchLabel}` : '', color: 'yellow'},
			],
			width,
		),
		theme,
	);
	const shown = rows.slice(pane.offset, pane.offset + bodyHeight).map((row, index) => paint(highlight(row, entry.search, pane.offset + index === pane.current), theme));
	if (rows.length === 0) shown.push(paint([{text: 'reading the declaration…', dim: true}], theme));
	return <Rows height={height} lines={tagLine ? [title, tagLine, ...shown] : [title, ...shown]} />;
}

export const definitionView = defineView<DefinitionEntry>({
	kind: 'definition',
	title: 'definition',
	keys: [...movementCommands, ...everywhereCommands, 'sources', ...textCommands, ...selectionCommands],
	component: DefinitionView,
	selection: (entry, _ui, fleet) => ({pipelineKey: entry.key, lineCount: fleet.definitions[entry.key] === undefined ? 0 : 1, search: entry.search}),
});
