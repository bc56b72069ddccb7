/**
 * The chooser as screen lines: its question, then each item's label and its whole value, wrapped
 * at the width and never cut (an ARN or a URL must stay copyable and clickable). A link's pieces
 * are each an OSC 8 hyperlink with one id, so a terminal treats the wrapped URL as one link.
 */
import type {Chooser} from '../model/chooser.js';
import {hyperlink} from '../terminal-sequences.js';
import {sanitize, wrap} from './text.js';
import {paint, type Segment, type Theme} from './theme.js';

export type ChooserLines = {lines: string[]; /** The first line of each item, to keep the selected one in view. */ starts: number[]};

export function chooserLines(chooser: Chooser, width: number, theme: Theme, footnote: string): ChooserLines {
	const lines: string[] = [paint([{text: chooser.title, bold: true}], theme), ''];
	const starts: number[] = [];
	const indent = '    ';
	chooser.items.forEach((item, index) => {
		const selected = index === chooser.index;
		starts.push(lines.length);
		const marker: Segment = {text: selected ? (theme.ascii ? '> ' : '▶ ') : '  ', color: 'cyan', bold: true};
		lines.push(paint([marker, {text: `${index + 1}. `, dim: true}, {text: item.label, bold: selected}], theme));
		const value = sanitize(item.value);
		for (const piece of wrap(value, Math.max(8, width - indent.length))) {
			const painted = paint([{text: piece, color: item.link ? 'blue' : undefined, underline: item.link}], theme);
			lines.push(indent + (item.link ? hyperlink(item.value, painted, `pipetop-${index}`) : painted));
		}
	});
	lines.push('', paint([{text: footnote, dim: true}], theme));
	return {lines, starts};
}

/** The lines on screen: the whole chooser when it fits, else a window holding the selected item. */
export function chooserWindow(rendered: ChooserLines, index: number, height: number): string[] {
	const {lines, starts} = rendered;
	if (lines.length <= height) return lines;
	const start = starts[index] ?? 0;
	const end = starts[index + 1] ?? lines.length;
	const from = Math.max(0, Math.min(start - 2, end - height));
	return lines.slice(from, from + height);
}
