/**
 * Accounts that work in different regions, for `--region all`: alpha in two default regions;
 * beta in a default region and an opt-in one it enabled (Jakarta), and Cape Town enabled but
 * unused. Every other opt-in region is not enabled in either account.
 */

import type {Scenario} from '../../source/sim/contract.js';
import {action} from '../sim/operations/helpers/definitions.js';

/** A two-stage pipeline: a CodeCommit source and a CodeBuild build. */
export function twoStagePipeline(accountId: string, name: string): NonNullable<Scenario['pipelines'][number]['definition']> {
	const source = action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]});
	const build = action('Build', 'Build', 'CodeBuild', {ProjectName: name}, {inputArtifacts: [{name: 'Src'}]});
	const stages = [source, build].map(entry => ({name: entry.name as string, actions: [entry]}));
	return {pipeline: {name, roleArn: `arn:aws:iam::${accountId}:role/pipeline`, artifactStore: {type: 'S3', location: `artifacts-${accountId}`}, stages}};
}

export const ALPHA = {profile: 'alpha', accountId: '210987654321'};
export const BETA = {profile: 'beta', accountId: '123498765432'};

export const REGIONS_SCENARIO: Scenario = {
	accounts: [
		{...ALPHA, regions: ['us-east-1', 'eu-west-1']},
		{...BETA, regions: ['eu-west-1', 'ap-southeast-3'], optInRegions: ['af-south-1']},
	],
	pipelines: [
		{profile: 'alpha', region: 'us-east-1', definition: twoStagePipeline(ALPHA.accountId, 'checkout'), history: 1},
		{profile: 'alpha', region: 'eu-west-1', definition: twoStagePipeline(ALPHA.accountId, 'checkout-eu'), history: 1},
		{profile: 'beta', region: 'eu-west-1', definition: twoStagePipeline(BETA.accountId, 'ledger'), history: 1},
		{profile: 'beta', region: 'ap-southeast-3', definition: twoStagePipeline(BETA.accountId, 'ledger-jakarta'), history: 1},
	],
};
