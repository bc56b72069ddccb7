/** How `pipetop watch` prints: aligned text lines for people, JSON lines for scripts (docs/status-json.md). */

import type {WatchEvent} from './watch-follow.js';

export type WatchTarget = {pipeline: string; source: string; executionId: string};

function clockTime(at: number): string {
	const date = new Date(at);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

export function textStart(target: WatchTarget, status: string, at: number): string {
	return `${clockTime(at)}  watching ${target.pipeline} (${target.source}) execution ${target.executionId}: ${status}\n`;
}

export function textEvent(event: WatchEvent, at: number): string {
	const time = clockTime(at);
	switch (event.type) {
		case 'stage':
			return `${time}  ${event.stage.padEnd(28)} ${event.status}\n`;
		case 'action': {
			const detail = event.approvalPending ? 'waiting for approval' : (event.error ?? event.summary);
			return `${time}    ${`${event.stage}/${event.action}`.padEnd(26)} ${detail ? `${event.status.padEnd(11)} ${detail.replace(/\s+/g, ' ')}` : event.status}\n`;
		}
		case 'execution':
			return `${time}  execution ${event.status}${event.statusSummary ? `: ${event.statusSummary}` : ''}\n`;
	}
}

export function jsonStart(target: WatchTarget, status: string, at: number): string {
	return `${JSON.stringify({type: 'start', time: new Date(at).toISOString(), pipeline: target.pipeline, source: target.source, executionId: target.executionId, status})}\n`;
}

export function jsonEvent(target: WatchTarget, event: WatchEvent, at: number): string {
	const base = {type: event.type, time: new Date(at).toISOString(), pipeline: target.pipeline, executionId: target.executionId};
	switch (event.type) {
		case 'stage':
			return `${JSON.stringify({...base, stage: event.stage, status: event.status})}\n`;
		case 'action':
			return `${JSON.stringify({...base, stage: event.stage, action: event.action, status: event.status, summary: event.summary ?? null, externalExecutionUrl: event.url ?? null, error: event.error ?? null, approvalPending: event.approvalPending})}\n`;
		case 'execution':
			return `${JSON.stringify({...base, status: event.status, statusSummary: event.statusSummary ?? null})}\n`;
	}
}

export function jsonEnd(target: WatchTarget, status: string, exitCode: number, at: number): string {
	return `${JSON.stringify({type: 'end', time: new Date(at).toISOString(), pipeline: target.pipeline, executionId: target.executionId, status, exitCode})}\n`;
}

/** --exit-status: 0 succeeded, 1 failed, 2 stopped, superseded or cancelled. */
export function exitCodeFor(status: string): number {
	if (status === 'Succeeded') return 0;
	if (status === 'Failed') return 1;
	return 2;
}
