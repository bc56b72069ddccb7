/** Small builders for store entries (tests only). */

import type {ActionView, ExecutionSummaryView, PipelineEntry, StageView} from '../../source/store/types.js';

export function action(name: string, extra: Partial<ActionView> = {}): ActionView {
	return {name, category: 'Build', owner: 'AWS', provider: 'CodeBuild', runOrder: 1, configuration: {}, inputArtifacts: [], outputArtifacts: [], ...extra};
}

export function stage(name: string, extra: Partial<StageView> = {}): StageView {
	return {name, inboundTransition: {enabled: true}, inboundExecutions: [], conditions: [], actions: [action(`${name}Action`)], ...extra};
}

export function execution(executionId: string, status: ExecutionSummaryView['status'], startTime = 1000, extra: Partial<ExecutionSummaryView> = {}): ExecutionSummaryView {
	return {executionId, status, startTime, sourceRevisions: [], ...extra};
}

export function entry(name: string, extra: Partial<PipelineEntry> = {}): PipelineEntry {
	return {
		key: `p/r/${name}`,
		sourceKey: 'p/r',
		profile: 'p',
		region: 'r',
		name,
		variables: [],
		stages: [stage('Source'), stage('Build')],
		attention: 'unknown',
		fetchedAt: 1,
		stale: false,
		...extra,
	};
}
