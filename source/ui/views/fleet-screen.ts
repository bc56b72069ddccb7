/**
 * The fleet view's screen as a pure function of the stores: which pipelines are on screen and
 * their painted lines. The view subscribes to the resulting text, so a poll that changes
 * nothing visible (a newer fetchedAt, a pipeline scrolled out of view) costs no frame.
 */
import type {FleetState, PipelineEntry} from '../../store/types.js';
import {describeScope} from '../model/filter.js';
import {fleetLayout, fleetRow, fleetTitles, measureFleet, type FleetLayout} from '../render/fleet-columns.js';
import {fit} from '../render/text.js';
import {paint, type Theme} from '../render/theme.js';
import {resolveCursor, scrollWindow, type Cursor} from '../model/window.js';
import {visibleOrder, type FleetListing} from '../model/fleet-queries.js';
import type {UiState} from '../model/ui-store.js';

type RowCache = {layout: FleetLayout; now: number; theme: Theme; text: string};
const rowCache = new WeakMap<PipelineEntry, RowCache>();

/** The first column of a row: the cursor, a mark (Space) or a freeze, in that order. */
export type RowMark = 'marked' | 'frozen' | undefined;

function markSegment(mark: RowMark, theme: Theme): string {
	// `#` for a freeze: one cell in every terminal, and no status glyph uses it.
	return mark === 'marked' ? paint([{text: '*', color: 'yellow', bold: true}], theme) : paint([{text: '#', color: 'cyan'}], theme);
}

/** A pipeline's painted line, cached until the entry, the layout or the second changes. */
function fleetLine(entry: PipelineEntry, layout: FleetLayout, now: number, theme: Theme, selected: boolean, mark?: RowMark): string {
	if (selected) {
		// The selected row is painted again, inverted, with a marker that reads without attributes.
		return (mark === 'marked' ? markSegment(mark, theme) : paint([{text: theme.ascii ? '>' : '›'}], theme)) + paint(fleetRow(entry, layout, now, theme), theme, true);
	}
	let cached = rowCache.get(entry);
	if (!cached || cached.layout !== layout || cached.now !== now || cached.theme !== theme) {
		cached = {layout, now, theme, text: ` ${paint(fleetRow(entry, layout, now, theme), theme)}`};
		rowCache.set(entry, cached);
	}
	// The mark replaces the row's leading space; the row itself stays cached.
	return mark ? markSegment(mark, theme) + cached.text.slice(1) : cached.text;
}

let lastLayout: {width: number; profileWidth: number; regionWidth: number; maxStages: number; layout: FleetLayout} | undefined;

/** One layout object per width and measure, so cached rows stay valid across frames. */
function fleetLayoutFor(state: FleetState, width: number): FleetLayout {
	// The store keeps the stage maximum as entries change: no walk over the fleet per frame.
	const measure = measureFleet(state.sources, state.maxStages);
	const cached = lastLayout;
	if (
		cached &&
		cached.width === width &&
		cached.profileWidth === measure.profileWidth &&
		cached.regionWidth === measure.regionWidth &&
		cached.maxStages === measure.maxStages
	) {
		return cached.layout;
	}
	const layout = fleetLayout(width - 1, measure);
	lastLayout = {width, ...measure, layout};
	return layout;
}

let lastTitle: {layout: FleetLayout; theme: Theme; text: string} | undefined;

/** The column titles, painted once per layout (the screen is computed on every store flush). */
function titleLine(layout: FleetLayout, theme: Theme): string {
	if (lastTitle?.layout !== layout || lastTitle.theme !== theme) lastTitle = {layout, theme, text: paint([{text: ' '}, ...fleetTitles(layout)], theme)};
	return lastTitle.text;
}

export type FleetScreen = {keys: string[]; index: number; offset: number; visible: string[]; lines: string[]; listHeight: number};

/** Which pipelines are on screen (the title line takes one row of the view's height). */
export function fleetWindow(
	state: FleetState,
	ui: FleetListing,
	view: {cursor: Cursor; offset: number},
	size: {height: number},
): Omit<FleetScreen, 'lines'> {
	const keys = visibleOrder(state, ui);
	const listHeight = Math.max(1, size.height - 1);
	const index = resolveCursor(keys, view.cursor);
	const offset = scrollWindow(index, view.offset, listHeight, keys.length);
	return {keys, index, offset, visible: keys.slice(offset, offset + listHeight), listHeight};
}

export function fleetScreen(
	state: FleetState,
	ui: FleetListing & Partial<Pick<UiState, 'marks' | 'frozen'>>,
	view: {cursor: Cursor; offset: number},
	size: {width: number; height: number},
	now: number,
	theme: Theme,
): FleetScreen {
	const {keys, index, offset, visible, listHeight} = fleetWindow(state, ui, view, size);
	const layout = fleetLayoutFor(state, size.width);
	const lines = [titleLine(layout, theme)];
	visible.forEach((key, position) => {
		const entry = state.pipelines[key];
		const mark: RowMark = ui.marks?.includes(key) ? 'marked' : ui.frozen?.includes(key) ? 'frozen' : undefined;
		if (entry) lines.push(fleetLine(entry, layout, now, theme, offset + position === index, mark));
	});
	if (keys.length === 0) lines.push(paint([{text: fit(` ${emptyText(state.initialLoad, ui.filter, describeScope(ui.scope))}`, size.width), dim: true}], theme));
	return {keys, index, offset, visible, lines, listHeight};
}

function emptyText(initialLoad: boolean, filter: string, scope: string): string {
	if (filter || scope) return `no pipeline matches ${[filter && `"${filter}"`, scope].filter(Boolean).join(' in ')} (Esc clears)`;
	return initialLoad ? 'loading pipelines…' : 'no pipelines in these sources';
}
