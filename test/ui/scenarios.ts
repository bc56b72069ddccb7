/** Scenarios for the console tests, built from the demo's own pipeline shapes. */
import type {Scenario, ScenarioPipeline} from '../../source/sim/contract.js';
import {container, lambda, simple, type ShapeInput} from '../../source/sim/scenarios/demo-shapes.js';

const account = {profile: 'ops', accountId: '123456789012', regions: ['us-east-1', 'eu-west-1']};

function simplePipeline(name: string, region: string, extra: Partial<ScenarioPipeline> = {}): ScenarioPipeline {
	const definition = simple({name, service: name, env: 'prod', accountId: account.accountId, region, otherRegions: [], approval: false});
	return {profile: account.profile, region, definition: definition as ScenarioPipeline['definition'], ...extra};
}

/** One pipeline with a long history (several pages of ListPipelineExecutions). */
export function longHistoryScenario(executions: number): Scenario {
	return {accounts: [{...account, regions: ['us-east-1']}], pipelines: [simplePipeline('release-train', 'us-east-1', {history: executions})]};
}

/** Many quiet pipelines over two regions, for windowing. */
export function largeFleetScenario(count: number): Scenario {
	const pipelines: ScenarioPipeline[] = [];
	for (let index = 0; index < count; index++) {
		const region = account.regions[index % account.regions.length];
		pipelines.push(simplePipeline(`svc-${String(index).padStart(4, '0')}`, region, {history: 1}));
	}
	return {accounts: [account], pipelines};
}

/** One pipeline whose build takes long enough to be followed while it runs. */
export function slowBuildScenario(): Scenario {
	return {
		accounts: [{...account, regions: ['us-east-1']}],
		pipelines: [simplePipeline('slow-build', 'us-east-1', {history: 1, behaviour: {'Build/Build': {seconds: 600, outcomes: ['Succeeded']}}})],
	};
}

/** One pipeline of each kind of failing action, for the "why" views: every run of the named action fails. */
export function failingScenario(): Scenario {
	const fail = {outcomes: ['Failed' as const]};
	const shaped = (name: string, shape: (input: ShapeInput) => Record<string, unknown>, failing: string): ScenarioPipeline => ({
		profile: account.profile,
		region: 'us-east-1',
		definition: shape({name, service: name, env: 'prod', accountId: account.accountId, region: 'us-east-1', otherRegions: [], approval: false}) as ScenarioPipeline['definition'],
		history: 1,
		behaviour: {[failing]: fail},
	});
	return {
		accounts: [{...account, regions: ['us-east-1']}],
		pipelines: [
			shaped('build-fails', simple, 'Build/Build'),
			shaped('stack-fails', input => lambda(input, 'SUPERSEDED'), 'Deploy/DeployStack'),
			shaped('smoke-fails', input => lambda(input, 'SUPERSEDED'), 'Verify/SmokeTest'),
			shaped('deploy-fails', simple, 'Deploy/Deploy'),
			shaped('rollout-fails', container, 'Deploy/Rollout'),
			shaped('site-web', simple, 'Deploy/Deploy'),
			shaped('e2e-fails', withCommands, 'Verify/EndToEnd'),
		],
	};
}

/** The simple shape with a Commands action (category Compute) after the deploy. */
function withCommands(input: ShapeInput): Record<string, unknown> {
	const definition = simple(input) as {pipeline: {stages: unknown[]}};
	const commands = {name: 'EndToEnd', actionTypeId: {category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1'}, commands: ['npm ci', 'npm run e2e'], inputArtifacts: [{name: 'SourceArtifact'}], runOrder: 1};
	definition.pipeline.stages.push({name: 'Verify', actions: [commands]});
	return definition;
}
