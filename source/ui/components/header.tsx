/**
 * Two lines: counts per status across the fleet, then the sources with their health (troubled
 * ones first, with the reason). While the first load runs, the second line says how far it got.
 */
import {useSyncExternalStore} from 'react';
import {createTicker, idle} from '../shell/ticker.js';
import {useStore} from 'zustand';
import {useShallow} from 'zustand/react/shallow';
import {useNow, useServices} from '../shell/services.js';
import {firstKeyLabel} from '../keymap.js';
import {countSegments, feedSegments, loadingProgress, sourceSegments} from '../render/header.js';
import {clip} from '../render/lines.js';
import {paint, type Segment} from '../render/theme.js';
import {Rows} from './rows.js';

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const asciiSpinner = ['|', '/', '-', '\\'];

const spinnerTicker = createTicker(120);

/** A frame counter that advances only while active (the spinner costs nothing once loaded). */
function useSpinnerFrame(active: boolean): number {
	return useSyncExternalStore(active ? spinnerTicker.subscribe : idle(), spinnerTicker.getSnapshot);
}

export function Header({width}: {width: number}) {
	const {store, ui, theme, readOnly, config, keymap} = useServices();
	const sort = useStore(ui, value => value.sort);
	const now = useNow();
	const state = useStore(
		store,
		useShallow(state => ({
			counts: state.counts,
			sources: state.sources,
			sourceOrder: state.sourceOrder,
			initialLoad: state.initialLoad,
			feed: state.feed,
		})),
	);
	const frame = useSpinnerFrame(state.initialLoad);
	const marked = useStore(ui, console => console.marks.length);
	const frozen = useStore(ui, console => console.frozen.length);
	// The key that lists every source, named next to "+N more" (it may be rebound in the config).
	const sourcesKey = firstKeyLabel(keymap, 'sources', theme.ascii);
	const everythingReadOnly =
		Boolean(config.readOnly) ||
		(state.sourceOrder.length > 0 && state.sourceOrder.every(key => readOnly(state.sources[key]?.profile ?? '')));
	const first: Segment[] = [
		{text: 'pipetop', bold: true, color: 'cyan'},
		{text: everythingReadOnly ? ' [read-only]' : '', color: 'yellow'},
		// Another order than attention (`>` changes it), up front where a narrow terminal keeps it.
		{text: sort === 'attention' ? '' : ` [by ${sort}]`, color: 'cyan'},
		{text: marked > 0 ? ` ${marked} marked` : '', color: 'yellow', bold: true},
		{text: frozen > 0 ? ` ${frozen} frozen` : '', color: 'cyan'},
		{text: '  '},
		...countSegments(state.counts, theme),
		...feedSegments(state.feed, theme),
	];
	let second: Segment[];
	if (state.initialLoad) {
		const frames = theme.ascii ? asciiSpinner : spinner;
		const progress = `${frames[frame % frames.length]} loading ${loadingProgress(state)}  `;
		second = [{text: progress, color: 'cyan'}, ...sourceSegments(state, width - progress.length, now, theme, sourcesKey)];
	} else {
		second = sourceSegments(state, width, now, theme, sourcesKey);
	}
	return <Rows height={2} lines={[paint(clip(first, width), theme), paint(clip(second, width), theme)]} />;
}
