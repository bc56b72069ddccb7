/**
 * Notifications: a bell and an OSC 9 desktop notification when a pipeline in view starts to
 * fail or to wait for approval. Only transitions count: nothing fires while the first load is
 * running, nor for a pipeline seen for the first time.
 */
import type {FleetState, PipelineEntry, PipelineKey} from '../store/types.js';
import {sanitize} from './render/text.js';

export type Alert = {key: PipelineKey; name: string; where: string; kind: 'failed' | 'approval'};

export type NotifySettings = {bell: boolean; desktop: boolean};

export function detectAlerts(previous: FleetState, next: FleetState, inView: (entry: PipelineEntry) => boolean): Alert[] {
	if (previous.initialLoad || next.initialLoad || previous.pipelines === next.pipelines) return [];
	const alerts: Alert[] = [];
	for (const key of next.order) {
		const entry = next.pipelines[key];
		const before = previous.pipelines[key];
		if (!entry || entry === before || !before || before.attention === 'unknown') continue;
		if (entry.attention === before.attention) continue;
		if (entry.attention !== 'failed' && entry.attention !== 'approval') continue;
		if (!inView(entry)) continue;
		alerts.push({key, name: entry.name, where: `${entry.profile}/${entry.region}`, kind: entry.attention});
	}
	return alerts;
}

function describe(alert: Alert): string {
	return `${alert.name} ${alert.kind === 'failed' ? 'failed' : 'waits for approval'} (${alert.where})`;
}

/**
 * What to write to the terminal for these alerts: one bell, and one OSC 9 per alert (at most
 * three, then a summary). Inside tmux the OSC goes through tmux's passthrough so it reaches the
 * outer terminal (tmux drops it unless allow-passthrough is on, which is harmless).
 */
export function alertSequence(alerts: readonly Alert[], settings: NotifySettings, env: Record<string, string | undefined> = {}): string {
	if (alerts.length === 0) return '';
	let out = settings.bell ? '\u0007' : '';
	if (settings.desktop) {
		const texts = alerts.slice(0, 3).map(describe);
		if (alerts.length > 3) texts.push(`and ${alerts.length - 3} more pipelines need attention`);
		for (const text of texts) {
			const osc = `\u001B]9;pipetop: ${sanitize(text).replace(/[\u0007\u001B]/g, '')}\u0007`;
			out += env.TMUX ? `\u001BPtmux;${osc.replace(/\u001B/g, '\u001B\u001B')}\u001B\\` : osc;
		}
	}
	return out;
}

/** The message the status line shows for the same alerts. */
export function alertMessage(alerts: readonly Alert[]): string {
	if (alerts.length === 1) return describe(alerts[0]);
	return `${alerts.length} pipelines need attention: ${alerts.map(alert => alert.name).join(', ')}`;
}
