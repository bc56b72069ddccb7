import {expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {builtinScenario, createWorld} from '../../../source/sim/world/index.js';
import {SHOP_COMMIT, SHOP_REPOSITORY, sharedRepoScenario} from '../../helpers/shared-repo.js';

type Summary = {pipelineExecutionId: string; status: string; sourceRevisions: Array<{revisionId: string; revisionSummary: string; revisionUrl: string}>; trigger: {triggerType: string}};

function executions(world: ReturnType<typeof createWorld>, profile: string, region: string, name: string): Summary[] {
	return (world.call(profile, region, 'ListPipelineExecutions', {pipelineName: name}) as {pipelineExecutionSummaries: Summary[]}).pipelineExecutionSummaries;
}

test('a push reaches every pipeline built from the repository, with one commit id, summary and URL', () => {
	const clock = new VirtualClock();
	const world = createWorld({scenario: sharedRepoScenario(), clock, seed: 3});
	// The scenario's push an hour before it opened ran through all three.
	const before = ['dev', 'staging', 'prod'].map(env => executions(world, env, env === 'prod' ? 'eu-west-1' : 'us-east-1', `shop-${env}`));
	expect(before.map(list => list.length)).toEqual([1, 1, 1]);
	expect(new Set(before.map(list => list[0].sourceRevisions[0].revisionId)).size).toBe(1);
	expect(before[0][0].sourceRevisions[0].revisionSummary).toBe(JSON.stringify({ProviderType: 'GitHub', CommitMessage: 'first release of the shop'}));

	const pushed = world.push({repository: SHOP_REPOSITORY, commitId: SHOP_COMMIT, message: 'fix: rounding of VAT'});
	expect(pushed.commitId).toBe(SHOP_COMMIT);
	expect(pushed.started.map(entry => entry.pipeline).sort()).toEqual(['shop-dev', 'shop-prod', 'shop-staging']);
	const latest = executions(world, 'prod', 'eu-west-1', 'shop-prod')[0];
	expect(latest.sourceRevisions[0]).toEqual({
		actionName: 'Source',
		revisionId: SHOP_COMMIT,
		revisionSummary: JSON.stringify({ProviderType: 'GitHub', CommitMessage: 'fix: rounding of VAT'}),
		revisionUrl: `https://github.com/${SHOP_REPOSITORY}/commit/${SHOP_COMMIT}`,
	});
	expect(latest.trigger.triggerType).toBe('Webhook');
	// A person releasing the pipeline again builds the branch's head: the same commit.
	const again = world.startExecution('dev', 'us-east-1', 'shop-dev');
	expect(executions(world, 'dev', 'us-east-1', 'shop-dev').find(entry => entry.pipelineExecutionId === again)?.sourceRevisions[0].revisionId).toBe(SHOP_COMMIT);
});

test('in the demo, the pipelines of one service on one branch share their commits', () => {
	const clock = new VirtualClock();
	const world = createWorld({scenario: builtinScenario('demo'), clock, seed: 1});
	const ids = (name: string, profile: string) => new Set(executions(world, profile, 'us-east-1', name).map(entry => entry.sourceRevisions[0]?.revisionId));
	// orders-api-dev, -staging and -prod all build the main branch of acme/orders-api.
	const dev = ids('orders-api-dev', 'dev');
	expect([...ids('orders-api-staging', 'staging')].filter(id => dev.has(id)).length).toBeGreaterThan(0);
	expect([...ids('orders-api-prod', 'prod')].filter(id => dev.has(id)).length).toBeGreaterThan(0);
	// Another service's repository has commits of its own.
	expect([...ids('payments-service-dev', 'dev')].filter(id => dev.has(id))).toEqual([]);
});

test('a scenario push is checked', () => {
	const scenario = {...sharedRepoScenario(), pushes: [{repository: SHOP_REPOSITORY, afterSeconds: 'soon'}]};
	expect(() => createWorld({scenario: scenario as never, clock: new VirtualClock()})).toThrow(/pushes\[0\]\.afterSeconds must be a number/);
});
