import {expect, test} from 'vitest';
import {makeWorld, pipelineDoc, timings} from './helpers/world.js';

const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
];

function withHistory(count: number) {
	const t = makeWorld([{doc: pipelineDoc('app', STAGES, {pipelineType: 'V2', variables: [{name: 'Env', defaultValue: 'dev'}, {name: 'Region'}]}), behaviour: timings({'Source/Checkout': 5, 'Build/Compile': 20})}]);
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		ids.push(t.start('app', {variables: [{name: 'Region', value: `r${index}`}]}));
		t.advance(60);
	}
	return {...t, ids};
}

test('ListPipelineExecutions: newest first, paged, stable while new executions start', () => {
	const t = withHistory(7);
	const first = t.call<any>('ListPipelineExecutions', {pipelineName: 'app', maxResults: 3});
	expect(first.pipelineExecutionSummaries.map((entry: any) => entry.pipelineExecutionId)).toEqual(t.ids.slice(-3).reverse());
	t.start('app', {variables: [{name: 'Region', value: 'x'}]});
	const second = t.call<any>('ListPipelineExecutions', {pipelineName: 'app', maxResults: 3, nextToken: first.nextToken});
	expect(second.pipelineExecutionSummaries.map((entry: any) => entry.pipelineExecutionId)).toEqual(t.ids.slice(1, 4).reverse());
	const third = t.call<any>('ListPipelineExecutions', {pipelineName: 'app', maxResults: 3, nextToken: second.nextToken});
	expect(third.pipelineExecutionSummaries.map((entry: any) => entry.pipelineExecutionId)).toEqual([t.ids[0]]);
	expect(third.nextToken).toBeUndefined();
	const summary = first.pipelineExecutionSummaries[0];
	expect(Object.keys(summary).sort()).toEqual(['executionMode', 'executionType', 'lastUpdateTime', 'pipelineExecutionId', 'sourceRevisions', 'startTime', 'status', 'trigger']);
	expect(summary.sourceRevisions[0]).toMatchObject({actionName: 'Checkout', revisionId: expect.stringMatching(/^[0-9a-f]{40}$/)});
	expect(summary.trigger.triggerType).toBe('StartPipelineExecution');
	// A token from another listing or pipeline is refused.
	expect(t.error('ListPipelineExecutions', {pipelineName: 'app', nextToken: first.nextToken, filter: {succeededInStage: {stageName: 'Build'}}}).code).toBe('InvalidNextTokenException');
	expect(t.error('ListActionExecutions', {pipelineName: 'app', nextToken: first.nextToken}).code).toBe('InvalidNextTokenException');
});

test('GetPipelineExecution: resolved variables, artifact revisions, no startTime', () => {
	const t = withHistory(2);
	const execution = t.execution('app', t.ids[1]);
	expect(execution).not.toHaveProperty('startTime');
	expect(execution.variables).toEqual([{name: 'Env', resolvedValue: 'dev'}, {name: 'Region', resolvedValue: 'r1'}]);
	expect(execution.artifactRevisions[0]).toMatchObject({name: 'Src', revisionId: expect.stringMatching(/^[0-9a-f]{40}$/), revisionUrl: expect.stringContaining('/codecommit/repositories/app/commit/')});
	expect(execution).toMatchObject({pipelineName: 'app', pipelineVersion: 1, status: 'Succeeded', executionMode: 'SUPERSEDED', executionType: 'STANDARD'});
	expect(t.error('StartPipelineExecution', {name: 'app'}).message).toContain("'Region'");
	expect(t.error('StartPipelineExecution', {name: 'app', variables: [{name: 'Nope', value: '1'}]}).message).toContain("'Nope'");
});

test('StartPipelineExecution: clientRequestToken is idempotent; source revisions can be pinned', () => {
	const t = withHistory(0);
	const variables = [{name: 'Region', value: 'r'}];
	const a = t.start('app', {clientRequestToken: 'release-42', variables});
	const b = t.start('app', {clientRequestToken: 'release-42', variables});
	expect(b).toBe(a);
	const c = t.start('app', {clientRequestToken: 'release-43', variables, sourceRevisions: [{actionName: 'Checkout', revisionType: 'COMMIT_ID', revisionValue: 'abc123'}]});
	expect(c).not.toBe(a);
	expect(t.execution('app', c).artifactRevisions[0].revisionId).toBe('abc123');
	expect(t.error('StartPipelineExecution', {name: 'app', variables, sourceRevisions: [{actionName: 'Checkout', revisionType: 'IMAGE_DIGEST', revisionValue: 'x'}]}).code).toBe('ValidationException');
	expect(t.error('StartPipelineExecution', {name: 'app', variables, clientRequestToken: 'not ok!'}).message).toContain("'clientRequestToken'");
});

test('ListActionExecutions: filter, paging, inputs and outputs', () => {
	const t = withHistory(3);
	const all = t.call<any>('ListActionExecutions', {pipelineName: 'app', maxResults: 4});
	expect(all.actionExecutionDetails).toHaveLength(4);
	const rest = t.call<any>('ListActionExecutions', {pipelineName: 'app', maxResults: 4, nextToken: all.nextToken});
	expect(rest.actionExecutionDetails).toHaveLength(2);
	expect(rest.nextToken).toBeUndefined();
	const one = t.call<any>('ListActionExecutions', {pipelineName: 'app', filter: {pipelineExecutionId: t.ids[0]}}).actionExecutionDetails;
	expect(one.map((detail: any) => detail.actionName)).toEqual(['Compile', 'Checkout']);
	const [compile, checkout] = one;
	expect(compile.input).toMatchObject({actionTypeId: {category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1'}, configuration: {ProjectName: 'app-compile'}, region: 'us-east-1', inputArtifacts: [{name: 'Src', s3location: {bucket: 'test-artifacts-bucket', key: expect.stringMatching(/^app\/Src\/\w{7}$/)}}]});
	expect(compile.output.executionResult.externalExecutionId).toMatch(/^app-compile:[0-9a-f-]{36}$/);
	expect(checkout.output.outputVariables).toMatchObject({CommitId: checkout.output.executionResult.externalExecutionId, BranchName: 'main', RepositoryName: 'app'});
	expect(checkout.output.outputArtifacts[0].s3location.key).toBe(compile.input.inputArtifacts[0].s3location.key);
	expect(t.error('ListActionExecutions', {pipelineName: 'app', filter: {pipelineExecutionId: '00000000-0000-4000-8000-000000000000'}}).code).toBe('PipelineExecutionNotFoundException');
});

test('old executions are pruned past the retention limit; running ones are kept', () => {
	const t = withHistory(0);
	const retain = t.world.engine.retain;
	for (let index = 0; index < retain + 20; index++) {
		t.start('app', {variables: [{name: 'Region', value: 'r'}]});
		t.advance(60);
	}
	const stats = t.world.stats();
	expect(stats.executions).toBe(retain);
	let count = 0;
	let token: string | undefined;
	do {
		const page = t.call<any>('ListPipelineExecutions', {pipelineName: 'app', ...(token ? {nextToken: token} : {})});
		count += page.pipelineExecutionSummaries.length;
		token = page.nextToken;
	} while (token);
	expect(count).toBe(retain);
	expect(stats.builds).toBe(retain);
});
