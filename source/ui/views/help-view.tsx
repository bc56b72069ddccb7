/** `?`: every key binding of the view under it, from the keymap, with why a key does nothing now. */
import {useMemo} from 'react';
import {useStore} from 'zustand';
import {availabilityContext} from '../shell/availability.js';
import {useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useTextPane} from '../hooks/use-text-pane.js';
import {useViewKeys} from '../hooks/use-view-keys.js';
import {helpLines} from '../render/help.js';
import {clip} from '../render/lines.js';
import {paint} from '../render/theme.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {ViewKind} from './registry.js';
import {movementCommands, everywhereCommands} from '../keymap.js';

export type HelpEntry = {kind: 'help'; of: ViewKind} & Scroll;

function HelpView({entry, width, height}: {entry: HelpEntry; width: number; height: number}) {
	const {store, ui, keymap, theme, readOnly, views, configFile} = useServices();
	const uiState = useStore(ui, state => state);
	// Availability is asked of the view under the overlay: that is where the keys would act.
	const under = useMemo(() => ({...uiState, stack: uiState.stack.slice(0, -1)}), [uiState]);
	// The reasons as one string, so the overlay renders again only when one of them changes.
	const reasons = useStore(store, state => {
		const context = availabilityContext(entry.of, views.selectionFor(under, state), state, readOnly);
		return JSON.stringify(keymap.specs.map(spec => (spec.views.includes(entry.of) ? (spec.disabled?.(context) ?? null) : null)));
	});
	const lines = useMemo(() => {
		const byCommand = new Map(keymap.specs.map((spec, index) => [spec.command, (JSON.parse(reasons) as Array<string | null>)[index]]));
		const context = {view: entry.of, selection: {}, operatorReason: () => undefined};
		const specs = keymap.specs.map(spec => ({...spec, disabled: () => byCommand.get(spec.command) ?? undefined}));
		return helpLines({...keymap, specs}, entry.of, views.title(entry.of), context, theme.ascii, configFile);
	}, [reasons, keymap, entry.of, theme.ascii, views, configFile]);
	const rows = lines.map(line => paint(clip(line.segments, width), theme));
	const pane = useTextPane(rows, height, entry);
	useViewKeys('help', (spec, current) => pane.handle(spec, current));
	return <Rows height={height} lines={rows.slice(pane.offset, pane.offset + height)} />;
}

export const helpView = defineView<HelpEntry>({
	kind: 'help',
	title: 'help',
	keys: [...movementCommands, ...everywhereCommands],
	component: HelpView,
	selection: () => ({}),
});
