/**
 * A view of multi-line items with a cursor (an execution's action executions, the sources): the
 * window that keeps the selected item whole in view, and the movement keys.
 */
import {useRef} from 'react';
import {useServices} from '../shell/services.js';
import {itemRows} from '../render/item-rows.js';
import type {Line} from '../render/lines.js';
import {itemRange, moveIndex, scrollToRange} from '../model/window.js';
import type {ViewEntry, ViewKind} from '../views/registry.js';
import {movementOf, useViewKeys} from './use-view-keys.js';

type ItemList<K extends ViewKind> = {
	/** The item each line belongs to. */
	items: ReadonlyArray<string | undefined>;
	selectedId: string | undefined;
	index: number;
	height: number;
	/** Items a page key moves over. */
	page: number;
	/** The item ids as the store holds them now, and the cursor's index among them. */
	live(entry: Extract<ViewEntry, {kind: K}>): {ids: ReadonlyArray<string | undefined>; from: number};
};

/** Returns the first line to show and the first line of the selected item. */
export function useItemList<K extends ViewKind>(view: K, entry: Extract<ViewEntry, {kind: K}>, list: ItemList<K>): {offset: number; first: number} {
	const {ui} = useServices();
	const [first, last] = itemRange(list.items, list.selectedId);
	// The lines above the first item (titles, summaries) stay in view while it is selected.
	const offset = scrollToRange(list.index === 0 ? 0 : first, last, entry.offset, list.height, list.items.length);
	// Where the list was scrolled to on screen: the next move starts from there.
	const scrolled = useRef(offset);
	scrolled.current = offset;
	useViewKeys(view, (spec, current) => {
		const movement = movementOf(spec.command);
		if (!movement) return false;
		const {ids, from} = list.live(current);
		const next = moveIndex(from, movement, ids.length, list.page);
		ui.dispatch({type: 'update', patch: {cursor: {index: next, id: ids[next]}, offset: scrolled.current}});
		return true;
	});
	return {offset, first};
}

/** The rows on screen of a list whose lines carry their item, the selected item's first line highlighted. */
export function useItemRows<K extends ViewKind>(
	view: K,
	entry: Extract<ViewEntry, {kind: K}>,
	lines: readonly Line[],
	list: Omit<ItemList<K>, 'items'> & {width: number},
): string[] {
	const {theme} = useServices();
	const {offset, first} = useItemList(view, entry, {...list, items: lines.map(each => each.item)});
	return itemRows(lines, {offset, height: list.height, first, selected: list.selectedId !== undefined}, list.width, theme);
}
