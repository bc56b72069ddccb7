/**
 * Asking for the reads a revision report wants, and repeating until it wants none. The reader is
 * the engine's on-demand side (FleetEngine's loadHistory and loadActionExecutions): each read
 * waits for the source's request budget, at the operator's priority, and is cached in the store.
 */

import type {FleetState, PipelineKey} from '../types.js';
import type {RevisionQuery} from './query.js';
import {revisionReport, type RevisionReport, type RevisionWant} from './report.js';

export type RevisionLoader = {
	loadHistory(key: PipelineKey, options?: {more?: boolean}): Promise<void>;
	loadActionExecutions(key: PipelineKey, executionId: string): Promise<void>;
};

export type RevisionReader = RevisionLoader & {
	store: {getState(): FleetState};
	/** Resolves once no call is in flight and the store holds every answer. */
	whenIdle(): Promise<void>;
};

/** Sends the wanted reads; resolves when all ended (a failed read is in the store as an error). */
export async function requestWanted(reader: RevisionLoader, wanted: readonly RevisionWant[]): Promise<void> {
	await Promise.all(
		wanted.map(want => (want.type === 'history' ? reader.loadHistory(want.key, {more: want.more}) : reader.loadActionExecutions(want.key, want.executionId)).catch(() => undefined)),
	);
}

/**
 * Reads until the report is complete. Each round reads a level deeper (history, then what it
 * points at, then older history); `rounds` bounds it, so an answer comes even from a fleet that
 * keeps changing.
 */
export async function gatherRevision(reader: RevisionReader, query: RevisionQuery, keys?: readonly PipelineKey[], rounds = 6): Promise<RevisionReport> {
	let report = revisionReport(reader.store.getState(), query, keys);
	for (let round = 0; round < rounds && report.wanted.length > 0; round++) {
		const before = JSON.stringify(report.wanted);
		await requestWanted(reader, report.wanted);
		await reader.whenIdle();
		report = revisionReport(reader.store.getState(), query, keys);
		// The same wants after reading them: reading again will not help (errors, a source down).
		if (JSON.stringify(report.wanted) === before) break;
	}
	return report;
}
