/**
 * The window of a view of multi-line items (the sources, the `:commit` view) painted: each line
 * cut to the width, and the first line of the selected item inverted after its marker, so the
 * cursor reads without attributes too.
 */
import {clip, type Line} from './lines.js';
import {paint, type Theme} from './theme.js';

export function itemRows(lines: readonly Line[], window: {offset: number; height: number; first: number; selected: boolean}, width: number, theme: Theme): string[] {
	return lines.slice(window.offset, window.offset + window.height).map((each, position) => {
		const segments = clip(each.segments, width);
		if (window.offset + position !== window.first || !window.selected) return paint(segments, theme);
		return paint(segments.slice(0, 1), theme) + paint(segments.slice(1), theme, true);
	});
}
