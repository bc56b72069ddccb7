/**
 * Windowing: only the rows on screen are rendered. The offset moves as little as needed to keep
 * the cursor visible (like less and k9s), so the list does not jump under the operator's eyes.
 */

/** The first row to show so that `index` is visible, starting from the previous offset. */
export function scrollWindow(index: number, offset: number, height: number, total: number): number {
	if (height <= 0 || total <= height) return 0;
	let next = Math.min(Math.max(0, offset), total - height);
	if (index < next) next = index;
	else if (index >= next + height) next = index - height + 1;
	return Math.max(0, Math.min(next, total - height));
}

/** Clamps a scroll offset for free scrolling (text views with no cursor). */
export function clampOffset(offset: number, height: number, total: number): number {
	return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}

/** A cursor that follows an item by id when the list reorders, falling back to its last index. */
export type Cursor = {index: number; id?: string};

export function resolveCursor(ids: readonly string[], cursor: Cursor): number {
	if (ids.length === 0) return 0;
	if (cursor.id !== undefined) {
		// Cheap check first: most of the time the item has not moved.
		if (ids[cursor.index] === cursor.id) return cursor.index;
		const found = ids.indexOf(cursor.id);
		if (found !== -1) return found;
	}
	return Math.max(0, Math.min(cursor.index, ids.length - 1));
}

export type Movement = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/** The index a movement leads to in a list of `total` rows with `page` rows on screen. */
export function moveIndex(index: number, movement: Movement, total: number, page: number): number {
	if (total === 0) return 0;
	const step = Math.max(1, page - 1);
	const next = {
		up: index - 1,
		down: index + 1,
		pageUp: index - step,
		pageDown: index + step,
		top: 0,
		bottom: total - 1,
	}[movement];
	return Math.max(0, Math.min(total - 1, next));
}

/** The offset that shows lines first..last (the start wins when they do not all fit). */
export function scrollToRange(first: number, last: number, offset: number, height: number, total: number): number {
	if (first < 0) return clampOffset(offset, height, total);
	let next = offset;
	if (last >= next + height) next = last - height + 1;
	if (first < next) next = first;
	return clampOffset(next, height, total);
}

/** The first and last index of the lines belonging to an item. */
export function itemRange(items: ReadonlyArray<string | undefined>, id: string | undefined): [number, number] {
	if (id === undefined) return [-1, -1];
	const first = items.indexOf(id);
	if (first === -1) return [-1, -1];
	let last = first;
	while (last + 1 < items.length && items[last + 1] === id) last++;
	return [first, last];
}
