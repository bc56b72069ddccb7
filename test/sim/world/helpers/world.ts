/**
 * Test helpers for the world: small pipelines built from a compact spec, a world on a
 * VirtualClock with one account, and typed shortcuts for the calls the tests make.
 */

import {expect} from 'vitest';
import {VirtualClock} from '../../../../source/shared/clock.js';
import {SimError, type ScenarioPipeline} from '../../../../source/sim/contract.js';
import {createWorld, type World} from '../../../../source/sim/world/index.js';

export const ACCOUNT = {profile: 'test', accountId: '111122223333', regions: ['us-east-1', 'eu-west-1']};
export const REGION = 'us-east-1';

export type ActionSpec = {name: string; category?: string; provider?: string; runOrder?: number; configuration?: Record<string, string>; region?: string};
export type StageSpec = [name: string, actions: Array<ActionSpec | string>];

/** A create-pipeline document. Source actions output 'Src'; every other action reads it. */
export function pipelineDoc(name: string, stages: StageSpec[], extra: Record<string, unknown> = {}): {pipeline: Record<string, unknown>} {
	return {
		pipeline: {
			name,
			roleArn: `arn:aws:iam::${ACCOUNT.accountId}:role/pipeline-role`,
			artifactStore: {type: 'S3', location: 'test-artifacts-bucket'},
			stages: stages.map(([stageName, actions], stageIndex) => ({
				name: stageName,
				actions: actions.map(entry => {
					const spec: ActionSpec = typeof entry === 'string' ? {name: entry} : entry;
					const category = spec.category ?? (stageIndex === 0 ? 'Source' : 'Build');
					const provider = spec.provider ?? {Source: 'CodeCommit', Build: 'CodeBuild', Test: 'CodeBuild', Deploy: 'CodeDeploy', Approval: 'Manual', Invoke: 'Lambda'}[category] ?? 'CodeBuild';
					const configuration = spec.configuration ?? (provider === 'CodeCommit' ? {RepositoryName: 'app', BranchName: 'main'} : provider === 'CodeBuild' ? {ProjectName: `${name}-${spec.name}`.toLowerCase()} : provider === 'CodeDeploy' ? {ApplicationName: 'app', DeploymentGroupName: 'prod'} : {});
					return {
						name: spec.name,
						actionTypeId: {category, owner: 'AWS', provider, version: '1'},
						...(spec.runOrder ? {runOrder: spec.runOrder} : {}),
						configuration,
						...(category === 'Source' ? {outputArtifacts: [{name: 'Src'}]} : category === 'Approval' ? {} : {inputArtifacts: [{name: 'Src'}]}),
						...(spec.region ? {region: spec.region} : {}),
					};
				}),
			})),
			...extra,
		},
	};
}

export type TestWorld = {
	world: World;
	clock: VirtualClock;
	call: <T = any>(operation: string, input?: Record<string, unknown>) => T;
	/** The SimError a call throws (fails the test when it does not throw). */
	error: (operation: string, input?: Record<string, unknown>) => SimError;
	state: (name: string) => any;
	stage: (name: string, stage: string) => any;
	action: (name: string, stage: string, action: string) => any;
	execution: (name: string, id: string) => any;
	start: (name: string, input?: Record<string, unknown>) => string;
	advance: (seconds: number) => void;
};

export function makeWorld(pipelines: Array<{doc: {pipeline: Record<string, unknown>}; behaviour?: ScenarioPipeline['behaviour']}> = [], seed = 7): TestWorld {
	const clock = new VirtualClock();
	const world = createWorld({
		scenario: {accounts: [ACCOUNT], pipelines: pipelines.map(entry => ({profile: ACCOUNT.profile, region: REGION, definition: entry.doc, behaviour: entry.behaviour}))},
		clock,
		seed,
	});
	const call = <T,>(operation: string, input: Record<string, unknown> = {}) => world.call(ACCOUNT.profile, REGION, operation, input) as T;
	const error = (operation: string, input: Record<string, unknown> = {}) => {
		try {
			call(operation, input);
		} catch (thrown) {
			expect(thrown).toBeInstanceOf(SimError);
			return thrown as SimError;
		}
		throw new Error(`${operation} did not fail`);
	};
	const state = (name: string) => call<any>('GetPipelineState', {name});
	const stage = (name: string, stageName: string) => state(name).stageStates.find((entry: any) => entry.stageName === stageName);
	return {
		world,
		clock,
		call,
		error,
		state,
		stage,
		action: (name, stageName, actionName) => stage(name, stageName).actionStates.find((entry: any) => entry.actionName === actionName),
		execution: (name, id) => call<any>('GetPipelineExecution', {pipelineName: name, pipelineExecutionId: id}).pipelineExecution,
		start: (name, input = {}) => call<any>('StartPipelineExecution', {name, ...input}).pipelineExecutionId,
		advance: seconds => clock.advance(seconds * 1000),
	};
}

/** Behaviour giving every listed "Stage/Action" a fixed duration (and optional outcomes). */
export function timings(entries: Record<string, number | [number, Array<'Succeeded' | 'Failed'>]>): ScenarioPipeline['behaviour'] {
	return Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, typeof value === 'number' ? {seconds: value} : {seconds: value[0], outcomes: value[1]}]));
}
