import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {makeWorld, pipelineDoc} from './helpers/world.js';

const SEED = JSON.parse(readFileSync(new URL('../../fixtures/sim/seed-000-pipeline.json', import.meta.url), 'utf8'));
// The seed's role ARN has no account id, which CreatePipeline refuses (see the test below).
SEED.pipeline.roleArn = 'arn:aws:iam::111122223333:role/CodePipelineServiceRole';
const STAGES: Parameters<typeof pipelineDoc>[1] = [
	['Source', ['Checkout']],
	['Build', ['Compile']],
];

describe('CreatePipeline / GetPipeline', () => {
	test('the seed document (with an account id) loads and starts its first execution', () => {
		const t = makeWorld();
		const created = t.call<any>('CreatePipeline', structuredClone(SEED));
		expect(created.pipeline.name).toBe('my-app-pipeline');
		expect(created.pipeline.version).toBe(1);
		expect(created.pipeline.executionMode).toBe('SUPERSEDED');
		expect(created.pipeline.pipelineType).toBe('V1');
		expect(created.pipeline.stages[0].actions[0]).toMatchObject({name: 'SourceAction', runOrder: 1, inputArtifacts: [], outputArtifacts: [{name: 'SourceOutput'}]});
		const got = t.call<any>('GetPipeline', {name: 'my-app-pipeline'});
		expect(got.pipeline.roleArn).toBe('arn:aws:iam::111122223333:role/CodePipelineServiceRole');
		expect(got.metadata).toEqual({pipelineArn: 'arn:aws:codepipeline:us-east-1:111122223333:my-app-pipeline', created: t.clock.now() / 1000, updated: t.clock.now() / 1000});
		const [first] = t.call<any>('ListPipelineExecutions', {pipelineName: 'my-app-pipeline'}).pipelineExecutionSummaries;
		expect(first.trigger).toEqual({triggerType: 'CreatePipeline', triggerDetail: 'arn:aws:iam::111122223333:user/test'});
		// Its approval stage waits for a person, with a token.
		t.advance(900);
		const approval = t.stage('my-app-pipeline', 'ManualApproval').actionStates[0].latestExecution;
		expect(approval.status).toBe('InProgress');
		expect(approval.token).toBeDefined();
	});

	test('names in use, unknown pipelines and versions', () => {
		const t = makeWorld();
		t.call('CreatePipeline', pipelineDoc('app', STAGES));
		expect(t.error('CreatePipeline', pipelineDoc('app', STAGES)).code).toBe('PipelineNameInUseException');
		expect(t.error('GetPipeline', {name: 'nope'}).code).toBe('PipelineNotFoundException');
		expect(t.error('GetPipeline', {name: 'app', version: 2}).code).toBe('PipelineVersionNotFoundException');
		expect(t.error('GetPipelineState', {name: 'nope'}).message).toBe("Account '111122223333' does not have a pipeline with name 'nope'");
	});

	test('UpdatePipeline bumps the version and keeps the old one readable', () => {
		const t = makeWorld();
		t.call('CreatePipeline', pipelineDoc('app', STAGES));
		t.advance(60);
		const changed = pipelineDoc('app', [...STAGES, ['Deploy', [{name: 'Ship', category: 'Deploy'}]]]);
		const updated = t.call<any>('UpdatePipeline', {pipeline: {...changed.pipeline, version: 1}});
		expect(updated.pipeline.version).toBe(2);
		expect(t.call<any>('GetPipeline', {name: 'app'}).pipeline.stages).toHaveLength(3);
		expect(t.call<any>('GetPipeline', {name: 'app', version: 1}).pipeline.stages).toHaveLength(2);
		const metadata = t.call<any>('GetPipeline', {name: 'app'}).metadata;
		expect(metadata.updated - metadata.created).toBe(60);
		expect(t.state('app').pipelineVersion).toBe(2);
		expect(t.call<any>('ListPipelines').pipelines[0]).toMatchObject({name: 'app', version: 2, pipelineType: 'V1', executionMode: 'SUPERSEDED'});
		// UpdatePipeline's model has no PipelineNotFoundException.
		const missing = t.error('UpdatePipeline', pipelineDoc('other', STAGES));
		expect(missing.code).toBe('ValidationException');
		expect(missing.message).toBe("Account '111122223333' does not have a pipeline with name 'other'");
	});

	test('DeletePipeline removes it (and deleting again succeeds)', () => {
		const t = makeWorld();
		t.call('CreatePipeline', pipelineDoc('app', STAGES));
		expect(t.call('DeletePipeline', {name: 'app'})).toEqual({});
		expect(t.error('GetPipeline', {name: 'app'}).code).toBe('PipelineNotFoundException');
		expect(t.call('DeletePipeline', {name: 'app'})).toEqual({});
		t.advance(600);
	});
});

describe('validation', () => {
	test('model errors name every broken field, AWS style', () => {
		const t = makeWorld();
		const doc = pipelineDoc('bad name!', STAGES);
		(doc.pipeline.stages as any)[1].actions[0].actionTypeId.category = 'Compile';
		(doc.pipeline.stages as any)[1].actions[0].runOrder = 0;
		delete (doc.pipeline as any).roleArn;
		const error = t.error('CreatePipeline', doc);
		expect(error.code).toBe('ValidationException');
		expect(error.message).toMatch(/^4 validation errors detected: /);
		expect(error.message).toContain("Value 'bad name!' at 'pipeline.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+");
		expect(error.message).toContain("Value null at 'pipeline.roleArn' failed to satisfy constraint: Member must not be null");
		expect(error.message).toContain("at 'pipeline.stages.2.member.actions.1.member.actionTypeId.category' failed to satisfy constraint: Member must satisfy enum value set");
		expect(error.message).toContain("Value '0' at 'pipeline.stages.2.member.actions.1.member.runOrder'");
	});

	test('missing members and wrong types', () => {
		const t = makeWorld();
		expect(t.error('GetPipelineState', {}).message).toBe("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
		expect(t.error('GetPipeline', {name: 'x'.repeat(101)}).message).toContain('Member must have length less than or equal to 100');
		expect(t.error('ListPipelines', {maxResults: 'ten'}).code).toBe('SerializationException');
		expect(t.error('ListPipelines', {maxResults: 0}).message).toContain("'maxResults'");
		expect(t.error('ListPipelineExecutions', {pipelineName: 'x', maxResults: 101}).message).toContain('Member must have value less than or equal to 100');
		expect(t.error('NoSuchOperation', {}).code).toBe('UnknownOperationException');
	});

	test('structure errors: stage count, source stage, artifact wiring, cross-region stores', () => {
		const t = makeWorld();
		expect(t.error('CreatePipeline', pipelineDoc('one', [['Source', ['Checkout']]])).code).toBe('InvalidStructureException');
		expect(t.error('CreatePipeline', pipelineDoc('nosource', [['Build', [{name: 'A', category: 'Build'}]], ['Deploy', [{name: 'B', category: 'Deploy'}]]])).message).toContain('source actions');
		const wiring = pipelineDoc('wiring', STAGES);
		(wiring.pipeline.stages as any)[1].actions[0].inputArtifacts = [{name: 'Missing'}];
		expect(t.error('CreatePipeline', wiring).message).toContain("Input artifact 'Missing'");
		const remote = pipelineDoc('remote', [['Source', ['Checkout']], ['Deploy', [{name: 'Ship', category: 'Deploy', region: 'eu-west-1'}]]]);
		expect(t.error('CreatePipeline', remote).message).toContain('artifactStores');
		const stores = {artifactStores: {'us-east-1': {type: 'S3', location: 'bucket-use1'}, 'eu-west-1': {type: 'S3', location: 'bucket-euw1'}}};
		const fixed = pipelineDoc('remote', [['Source', ['Checkout']], ['Deploy', [{name: 'Ship', category: 'Deploy', region: 'eu-west-1'}]]], stores);
		delete (fixed.pipeline as any).artifactStore;
		expect(t.call<any>('CreatePipeline', fixed).pipeline.stages[1].actions[0].region).toBe('eu-west-1');
		const variables = pipelineDoc('vars', STAGES, {variables: [{name: 'Env', defaultValue: 'dev'}]});
		expect(t.error('CreatePipeline', variables).code).toBe('ValidationException');
	});
});

describe('ListPipelines paging', () => {
	test('pages in name order with opaque tokens; a bad token is InvalidNextTokenException', () => {
		const t = makeWorld();
		for (const name of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) t.call('CreatePipeline', pipelineDoc(name, STAGES));
		const first = t.call<any>('ListPipelines', {maxResults: 2});
		expect(first.pipelines.map((entry: any) => entry.name)).toEqual(['alpha', 'bravo']);
		expect(first.nextToken).not.toContain('bravo');
		const second = t.call<any>('ListPipelines', {maxResults: 2, nextToken: first.nextToken});
		expect(second.pipelines.map((entry: any) => entry.name)).toEqual(['charlie', 'delta']);
		const third = t.call<any>('ListPipelines', {maxResults: 2, nextToken: second.nextToken});
		expect(third.pipelines.map((entry: any) => entry.name)).toEqual(['echo']);
		expect(third.nextToken).toBeUndefined();
		expect(t.error('ListPipelines', {nextToken: 'garbage'}).code).toBe('InvalidNextTokenException');
		expect(t.error('ListPipelines', {nextToken: `${first.nextToken.slice(0, -2)}xx`}).code).toBe('InvalidNextTokenException');
		const executions = t.call<any>('ListPipelineExecutions', {pipelineName: 'alpha'});
		expect(executions.pipelineExecutionSummaries).toHaveLength(1);
	});
});
