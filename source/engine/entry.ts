/** The store entry of one pipeline, from what the engine holds about it. */

import type {PipelineEntry} from '../store/types.js';
import {buildStages} from './map-pipeline.js';
import type {Tracked} from './tracked.js';

export type EntrySource = {key: string; profile: string; region: string; accountId?: string};

/** Attention is left 'unknown': the reducer derives it, so it can never disagree with the data. */
export function buildEntry(t: Tracked, source: EntrySource): PipelineEntry {
	const definition = t.definition;
	return {
		key: t.key,
		sourceKey: source.key,
		profile: source.profile,
		region: source.region,
		accountId: definition?.accountId ?? source.accountId,
		name: t.name,
		pipelineType: definition?.pipelineType ?? t.listed.pipelineType,
		executionMode: definition?.executionMode ?? t.listed.executionMode,
		version: definition?.version ?? t.listed.version,
		variables: definition?.variables ?? [],
		...(t.tags ? {tags: t.tags} : {}),
		stages: buildStages(definition, t.state),
		latestExecution: t.summary && t.variables?.executionId === t.summary.executionId ? {...t.summary, variables: t.variables.values} : t.summary,
		waitingApproval: t.waiting,
		attention: 'unknown',
		fetchedAt: t.fetchedAt,
		stale: t.stale,
		error: t.error,
	};
}
