import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {builtinScenario, createWorld, loadScenario} from '../../../source/sim/world/index.js';

const FIXTURES = new URL('../../fixtures/sim/', import.meta.url).pathname;

function scratch(files: Record<string, unknown>): string {
	const dir = mkdtempSync(join(tmpdir(), 'pipetop-scenario-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
	return dir;
}

describe('loadScenario', () => {
	test('a scenario file loads the seed pipeline through definitionFile', async () => {
		const scenario = await loadScenario(join(FIXTURES, 'seed-scenario.json'));
		expect(scenario.pipelines[0].definition?.pipeline.name).toBe('my-app-pipeline');
		const clock = new VirtualClock();
		const notes: string[] = [];
		const world = createWorld({scenario, clock, note: line => notes.push(line)});
		// The seed's role ARN lacks the account id: filled in, said once.
		expect(notes).toEqual(["pipetop sim: my-app-pipeline: roleArn has no account id (arn:aws:iam::role/...); the account's id was filled in. CreatePipeline refuses such an ARN, as AWS does.\n"]);
		expect((world.call('team', 'eu-west-1', 'GetPipeline', {name: 'my-app-pipeline'}) as any).pipeline.roleArn).toBe('arn:aws:iam::123456789012:role/CodePipelineServiceRole');
		expect(scenario.pipelines[0].definition?.pipeline.roleArn).toBe('arn:aws:iam::role/CodePipelineServiceRole');
		const state = world.call('team', 'eu-west-1', 'GetPipelineState', {name: 'my-app-pipeline'}) as any;
		expect(state.stageStates.map((stage: any) => stage.stageName)).toEqual(['Source', 'Build', 'ManualApproval', 'Deploy']);
		// history: 2 -> two executions already ran (or are running) when the scenario opens.
		const executions = world.call('team', 'eu-west-1', 'ListPipelineExecutions', {pipelineName: 'my-app-pipeline'}) as any;
		expect(executions.pipelineExecutionSummaries).toHaveLength(2);
		expect(executions.pipelineExecutionSummaries[1].trigger.triggerType).toBe('CreatePipeline');
	});

	test('errors name the file and the problem', async () => {
		await expect(loadScenario('/nonexistent/scenario.json')).rejects.toThrow('/nonexistent/scenario.json: cannot read scenario (no such file; built-in scenarios are "demo" and "empty")');
		const dir = scratch({
			'broken.json': '{"accounts": [',
			'bad-profile.json': {accounts: [{profile: 'a', accountId: '123456789012', regions: ['us-east-1']}], pipelines: [{profile: 'b', region: 'us-east-1', definitionFile: 'x.json'}]},
			'missing-def.json': {accounts: [{profile: 'a', accountId: '123456789012', regions: ['us-east-1']}], pipelines: [{profile: 'a', region: 'us-east-1', definitionFile: 'nope.json'}]},
			'bad-def.json': {accounts: [{profile: 'a', accountId: '123456789012', regions: ['us-east-1']}], pipelines: [{profile: 'a', region: 'us-east-1', definition: {pipeline: {name: 'p', roleArn: 'arn:aws:iam::123456789012:role/r', artifactStore: {type: 'S3', location: 'bucket'}, stages: []}}}]},
			'bad-account.json': {accounts: [{profile: 'a', accountId: '12', regions: ['us-east-1']}], pipelines: []},
			'x.json': {pipeline: {}},
		});
		await expect(loadScenario(join(dir, 'broken.json'))).rejects.toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
		await expect(loadScenario(join(dir, 'bad-profile.json'))).rejects.toThrow('pipelines[0].profile "b" is not one of the accounts\' profiles');
		await expect(loadScenario(join(dir, 'missing-def.json'))).rejects.toThrow(`pipelines[0].definitionFile ${join(dir, 'nope.json')} cannot be read (ENOENT)`);
		await expect(loadScenario(join(dir, 'bad-def.json'))).rejects.toThrow(/bad-def\.json: pipelines\[0\] \(p\)\.definition is not a valid pipeline: InvalidStructureException: Pipeline has only 0 stage/);
		await expect(loadScenario(join(dir, 'bad-account.json'))).rejects.toThrow('accounts[0].accountId must be 12 digits');
	});

	test('built-in names', async () => {
		expect((await loadScenario('empty')).pipelines).toEqual([]);
		expect((await loadScenario('empty')).accounts.map(account => account.profile)).toEqual(['dev', 'staging', 'prod']);
		expect((await loadScenario('demo')).pipelines.length).toBeGreaterThan(30);
	});
});

describe('the demo fleet', () => {
	const clock = new VirtualClock();
	const world = createWorld({scenario: builtinScenario('demo'), clock});
	const declarations = world.pipelines().map(entry => ({...entry, pipeline: (world.call(entry.profile, entry.region, 'GetPipeline', {name: entry.name}) as any).pipeline}));

	test('three accounts with 12-digit ids, two or three regions each, 30-60 pipelines', () => {
		expect(world.accounts().map(account => account.profile)).toEqual(['dev', 'staging', 'prod']);
		for (const account of world.accounts()) {
			expect(account.accountId).toMatch(/^\d{12}$/);
			expect(account.regions.length).toBeGreaterThanOrEqual(2);
			expect(account.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
			expect(account.secretAccessKey).toHaveLength(40);
		}
		expect(declarations.length).toBeGreaterThanOrEqual(30);
		expect(declarations.length).toBeLessThanOrEqual(60);
		expect(new Set(declarations.map(entry => `${entry.profile}/${entry.region}`)).size).toBeGreaterThanOrEqual(6);
	});

	test('V1 and V2, all three execution modes, variables, cross-region actions, parallel actions', () => {
		expect(new Set(declarations.map(entry => entry.pipeline.pipelineType))).toEqual(new Set(['V1', 'V2']));
		expect(new Set(declarations.map(entry => entry.pipeline.executionMode))).toEqual(new Set(['SUPERSEDED', 'QUEUED', 'PARALLEL']));
		expect(declarations.some(entry => entry.pipeline.variables?.length > 0)).toBe(true);
		const actions = declarations.flatMap(entry => entry.pipeline.stages.flatMap((stage: any) => stage.actions.map((action: any) => ({entry, action}))));
		expect(actions.some(({entry, action}) => action.region && action.region !== entry.region)).toBe(true);
		expect(actions.some(({action}) => action.actionTypeId.category === 'Approval' && action.configuration.CustomData && action.configuration.ExternalEntityLink)).toBe(true);
		expect(declarations.some(entry => entry.pipeline.stages.some((stage: any) => stage.actions.filter((action: any) => action.runOrder === 1).length > 1))).toBe(true);
	});

	test('opens with history, running executions, approvals waiting, failures and a disabled transition', () => {
		const states = declarations.map(entry => world.call(entry.profile, entry.region, 'GetPipelineState', {name: entry.name}) as any);
		const actionStates = states.flatMap(state => state.stageStates.flatMap((stage: any) => stage.actionStates));
		expect(actionStates.some(action => action.latestExecution?.token)).toBe(true);
		expect(actionStates.some(action => action.latestExecution?.status === 'Failed')).toBe(true);
		expect(actionStates.some(action => action.latestExecution?.status === 'InProgress')).toBe(true);
		const disabled = states.flatMap(state => state.stageStates).filter((stage: any) => !stage.inboundTransitionState.enabled);
		expect(disabled.length).toBeGreaterThanOrEqual(1);
		expect(disabled[0].inboundTransitionState.disabledReason).toBeTruthy();
		for (const entry of declarations) {
			const executions = (world.call(entry.profile, entry.region, 'ListPipelineExecutions', {pipelineName: entry.name}) as any).pipelineExecutionSummaries;
			expect(executions.length).toBeGreaterThanOrEqual(3);
		}
	});

	test('keeps changing: new executions start within minutes', () => {
		const before = world.stats().executions;
		clock.advance(20 * 60 * 1000);
		expect(world.stats().executions).toBeGreaterThan(before + 20);
		const triggers = new Set<string>();
		for (const entry of declarations) {
			for (const summary of (world.call(entry.profile, entry.region, 'ListPipelineExecutions', {pipelineName: entry.name}) as any).pipelineExecutionSummaries) triggers.add(summary.trigger.triggerType);
		}
		for (const type of ['CreatePipeline', 'StartPipelineExecution', 'CloudWatchEvent', 'WebhookV2', 'Webhook', 'PollForSourceChanges']) expect(triggers).toContain(type);
	});
});
