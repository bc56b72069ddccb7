/**
 * The line above the footer: the prompt while one is open, else the latest message (a refused
 * key, a notification, a command's answer) for a few seconds, else the active filter and scope.
 */
import {useSyncExternalStore} from 'react';
import {createTicker, idle} from '../shell/ticker.js';
import {useStore} from 'zustand';
import {useServices} from '../shell/services.js';
import {describeScope} from '../model/filter.js';
import {clip} from '../render/lines.js';
import {paint, type Segment} from '../render/theme.js';
import type {UiState} from '../model/ui-store.js';
import {Row} from './rows.js';

const messageLifetimeMs = 6000;

const promptSigns = {filter: '/', command: ':', search: '/'} as const;

function statusSegments(ui: UiState, position: string, messageVisible: boolean): Segment[] {
	if (ui.prompt) {
		const hint: Segment[] = ui.prompt.hint ? [{text: `  ${ui.prompt.hint}`, dim: true}] : [];
		return [{text: promptSigns[ui.prompt.mode], bold: true, color: 'cyan'}, {text: ui.prompt.text}, {text: ' ', inverse: true}, ...hint];
	}
	if (ui.message && messageVisible) return [{text: ui.message.text, color: ui.message.kind === 'error' ? 'red' : 'green'}];
	const parts: Segment[] = [];
	if (ui.filter) parts.push({text: 'filter ', dim: true}, {text: ui.filter, color: 'cyan'}, {text: '  '});
	const scope = describeScope(ui.scope);
	if (scope) parts.push({text: 'scope ', dim: true}, {text: scope, color: 'cyan'}, {text: '  '});
	if (position) parts.push({text: position, dim: true});
	return parts;
}

const expiryTicker = createTicker(500);

/**
 * Whether the message is still fresh, by the console's clock (the one that stamped it); while one
 * shows, a ticker repaints until it expires.
 */
function useMessageVisible(ui: UiState, now: () => number): boolean {
	const at = ui.message?.at;
	const fresh = at !== undefined && now() < at + messageLifetimeMs;
	useSyncExternalStore(fresh ? expiryTicker.subscribe : idle(), expiryTicker.getSnapshot);
	return fresh;
}

export function StatusLine({width, position}: {width: number; position: string}) {
	const {ui, theme, now} = useServices();
	const state = useStore(ui, value => value);
	const visible = useMessageVisible(state, now);
	const segments = clip(statusSegments(state, position, visible), width);
	return <Row text={paint(segments, theme)} />;
}
