/** Small pipeline entries for the pure render functions (the views are tested on engine data). */
import type {ActionView, PipelineEntry, SourceState, StageView} from '../../../source/store/types.js';
import {attentionOf} from '../../../source/store/index.js';

export const now = Date.UTC(2026, 10, 1, 9, 0, 0);

export function action(name: string, patch: Partial<ActionView> = {}): ActionView {
	return {
		name,
		category: 'Build',
		owner: 'AWS',
		provider: 'CodeBuild',
		runOrder: 1,
		configuration: {},
		inputArtifacts: [],
		outputArtifacts: [],
		...patch,
	};
}

export function stage(name: string, actions: ActionView[], patch: Partial<StageView> = {}): StageView {
	return {name, inboundTransition: {enabled: true}, inboundExecutions: [], conditions: [], actions, ...patch};
}

export function pipeline(name: string, stages: StageView[], patch: Partial<PipelineEntry> = {}): PipelineEntry {
	const entry: PipelineEntry = {
		key: `prod/us-east-1/${name}`,
		sourceKey: 'prod/us-east-1',
		profile: 'prod',
		region: 'us-east-1',
		accountId: '111122223333',
		name,
		pipelineType: 'V2',
		executionMode: 'SUPERSEDED',
		version: 3,
		variables: [],
		stages,
		latestExecution: {
			executionId: '7a1c2f3e-aaaa-bbbb-cccc-1234567890ab',
			status: 'Succeeded',
			startTime: now - 600_000,
			lastUpdateTime: now - 300_000,
			triggerType: 'Webhook',
			triggerDetail: 'push to main',
			sourceRevisions: [{actionName: 'Source', revisionId: '0123456789abcdef0123456789abcdef01234567', revisionSummary: 'Fix the login button\n\nbody'}],
		},
		attention: 'idle',
		stale: false,
		fetchedAt: now,
		...patch,
	};
	return {...entry, attention: attentionOf(entry)};
}

export function sourceState(profile: string, region: string, patch: Partial<SourceState> = {}): SourceState {
	return {key: `${profile}/${region}`, profile, region, health: 'ok', pipelineCount: 10, readOnly: false, ...patch};
}
