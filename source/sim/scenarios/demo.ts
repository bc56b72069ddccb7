/**
 * The 'demo' scenario: three accounts (dev, staging, prod), two or three regions each, and about
 * 45 pipelines of a made-up company, generated from a fixed seed so every demo opens the same way.
 * Some pipelines fail now and then, some wait for a human approval when the demo opens, one has a
 * disabled transition, every one has history, and new executions start every 2-15 minutes.
 */

import type {ScenarioPipeline, Scenario} from '../contract.js';
import {Rng} from '../world/random.js';
import {container, crossRegion, infra, lambda, simple, tested, type Env, type ShapeInput} from './demo-shapes.js';
import type {WorldScenarioPipeline} from './types.js';

export const DEMO_ACCOUNTS: Scenario['accounts'] = [
	{profile: 'dev', accountId: '204815627390', regions: ['us-east-1', 'us-west-2']},
	{profile: 'staging', accountId: '318406719254', regions: ['us-east-1', 'eu-west-1']},
	{profile: 'prod', accountId: '471120983365', regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2']},
];

type Shape = 'simple' | 'tested' | 'crossRegion' | 'infra' | 'lambda' | 'container';

/** [service, shape, environments, extra regions per environment]. */
const SERVICES: Array<[string, Shape, Env[], Partial<Record<Env, string[]>>?]> = [
	['orders-api', 'tested', ['dev', 'staging', 'prod'], {prod: ['eu-west-1']}],
	['payments-service', 'tested', ['dev', 'staging', 'prod']],
	['checkout-web', 'simple', ['dev', 'staging', 'prod'], {prod: ['ap-southeast-2']}],
	['inventory-worker', 'container', ['dev', 'prod']],
	['auth-gateway', 'crossRegion', ['staging', 'prod']],
	['notifications', 'lambda', ['dev', 'staging', 'prod'], {staging: ['eu-west-1']}],
	['search-indexer', 'simple', ['dev', 'prod'], {dev: ['us-west-2']}],
	['data-lake-etl', 'lambda', ['dev', 'prod'], {dev: ['us-west-2'], prod: ['eu-west-1']}],
	['mobile-bff', 'tested', ['dev', 'staging']],
	['billing-reports', 'simple', ['staging', 'prod']],
	['catalog-service', 'crossRegion', ['dev', 'prod']],
	['shipping-tracker', 'container', ['staging', 'prod'], {prod: ['eu-west-1']}],
	['admin-portal', 'simple', ['dev', 'prod']],
	['network-baseline', 'infra', ['dev', 'staging', 'prod'], {prod: ['eu-west-1', 'ap-southeast-2']}],
	['image-resizer', 'lambda', ['dev', 'prod']],
	['feature-flags', 'tested', ['prod']],
];

/** Older pipelines that still poll their repository (trigger PollForSourceChanges). */
const POLLING = new Set(['search-indexer', 'admin-portal']);

/** Approvals nobody answers automatically: these wait for you when the demo opens. */
const HUMAN_APPROVALS = new Set(['orders-api-prod', 'network-baseline-prod', 'shipping-tracker-prod', 'auth-gateway-prod', 'payments-service-staging']);

const DISABLED: Record<string, {stage: string; reason: string}> = {
	'billing-reports-prod': {stage: 'Deploy', reason: 'Change freeze until the quarter close (FIN-2291)'},
	'catalog-service-prod': {stage: 'Deploy', reason: 'Holding for the database migration review'},
};

/** Which team owns each service: the demo's pipelines carry `team` and `env` tags (filter with /tag:team=payments). */
const TEAMS: Record<string, string> = {
	'orders-api': 'commerce', 'payments-service': 'payments', 'checkout-web': 'commerce', 'inventory-worker': 'fulfilment',
	'auth-gateway': 'identity', notifications: 'platform', 'search-indexer': 'commerce', 'data-lake-etl': 'data',
	'mobile-bff': 'commerce', 'billing-reports': 'payments', 'catalog-service': 'commerce', 'shipping-tracker': 'fulfilment',
	'admin-portal': 'platform', 'network-baseline': 'platform', 'image-resizer': 'media', 'feature-flags': 'platform',
};

function tagsFor(service: string, env: Env): Array<{key: string; value: string}> {
	return [{key: 'team', value: TEAMS[service] ?? 'platform'}, {key: 'env', value: env}];
}

/** Stage/Action names that fail now and then, per shape. */
const FLAKY: Record<Shape, string[]> = {
	simple: ['Build/Build', 'Deploy/Deploy'],
	tested: ['Build/UnitTests', 'Staging/IntegrationTests', 'Build/Lint'],
	crossRegion: ['Build/Build'],
	infra: ['Plan/CreateChangeSet'],
	lambda: ['Verify/SmokeTest', 'Deploy/DeployStack'],
	container: ['Verify/SmokeTest', 'Deploy/Rollout'],
};

function approvalStage(shape: Shape): string | undefined {
	if (shape === 'tested' || shape === 'container' || shape === 'crossRegion') return 'Approval/Approve';
	if (shape === 'infra') return 'Review/Approve';
	return undefined;
}

function definitionFor(shape: Shape, input: ShapeInput, rng: Rng): Record<string, unknown> {
	switch (shape) {
		case 'simple':
			return simple(input);
		case 'tested':
			return tested(input, input.env === 'prod' ? 'QUEUED' : 'SUPERSEDED');
		case 'crossRegion':
			return crossRegion(input);
		case 'infra':
			return infra(input);
		case 'lambda':
			return lambda(input, input.env === 'prod' ? 'QUEUED' : rng.pick(['PARALLEL', 'SUPERSEDED']));
		case 'container':
			return container(input);
	}
}

export function demoScenario(): Scenario {
	const rng = Rng.derive(2026, 'demo-fleet');
	const pipelines: ScenarioPipeline[] = [];
	for (const [service, shape, envs, extraRegions] of SERVICES) {
		for (const env of envs) {
			const account = DEMO_ACCOUNTS.find(entry => entry.profile === env);
			if (!account) continue;
			const home = account.regions[0];
			const regions = [home, ...(extraRegions?.[env] ?? [])];
			for (const region of regions) {
				const suffix = region === home ? '' : `-${region.split('-').map(part => part[0]).join('')}${region.slice(-1)}`;
				const name = `${service}-${env}${suffix}`;
				const input: ShapeInput = {
					name,
					service,
					env,
					accountId: account.accountId,
					region,
					otherRegions: shape === 'crossRegion' ? account.regions.filter(other => other !== region) : [],
					approval: env !== 'dev',
					polling: POLLING.has(service),
				};
				const behaviour: NonNullable<ScenarioPipeline['behaviour']> = {};
				const approval = approvalStage(shape);
				if (approval && input.approval && !HUMAN_APPROVALS.has(name)) {
					behaviour[approval] = {seconds: rng.int(240, 1500), outcomes: rng.chance(0.2) ? ['Succeeded', 'Succeeded', 'Failed'] : ['Succeeded']};
				}
				if (rng.chance(0.35)) {
					const flaky = rng.pick(FLAKY[shape]);
					behaviour[flaky] = {outcomes: rng.pick([['Succeeded', 'Failed'], ['Succeeded', 'Succeeded', 'Failed'], ['Failed', 'Succeeded', 'Succeeded', 'Succeeded']]) as Array<'Succeeded' | 'Failed'>};
				}
				const entry: WorldScenarioPipeline = {
					profile: env,
					region,
					definition: {...(definitionFor(shape, input, rng) as NonNullable<ScenarioPipeline['definition']>), tags: tagsFor(service, env)},
					behaviour,
					startEverySeconds: rng.int(120, 900),
					history: rng.int(3, 10),
				};
				const disabled = DISABLED[name];
				if (disabled) entry.transitions = [{stage: disabled.stage, reason: disabled.reason}];
				pipelines.push(entry);
			}
		}
	}
	withDeploymentWindow(pipelines, 'image-resizer-prod', 'Deploy');
	// CodeBuild, CloudFormation, Lambda and CodeDeploy actions fail in the fleet as drawn; an ECS
	// rollout fails here every run, so the demo has a failure of each kind `w` explains.
	withFailingAction(pipelines, 'inventory-worker-dev', 'Deploy/Rollout');
	// And an S3 deploy: a provider with no reader of its own, shown by its summary and error.
	withFailingAction(pipelines, 'admin-portal-dev', 'Deploy/Deploy');
	withEndToEndCommands(pipelines, 'mobile-bff-dev');
	// Every account's CodePipeline events reach one queue in prod, as an organisation would route them.
	const events = {account: 'prod', region: 'us-east-1', queueName: 'pipetop-events'};
	return {accounts: DEMO_ACCOUNTS.map(account => ({...account, regions: [...account.regions]})), pipelines, events};
}

/**
 * One production deploy waits at its stage's door for a deployment window (a V2 entry
 * condition) for ten minutes a run: the pipeline view shows the condition and its rule, and `o`
 * lets the execution in. Added after the fleet is drawn, so no other pipeline changes.
 */
function withDeploymentWindow(pipelines: ScenarioPipeline[], name: string, stageName: string): void {
	const entry = pipelines.find(candidate => (candidate.definition as {pipeline?: {name?: string}} | undefined)?.pipeline?.name === name);
	const stages = (entry?.definition as {pipeline?: {stages?: Array<Record<string, unknown>>}} | undefined)?.pipeline?.stages;
	const stage = stages?.find(candidate => candidate.name === stageName);
	if (!entry || !stage) return;
	stage.beforeEntry = {
		conditions: [
			{
				result: 'FAIL',
				rules: [{name: 'DeploymentWindow', ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '0 0-23/1 ? * MON-FRI *', TimeZone: 'UTC'}}],
			},
		],
	};
	entry.behaviour = {...entry.behaviour, [`${stageName}/beforeEntry`]: {seconds: 600, outcomes: ['Succeeded']}};
}

/** Makes one action fail on every run (added after the fleet is drawn, so no other pipeline changes). */
function withFailingAction(pipelines: ScenarioPipeline[], name: string, action: string): void {
	const entry = pipelines.find(candidate => (candidate.definition as {pipeline?: {name?: string}} | undefined)?.pipeline?.name === name);
	if (entry) entry.behaviour = {...entry.behaviour, [action]: {outcomes: ['Failed']}};
}

/** A V2 pipeline gets a Commands action (category Compute) after production, failing every run. */
function withEndToEndCommands(pipelines: ScenarioPipeline[], name: string): void {
	const entry = pipelines.find(candidate => (candidate.definition as {pipeline?: {name?: string}} | undefined)?.pipeline?.name === name);
	const stages = (entry?.definition as {pipeline?: {stages?: Array<Record<string, unknown>>}} | undefined)?.pipeline?.stages;
	if (!entry || !stages) return;
	const action = {name: 'EndToEnd', actionTypeId: {category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1'}, commands: ['npm ci', 'npm run e2e'], inputArtifacts: [{name: 'SourceArtifact'}], runOrder: 1};
	stages.push({name: 'Verify', actions: [action]});
	withFailingAction(pipelines, name, 'Verify/EndToEnd');
}
