/**
 * Three accounts, one `shop` pipeline each (Source, Build, Approve, Prod), over the operator
 * harness: the fleet the bulk actions and freeze are tested on. Charlie's profile is read-only
 * when asked; bravo's Prod transition can start disabled by someone else.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Bootstrapped} from '../../../source/app/bootstrap.js';
import type {Scenario, ScenarioPipeline} from '../../../source/sim/contract.js';
import {REGION, startOperatorSim, type OperatorSim} from './operator-sim.js';

export const ACCOUNTS = {alpha: '111111111111', bravo: '222222222222', charlie: '333333333333'} as const;
export type Profile = keyof typeof ACCOUNTS;
export const PROFILES = Object.keys(ACCOUNTS) as Profile[];
export const shopKey = (profile: Profile) => `${profile}/${REGION}/shop`;

function shop(profile: Profile, transitions: ScenarioPipeline['transitions']): ScenarioPipeline {
	const account = ACCOUNTS[profile];
	const act = (name: string, category: string, provider: string, extra: Record<string, unknown> = {}) => ({name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, ...extra});
	return {
		profile,
		region: REGION,
		definition: {
			pipeline: {
				name: 'shop',
				roleArn: `arn:aws:iam::${account}:role/pipetop-test`,
				artifactStore: {type: 'S3', location: `codepipeline-${REGION}-${account}`},
				stages: [
					{name: 'Source', actions: [act('Checkout', 'Source', 'CodeCommit', {configuration: {RepositoryName: 'shop', BranchName: 'main'}, outputArtifacts: [{name: 'Src'}]})]},
					{name: 'Build', actions: [act('Compile', 'Build', 'CodeBuild', {configuration: {ProjectName: 'shop'}, inputArtifacts: [{name: 'Src'}]})]},
					{name: 'Approve', actions: [act('Manual', 'Approval', 'Manual')]},
					{name: 'Prod', actions: [act('Push', 'Deploy', 'S3', {configuration: {BucketName: 'shop-site', Extract: 'true'}, inputArtifacts: [{name: 'Src'}]})]},
				],
			},
		},
		behaviour: {'Build/Compile': {seconds: 30, outcomes: ['Succeeded']}, 'Prod/Push': {seconds: 30, outcomes: ['Succeeded']}},
		...(transitions ? {transitions} : {}),
	};
}

export function bulkScenario(options: {bravoProdDisabled?: string} = {}): Scenario {
	return {
		accounts: PROFILES.map(profile => ({profile, accountId: ACCOUNTS[profile], regions: [REGION]})),
		pipelines: PROFILES.map(profile => shop(profile, profile === 'bravo' && options.bravoProdDisabled ? [{stage: 'Prod', reason: options.bravoProdDisabled}] : undefined)),
	};
}

export async function startBulkFleet(options: {readOnly?: Profile[]; bravoProdDisabled?: string} = {}): Promise<OperatorSim> {
	const harness = await startOperatorSim({scenario: bulkScenario(options)});
	if (options.readOnly) {
		await mkdir(join(harness.dir, 'config', 'pipetop'), {recursive: true});
		await writeFile(join(harness.dir, 'config', 'pipetop', 'config.json'), JSON.stringify({readOnlyProfiles: options.readOnly}));
	}
	return harness;
}

/** Boots the app over every profile and waits until each shop was read once. */
export async function bootFleet(harness: OperatorSim): Promise<Bootstrapped> {
	const app = await harness.boot({profile: PROFILES.join(',')});
	app.engine.start();
	const state = () => app.engine.store.getState();
	await harness.until(() => PROFILES.every(profile => state().pipelines[shopKey(profile)]?.fetchedAt !== undefined), 'every shop read once');
	return app;
}

/** Starts an execution in every shop and waits until each one's approval waits with its token. */
export async function approvalsWaiting(harness: OperatorSim, app: Bootstrapped): Promise<void> {
	for (const profile of PROFILES) harness.world.startExecution(profile, REGION, 'shop');
	const waiting = (profile: Profile) => app.engine.store.getState().pipelines[shopKey(profile)]?.stages.find(stage => stage.name === 'Approve')?.actions[0].token;
	await harness.until(() => PROFILES.every(profile => waiting(profile) !== undefined), 'an approval waiting in every shop');
}
