/**
 * The answer to "where is my commit?" from the store alone: for each pipeline, the recent
 * executions that carry the revision and how far each got, and the revision each stage last ran
 * ("what is in prod, what is in staging"). Pure: it also says which reads would complete it
 * (`wanted`), and the caller (the `:commit` view, `pipetop where`, `watch --revision`) asks the
 * engine for those under the request budget and asks again.
 */

import {executionKeyOf} from '../../format/keys.js';
import type {ExecutionSummaryView, FleetState, PipelineEntry, PipelineKey} from '../types.js';
import {matchExecution, type RevisionMatch, type RevisionQuery} from './query.js';
import {reachOf, type Reach} from './reach.js';

/** Matching executions detailed per pipeline (a branch matches every run: the newest few tell). */
const MAX_MATCHES = 3;
/** How deep history is read to find what a stage last ran (4 pages of 25). */
const MAX_HISTORY = 100;

export type CarryingExecution = {
	executionId: string;
	status: string;
	match: RevisionMatch;
	revisionId?: string;
	revisionSummary?: string;
	startTime?: number;
	lastUpdateTime?: number;
	reach: Reach;
};

export type StageRevision = {
	stage: string;
	status?: string;
	executionId?: string;
	revisionId?: string;
	revisionSummary?: string;
	/** The stage last ran an execution that carries the revision. */
	carries: boolean;
	/** False while the execution it last ran is not among those read. */
	known: boolean;
};

export type PipelineRevision = {
	key: PipelineKey;
	name: string;
	profile: string;
	region: string;
	accountId?: string;
	/** Newest first, at most MAX_MATCHES. */
	executions: CarryingExecution[];
	/** More matched than are listed. */
	moreExecutions: number;
	/** The execution that got furthest (newest on a tie): what the pipeline's line shows. */
	furthest: CarryingExecution;
	stages: StageRevision[];
};

/** A read that would complete the report; `loaded` (history): the executions read so far, so each further page is a new want. */
export type RevisionWant = {type: 'history'; key: PipelineKey; more: boolean; loaded: number} | {type: 'actions'; key: PipelineKey; executionId: string};

export type RevisionReport = {
	query: string;
	pipelines: PipelineRevision[];
	/** Pipelines looked at, and how many of them have had their history read. */
	searched: number;
	read: number;
	/** Reads that would complete the answer; empty: complete. */
	wanted: RevisionWant[];
};

/** What a report reads of the store. */
export type RevisionState = Pick<FleetState, 'order' | 'pipelines' | 'histories' | 'actionExecutions'>;

/** The executions known for a pipeline, newest first: its history, with the latest one as the poll saw it last (fresher). */
function executionsOf(state: RevisionState, entry: PipelineEntry): ExecutionSummaryView[] {
	const items = state.histories[entry.key]?.items ?? [];
	const latest = entry.latestExecution;
	if (!latest) return items;
	const index = items.findIndex(item => item.executionId === latest.executionId);
	if (index === -1) return [latest, ...items];
	return items.map((item, position) => (position === index ? latest : item));
}

function stageRevisions(entry: PipelineEntry, known: ExecutionSummaryView[], carrying: Set<string>): StageRevision[] {
	return entry.stages.map(stage => {
		const execution = stage.executionId === undefined ? undefined : known.find(item => item.executionId === stage.executionId);
		const revision = execution?.sourceRevisions[0];
		return {
			stage: stage.name,
			status: stage.status,
			executionId: stage.executionId,
			revisionId: revision?.revisionId,
			revisionSummary: revision?.revisionSummary,
			carries: stage.executionId !== undefined && carrying.has(stage.executionId),
			known: stage.executionId === undefined || execution !== undefined,
		};
	});
}

function furthestOf(executions: CarryingExecution[]): CarryingExecution {
	return executions.reduce((best, candidate) => (candidate.reach.stageIndex > best.reach.stageIndex ? candidate : best));
}

export function revisionReport(state: RevisionState, query: RevisionQuery, keys: readonly PipelineKey[] = state.order): RevisionReport {
	const pipelines: PipelineRevision[] = [];
	const wanted: RevisionWant[] = [];
	let read = 0;
	for (const key of keys) {
		const entry = state.pipelines[key];
		if (!entry) continue;
		const history = state.histories[key];
		const historyRead = history !== undefined && (history.fetchedAt !== undefined || history.error !== undefined);
		if (historyRead) read++;
		else if (!history?.loading) wanted.push({type: 'history', key, more: false, loaded: 0});
		const known = executionsOf(state, entry);
		const matches: CarryingExecution[] = [];
		let total = 0;
		for (const execution of known) {
			const found = matchExecution(entry, execution, query);
			if (!found) continue;
			total++;
			if (matches.length >= MAX_MATCHES) continue;
			const {reach, needsActions} = reachOf(entry, execution, state.actionExecutions[executionKeyOf(key, execution.executionId)]);
			if (needsActions) wanted.push({type: 'actions', key, executionId: execution.executionId});
			matches.push({
				executionId: execution.executionId,
				status: execution.status,
				match: found.match,
				revisionId: found.revision?.revisionId,
				revisionSummary: found.revision?.revisionSummary,
				startTime: execution.startTime,
				lastUpdateTime: execution.lastUpdateTime,
				reach,
			});
		}
		if (matches.length === 0) continue;
		const stages = stageRevisions(entry, known, new Set(matches.map(match => match.executionId)));
		// A stage that last ran an execution older than the history read: read further back, to a limit.
		if (historyRead && history.nextToken && !history.loading && history.items.length < MAX_HISTORY && stages.some(stage => !stage.known)) wanted.push({type: 'history', key, more: true, loaded: history.items.length});
		pipelines.push({key, name: entry.name, profile: entry.profile, region: entry.region, accountId: entry.accountId, executions: matches, moreExecutions: total - matches.length, furthest: furthestOf(matches), stages});
	}
	return {query: query.text, pipelines, searched: keys.length, read, wanted};
}
