/** Small, quiet scenarios for engine tests: nothing starts unless the test starts it. */

import type {Scenario, ScenarioPipeline} from '../../source/sim/contract.js';

export const TEAM = {profile: 'team', accountId: '111122223333'};
export const OTHER = {profile: 'other', accountId: '444455556666'};

function act(name: string, category: string, provider: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration: category === 'Build' ? {ProjectName: `${name.toLowerCase()}-project`} : category === 'Source' ? {RepositoryName: 'repo', BranchName: 'main'} : {}, ...extra};
}

/** Source -> Build (-> Approve) -> Deploy. */
export function definition(name: string, accountId: string, region: string, options: {approval?: boolean; mode?: string} = {}): ScenarioPipeline['definition'] {
	const stages: Array<Record<string, unknown>> = [
		{name: 'Source', actions: [act('Checkout', 'Source', 'CodeCommit', {outputArtifacts: [{name: 'Src'}]})]},
		{name: 'Build', actions: [act('Compile', 'Build', 'CodeBuild', {inputArtifacts: [{name: 'Src'}], outputArtifacts: [{name: 'Out'}]})]},
	];
	if (options.approval) stages.push({name: 'Approve', actions: [act('Manual', 'Approval', 'Manual')]});
	stages.push({name: 'Deploy', actions: [act('Ship', 'Deploy', 'CodeDeploy', {inputArtifacts: [{name: 'Out'}], configuration: {ApplicationName: 'app', DeploymentGroupName: 'group'}})]});
	return {
		pipeline: {
			name,
			roleArn: `arn:aws:iam::${accountId}:role/pipeline`,
			artifactStore: {type: 'S3', location: `bucket-${accountId}`},
			stages,
			...(options.mode ? {pipelineType: 'V2', executionMode: options.mode} : {}),
		},
	};
}

export type QuietOptions = {
	/** Pipelines per source. */
	perSource?: number;
	regions?: string[];
	accounts?: Array<{profile: string; accountId: string}>;
	history?: number;
	/** Behaviour for every pipeline (e.g. a failing build). */
	behaviour?: ScenarioPipeline['behaviour'];
	approval?: boolean;
};

export function quietScenario(options: QuietOptions = {}): Scenario {
	const regions = options.regions ?? ['eu-west-1'];
	const accounts = options.accounts ?? [TEAM];
	const pipelines: ScenarioPipeline[] = [];
	for (const account of accounts) {
		for (const region of regions) {
			for (let index = 0; index < (options.perSource ?? 3); index++) {
				const name = `${account.profile}-${region}-p${index}`;
				pipelines.push({profile: account.profile, region, definition: definition(name, account.accountId, region, {approval: options.approval}), history: options.history ?? 2, behaviour: options.behaviour});
			}
		}
	}
	return {accounts: accounts.map(account => ({...account, regions})), pipelines};
}
