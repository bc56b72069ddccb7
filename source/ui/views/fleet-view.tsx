/**
 * The fleet: every pipeline of every source, most urgent first. Only the rows on screen are
 * painted (each cached per pipeline entry), and the view renders again only when the text on
 * screen changes, so a 2,000-pipeline fleet costs what a screenful costs.
 */
import {useStore} from 'zustand';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useFocusSync} from '../hooks/use-focus-sync.js';
import {movementOf, useViewKeys} from '../hooks/use-view-keys.js';
import {moveIndex, scrollWindow} from '../model/window.js';
import {fleetScreen} from './fleet-screen.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import {fleetSelection} from '../model/selection.js';
import {movementCommands, everywhereCommands} from '../keymap.js';
import {resolveCursor} from '../model/window.js';
import {visibleOrder} from '../model/fleet-queries.js';

// Between the pipelines on screen and the painted lines in the subscribed text.
const separator = '\u0001';

export type FleetEntry = {kind: 'fleet'} & Scroll;

function FleetView({entry, width, height}: {entry: FleetEntry; width: number; height: number}) {
	const {store, ui, theme} = useServices();
	const now = useNow();
	const filter = useStore(ui, state => state.filter);
	const scope = useStore(ui, state => state.scope);
	// A string: equal text, no render.
	const text = useStore(store, state => {
		const screen = fleetScreen(state, {filter, scope}, entry, {width, height}, now, theme);
		return `${screen.visible.join('\n')}${separator}${screen.lines.join('\n')}`;
	});
	const [visibleText, linesText] = text.split(separator);
	useFocusSync(visibleText === '' ? [] : visibleText.split('\n'));

	useViewKeys('fleet', (spec, current) => {
		const movement = movementOf(spec.command);
		if (!movement) return false;
		const {keys, index, offset, listHeight} = fleetScreen(store.getState(), ui.getState(), current, {width, height}, now, theme);
		const next = moveIndex(index, movement, keys.length, listHeight);
		ui.dispatch({
			type: 'update',
			patch: {cursor: {index: next, id: keys[next]}, offset: scrollWindow(next, offset, listHeight, keys.length)},
		});
		return true;
	});

	return <Rows lines={linesText.split('\n')} height={height} />;
}

export const fleetView = defineView<FleetEntry>({
	kind: 'fleet',
	title: 'fleet',
	keys: [...movementCommands, 'open', ...everywhereCommands, 'filter', 'history', 'logs', 'why', 'definition', 'sources', 'approve', 'retry', 'stop', 'start'],
	component: FleetView,
	selection(entry, ui, fleet) {
		const keys = visibleOrder(fleet, ui);
		const key = keys[resolveCursor(keys, entry.cursor)];
		return fleetSelection(key === undefined ? undefined : fleet.pipelines[key]);
	},
	position(entry, ui, fleet) {
		const keys = visibleOrder(fleet, ui);
		if (keys.length === 0) return '';
		const shown = `${resolveCursor(keys, entry.cursor) + 1}/${keys.length}`;
		return keys.length === fleet.order.length ? shown : `${shown} of ${fleet.order.length} pipelines`;
	},
});
