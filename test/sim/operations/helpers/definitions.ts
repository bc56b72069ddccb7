/** Pipeline definitions for the operation tests: AWS-owned actions and V2 pipelines of alpha (210987654321). */

import type {ScenarioPipeline} from '../../../../source/sim/contract.js';

export function action(name: string, category: string, provider: string, configuration: Record<string, string>, more: Record<string, unknown> = {}): Record<string, unknown> {
	return {name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration, ...more};
}

/** A V2 pipeline of account alpha with its artifact store and role. */
export function v2Pipeline(name: string, stages: unknown[], extra: Record<string, unknown> = {}): NonNullable<ScenarioPipeline['definition']> {
	return {pipeline: {name, roleArn: 'arn:aws:iam::210987654321:role/pipeline', artifactStore: {type: 'S3', location: 'alpha-artifacts'}, pipelineType: 'V2', stages, ...extra}};
}

/**
 * A pipeline of account beta (123498765432, eu-west-1): a CodeCommit source (repository NAME, branch main)
 * into artifact Src, then one stage whose one action fails after `seconds`.
 */
export function failingBetaPipeline(name: string, stage: string, failing: Record<string, unknown>, seconds: number): ScenarioPipeline {
	return {
		profile: 'beta',
		region: 'eu-west-1',
		definition: {
			pipeline: {
				name,
				roleArn: 'arn:aws:iam::123498765432:role/pipeline',
				artifactStore: {type: 'S3', location: 'beta-artifacts'},
				stages: [
					{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
					{name: stage, actions: [failing]},
				],
			},
		},
		behaviour: {'Source/Source': {seconds: 5}, [`${stage}/${String(failing.name)}`]: {seconds, outcomes: ['Failed']}},
	};
}
