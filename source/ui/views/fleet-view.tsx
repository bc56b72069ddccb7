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
import {attentionCommands, selectionCommands} from '../act-bindings.js';
import {resolveCursor} from '../model/window.js';
import {visibleOrder} from '../model/fleet-queries.js';
import {nextSort} from '../model/fleet-sort.js';
import {attentionDirection, fleetFlags, nothingToStepTo, stepToFlagged} from '../model/attention-step.js';

// Between the pipelines on screen and the painted lines in the subscribed text.
const separator = '\u0001';

export type FleetEntry = {kind: 'fleet'} & Scroll;

function FleetView({entry, width, height}: {entry: FleetEntry; width: number; height: number}) {
	const services = useServices();
	const {store, ui, theme} = services;
	const now = useNow();
	const filter = useStore(ui, state => state.filter);
	const scope = useStore(ui, state => state.scope);
	const sort = useStore(ui, state => state.sort);
	const marks = useStore(ui, state => state.marks);
	const frozen = useStore(ui, state => state.frozen);
	// A string: equal text, no render.
	const text = useStore(store, state => {
		const screen = fleetScreen(state, {filter, scope, sort, marks, frozen}, entry, {width, height}, now, theme);
		return `${screen.visible.join('\n')}${separator}${screen.lines.join('\n')}`;
	});
	const [visibleText, linesText] = text.split(separator);
	useFocusSync(visibleText === '' ? [] : visibleText.split('\n'));

	useViewKeys('fleet', (spec, current) => {
		if (spec.command === 'sortFleet') {
			const sort = nextSort(ui.getState().sort);
			ui.dispatch({type: 'setSort', sort});
			// The cursor stays on its pipeline (it keeps its id); the window follows it.
			ui.dispatch({type: 'message', text: `sorted by ${sort}`, kind: 'info', at: services.now()});
			return true;
		}
		if (spec.command === 'mark' || spec.command === 'markAll') {
			const keys = visibleOrder(store.getState(), ui.getState());
			const key = keys[resolveCursor(keys, current.cursor)];
			if (spec.command === 'markAll') ui.dispatch({type: 'markAll', keys});
			else if (key) ui.dispatch({type: 'toggleMark', key});
			return true;
		}
		const movement = movementOf(spec.command);
		const direction = attentionDirection(spec.command);
		if (!movement && !direction) return false;
		const {keys, index, offset, listHeight} = fleetScreen(store.getState(), ui.getState(), current, {width, height}, now, theme);
		const next = movement ? moveIndex(index, movement, keys.length, listHeight) : stepToFlagged(fleetFlags(store.getState(), keys), index, direction!);
		if (next === undefined) {
			ui.dispatch({type: 'message', text: nothingToStepTo, kind: 'error', at: services.now()});
			return true;
		}
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
	keys: [...movementCommands, 'open', ...everywhereCommands, 'filter', 'history', 'logs', 'why', 'definition', 'sources', 'approve', 'retry', 'stop', 'start', 'transition', 'mark', 'markAll', ...selectionCommands, ...attentionCommands, 'sortFleet'],
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
