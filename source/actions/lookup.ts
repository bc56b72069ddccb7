import type {ActionView, ExecutionSummaryView, FleetState, PipelineEntry, StageView} from '../store/types.js';
import type {ActionRequest, ActionTarget} from './types.js';

/** Reads the pieces of the state an action needs; each returns undefined when it is not there. */

export function findStage(entry: PipelineEntry, stageName: string | undefined): StageView | undefined {
	if (!stageName) return undefined;
	return entry.stages.find(stage => stage.name === stageName);
}

/**
 * The stage a stage action works on, once the action's own check passed: the check guarantees the
 * pipeline and the stage are there, so callers need not test for them again.
 */
export function checkedStage(
	state: FleetState,
	request: ActionRequest,
	check: (state: FleetState, request: ActionRequest) => string | undefined,
): {problem: string} | {entry: PipelineEntry; stage: StageView} {
	const problem = check(state, request);
	if (problem) return {problem};
	const entry = state.pipelines[request.pipelineKey];
	return {entry, stage: findStage(entry, request.stageName) as StageView};
}

export function findAction(stage: StageView, actionName: string | undefined): ActionView | undefined {
	if (!actionName) return undefined;
	return stage.actions.find(action => action.name === actionName);
}

/** An execution by id, from the latest execution or the loaded history. */
export function findExecution(state: FleetState, entry: PipelineEntry, executionId: string | undefined): ExecutionSummaryView | undefined {
	if (!executionId) return undefined;
	if (entry.latestExecution?.executionId === executionId) return entry.latestExecution;
	return state.histories[entry.key]?.items.find(item => item.executionId === executionId);
}

export function isV2(entry: PipelineEntry): boolean {
	return entry.pipelineType === 'V2';
}

export function accountOf(state: FleetState, entry: PipelineEntry): string | undefined {
	return entry.accountId ?? state.sources[entry.sourceKey]?.accountId;
}

export function targetOf(
	state: FleetState,
	entry: PipelineEntry,
	parts: {stageName?: string; actionName?: string; executionId?: string} = {},
): ActionTarget {
	return {
		pipelineKey: entry.key,
		sourceKey: entry.sourceKey,
		profile: entry.profile,
		accountId: accountOf(state, entry),
		region: entry.region,
		pipelineName: entry.name,
		...(parts.stageName ? {stageName: parts.stageName} : {}),
		...(parts.actionName ? {actionName: parts.actionName} : {}),
		...(parts.executionId ? {executionId: parts.executionId} : {}),
	};
}

/** The selected stage, or the reason there is none to act on. */
export function requireStage(entry: PipelineEntry, request: ActionRequest): StageView | string {
	if (!request.stageName) return 'select a stage first';
	return findStage(entry, request.stageName) ?? `no stage "${request.stageName}" in ${entry.name}`;
}

/** "a1b2c3d4" for a long id: enough to recognise, short enough for a dialog line. */
export function shortId(id: string | undefined): string {
	if (!id) return '-';
	return id.length > 8 ? id.slice(0, 8) : id;
}

/** "3m 20s", "2h 5m", "4d 1h": how long something has waited. */
export function formatAge(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h ${minutes % 60}m`;
	return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/**
 * One line for a source revision's summary. CodeStar connection sources (GitHub, GitLab,
 * Bitbucket) report a JSON document ({"ProviderType": ..., "CommitMessage": ...}): show the message.
 */
export function revisionLine(summary: string | undefined): string {
	if (!summary) return '';
	let text = summary;
	if (text.trimStart().startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as {CommitMessage?: unknown};
			if (typeof parsed.CommitMessage === 'string') text = parsed.CommitMessage;
		} catch {
			// Not JSON after all: show it as it is.
		}
	}
	return text.split('\n')[0].trim();
}
