/**
 * Three pipelines of one service built from one GitHub repository (acme/shop, branch main), one per
 * account, each Source -> Build -> Deploy -> Verify, moving at different speeds: after a push,
 * shop-dev is through Verify within three minutes, shop-staging spends ten minutes in Deploy,
 * shop-prod ten minutes in Build. So three minutes after a push its commit is in three pipelines at
 * three different stages. An earlier commit ran through all three an hour before the scenario opens.
 */
import type {Scenario, ScenarioPipeline} from '../../source/sim/contract.js';
import type {WorldScenario} from '../../source/sim/scenarios/types.js';

export const SHOP_REPOSITORY = 'acme/shop';
/** The commit the tests push (World.push). */
export const SHOP_COMMIT = '7e3f9a2c4b1d8e6f0a5c3b2d1e9f8a7b6c5d4e3f';

const ACCOUNTS: Scenario['accounts'] = [
	{profile: 'dev', accountId: '111122223333', regions: ['us-east-1']},
	{profile: 'staging', accountId: '222233334444', regions: ['us-east-1']},
	{profile: 'prod', accountId: '333344445555', regions: ['eu-west-1']},
];

function shopPipeline(env: string, accountId: string, region: string, stageSeconds: {build: number; deploy: number}, failBuild: boolean): ScenarioPipeline {
	const name = `shop-${env}`;
	const action = (actionName: string, category: string, provider: string, configuration: Record<string, string>, extra: Record<string, unknown> = {}) => ({
		name: actionName,
		actionTypeId: {category, owner: 'AWS', provider, version: '1'},
		configuration,
		...extra,
	});
	return {
		profile: env,
		region,
		definition: {
			pipeline: {
				name,
				roleArn: `arn:aws:iam::${accountId}:role/service-role/${name}`,
				artifactStore: {type: 'S3', location: `codepipeline-${region}-${accountId}`},
				stages: [
					{
						name: 'Source',
						actions: [
							action('Source', 'Source', 'CodeStarSourceConnection', {ConnectionArn: `arn:aws:codeconnections:${region}:${accountId}:connection/0b6c2f1e-1111-4c1e-9a8f-000000000000`, FullRepositoryId: SHOP_REPOSITORY, BranchName: 'main'}, {outputArtifacts: [{name: 'SourceArtifact'}]}),
						],
					},
					{name: 'Build', actions: [action('Build', 'Build', 'CodeBuild', {ProjectName: `${name}-build`}, {inputArtifacts: [{name: 'SourceArtifact'}], outputArtifacts: [{name: 'BuildArtifact'}]})]},
					{name: 'Deploy', actions: [action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: 'shop', DeploymentGroupName: name}, {inputArtifacts: [{name: 'BuildArtifact'}]})]},
					{name: 'Verify', actions: [action('SmokeTest', 'Test', 'CodeBuild', {ProjectName: `${name}-smoke`}, {inputArtifacts: [{name: 'BuildArtifact'}]})]},
				],
			},
		} as ScenarioPipeline['definition'],
		behaviour: {
			'Source/Source': {seconds: 5},
			// The push before the scenario opens always succeeds; the tests' push may fail the build.
			'Build/Build': {seconds: stageSeconds.build, outcomes: failBuild ? ['Succeeded', 'Failed'] : ['Succeeded']},
			'Deploy/Deploy': {seconds: stageSeconds.deploy},
			'Verify/SmokeTest': {seconds: 30},
		},
	};
}

/** `failIn`: the pipeline whose build fails on the second commit (the one the tests push). */
export function sharedRepoScenario(options: {failIn?: 'dev' | 'staging' | 'prod'} = {}): WorldScenario {
	const speeds = {dev: {build: 60, deploy: 60}, staging: {build: 60, deploy: 600}, prod: {build: 600, deploy: 60}};
	return {
		accounts: ACCOUNTS,
		pipelines: ACCOUNTS.map(account => shopPipeline(account.profile, account.accountId, account.regions[0], speeds[account.profile as 'dev'], options.failIn === account.profile)),
		pushes: [{repository: SHOP_REPOSITORY, afterSeconds: -3600, message: 'first release of the shop'}],
	};
}
