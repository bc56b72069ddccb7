/**
 * Every piece of text the fleet screen derives from the clock: the header's source ages and
 * retry countdowns, and each visible row's age and duration. Two instants with the same text
 * need no repaint (see screen-clock.ts). Only the fleet view is described; for any other screen
 * this says "unknown", and the clock repaints every tick as before.
 */
import type {FleetState} from '../../store/types.js';
import {sourceSegments} from '../render/header.js';
import type {Theme} from '../render/theme.js';
import {executionElapsed, formatAgo, formatDuration} from '../../format/time.js';
import {topOf, type UiState} from '../model/ui-store.js';
import {fleetWindow} from '../views/fleet-screen.js';
import {chromeLines} from './shell.js';
import type {TerminalSize} from './size.js';

export function shownTimes(state: FleetState, ui: UiState, size: TerminalSize, theme: Theme, now: number, sourcesKey?: string): string | undefined {
	const top = topOf(ui);
	// A dialog, another view, or the first load (its header line is laid out differently): unknown.
	if (top.kind !== 'fleet' || ui.modal || state.initialLoad) return undefined;
	const parts: string[] = [];
	for (const segment of sourceSegments(state, size.columns, now, theme, sourcesKey)) parts.push(segment.text);
	const {visible} = fleetWindow(state, ui, top, {height: size.rows - chromeLines});
	for (const key of visible) {
		const latest = state.pipelines[key]?.latestExecution;
		parts.push(formatAgo(latest?.startTime, now), formatDuration(executionElapsed(latest, now)));
	}
	return parts.join('\n');
}
