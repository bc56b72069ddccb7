import {reduceFleet, initialFleetState} from '../../source/store/index.js';
import type {ActionView, FleetState, PipelineEntry, SourceState, StageView} from '../../source/store/types.js';

/** Hand-made fleet states for the pure parts of the action layer (no service needed). */

export function action(name: string, fields: Partial<ActionView> = {}): ActionView {
	return {name, category: 'Build', owner: 'AWS', provider: 'CodeBuild', runOrder: 1, configuration: {}, inputArtifacts: [], outputArtifacts: [], ...fields};
}

export function stage(name: string, fields: Partial<StageView> = {}): StageView {
	return {name, inboundTransition: {enabled: true}, inboundExecutions: [], conditions: [], actions: [], ...fields};
}

export function pipeline(name: string, fields: Partial<PipelineEntry> = {}): PipelineEntry {
	return {
		key: `dev/eu-west-1/${name}`,
		sourceKey: 'dev/eu-west-1',
		profile: 'dev',
		region: 'eu-west-1',
		accountId: '111122223333',
		name,
		pipelineType: 'V2',
		executionMode: 'QUEUED',
		variables: [],
		stages: [],
		attention: 'idle',
		stale: false,
		fetchedAt: 1,
		...fields,
	};
}

export function fleet(entries: PipelineEntry[], source: Partial<SourceState> = {}): FleetState {
	return reduceFleet(initialFleetState(), [
		{type: 'source', source: {key: 'dev/eu-west-1', profile: 'dev', region: 'eu-west-1', health: 'ok', pipelineCount: entries.length, readOnly: false, ...source}},
		...entries.map(entry => ({type: 'pipeline' as const, entry})),
	]);
}

/** A pipeline with a source, a failed build, a waiting approval and a deploy stage. */
export function typicalPipeline(fields: Partial<PipelineEntry> = {}): PipelineEntry {
	return pipeline('web', {
		stages: [
			stage('Source', {status: 'Succeeded', executionId: 'exec-2', actions: [action('Checkout', {category: 'Source', provider: 'CodeCommit', status: 'Succeeded'})]}),
			stage('Build', {
				status: 'Failed',
				executionId: 'exec-2',
				actions: [action('Compile', {status: 'Failed', errorCode: 'JobFailed', errorMessage: 'unit tests failed'}), action('Lint', {status: 'Succeeded'})],
			}),
			stage('Approve', {
				status: 'InProgress',
				executionId: 'exec-1',
				actions: [action('Manual', {category: 'Approval', provider: 'Manual', status: 'InProgress', token: 'tok-1', configuration: {CustomData: 'check the canary'}})],
			}),
			stage('Deploy', {status: 'Succeeded', executionId: 'exec-0', actions: [action('Push', {category: 'Deploy', provider: 'ECS', status: 'Succeeded'})]}),
		],
		latestExecution: {executionId: 'exec-2', status: 'Failed', sourceRevisions: []},
		...fields,
	});
}
