/** What a person at the console would check, as small functions over the store and the frame. */

import type {FleetState} from '../../../source/store/types.js';
import type {OpenConsole} from '../../ui/open-console.js';

/** Pipelines of one source. */
export function pipelinesOf(state: FleetState, sourceKey: string) {
	return Object.values(state.pipelines).filter(entry => entry.sourceKey === sourceKey);
}

/** True when every pipeline of the source was read at or after `since`. */
export function allReadSince(state: FleetState, sourceKey: string, since: number): boolean {
	const entries = pipelinesOf(state, sourceKey);
	return entries.length > 0 && entries.every(entry => (entry.fetchedAt ?? 0) >= since);
}

/** The "n/N" cursor position line above the footer. */
export function position(console_: OpenConsole): string {
	return console_.terminal.lines().at(-2) ?? '';
}

/**
 * Presses j and k and checks that the cursor moved and came back: the console answers keys.
 * Real time only (Ink renders on its own timers), never virtual: a frozen engine cannot fake it.
 */
export async function keysAnswer(console_: OpenConsole): Promise<void> {
	const before = position(console_);
	await console_.terminal.press('j');
	await console_.terminal.waitFor(() => position(console_) !== before, 2000);
	await console_.terminal.press('k');
	await console_.terminal.waitFor(() => position(console_) === before, 2000);
}

/** The header's source line (second line of the frame). */
export function sourceLine(console_: OpenConsole): string {
	return console_.terminal.lines()[1] ?? '';
}
