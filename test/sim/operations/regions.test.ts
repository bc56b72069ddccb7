/**
 * Regions as AWS accounts have them, through the real SDK and the AWS CLI: every default region
 * of the partition answers (empty where nothing lives), an opt-in region refuses the keys until
 * the scenario enables it for the account.
 */

import {GetPipelineCommand, ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {createWorld} from '../../../source/sim/world/index.js';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {failure, startHarness, type SimHarness} from './helpers/sim.js';

const ACCOUNTS = [
	{profile: 'alpha', accountId: '210987654321', regions: ['us-east-1', 'eu-west-1']},
	// Works in an opt-in region (so has enabled it) and enabled another without using it.
	{profile: 'gamma', accountId: '333344445555', regions: ['eu-west-1', 'ap-southeast-3'], optInRegions: ['af-south-1']},
	{profile: 'china', accountId: '444455556666', regions: ['cn-north-1']},
];

let harness: SimHarness;

beforeAll(async () => {
	harness = await startHarness({accounts: ACCOUNTS, pipelines: []});
});

afterAll(async () => {
	await harness.stop();
});

describe('regions through the SDK', () => {
	test('a default region the scenario does not list answers: no pipelines, and GetPipeline finds none', async () => {
		for (const region of ['us-west-2', 'ap-southeast-2', 'sa-east-1', 'eu-north-1']) {
			const listed = await harness.codepipeline('alpha', region).send(new ListPipelinesCommand({}));
			expect(listed.pipelines).toEqual([]);
		}
		const missing = await failure(harness.codepipeline('alpha', 'us-west-2').send(new GetPipelineCommand({name: 'checkout'})));
		expect(missing.name).toBe('PipelineNotFoundException');
		expect(missing.message).toBe("Account '210987654321' does not have a pipeline with name 'checkout'");
	});

	test('an opt-in region the account never enabled refuses its keys', async () => {
		for (const region of ['af-south-1', 'ap-east-1', 'me-south-1', 'il-central-1', 'mx-central-1', 'ap-southeast-7']) {
			const refused = await failure(harness.codepipeline('alpha', region).send(new ListPipelinesCommand({})));
			expect(refused.name).toBe('UnrecognizedClientException');
			expect(refused.message).toBe('The security token included in the request is invalid.');
		}
	});

	test('opt-in regions the scenario enables answer, in regions and in optInRegions', async () => {
		expect((await harness.codepipeline('gamma', 'ap-southeast-3').send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
		expect((await harness.codepipeline('gamma', 'af-south-1').send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
		expect((await failure(harness.codepipeline('gamma', 'me-central-1').send(new ListPipelinesCommand({})))).name).toBe('UnrecognizedClientException');
	});

	test('keys of one partition are not valid in another, and made-up regions answer nothing', async () => {
		expect((await failure(harness.codepipeline('alpha', 'cn-north-1').send(new ListPipelinesCommand({})))).name).toBe('UnrecognizedClientException');
		expect((await failure(harness.codepipeline('alpha', 'us-gov-west-1').send(new ListPipelinesCommand({})))).name).toBe('UnrecognizedClientException');
		expect((await failure(harness.codepipeline('china', 'us-east-1').send(new ListPipelinesCommand({})))).name).toBe('UnrecognizedClientException');
		expect((await harness.codepipeline('china', 'cn-northwest-1').send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
		expect((await failure(harness.codepipeline('alpha', 'eu-nowhere-9').send(new ListPipelinesCommand({})))).name).toBe('UnrecognizedClientException');
	});
});

describe.skipIf(!awsCliAvailable())(`regions through the AWS CLI${awsCliAvailable() ? '' : ' (skipped: `aws` is not on PATH)'}`, () => {
	test('list-pipelines in a default region is empty; in an opt-in region it names the error', async () => {
		const cli = awsCli(harness);
		expect((await cli('alpha', 'codepipeline', 'list-pipelines', '--region', 'us-west-2')).pipelines).toEqual([]);
		const refused = await cli('alpha', 'codepipeline', 'list-pipelines', '--region', 'me-south-1').catch((error: {stderr: string}) => error);
		expect(String((refused as {stderr: string}).stderr)).toContain('UnrecognizedClientException');
		expect((await cli('gamma', 'codepipeline', 'list-pipelines', '--region', 'af-south-1')).pipelines).toEqual([]);
	});
});

describe('scenario optInRegions', () => {
	const world = (optInRegions: unknown) => () => createWorld({scenario: {accounts: [{profile: 'a', accountId: '123456789012', regions: ['eu-west-1'], optInRegions} as never], pipelines: []}, clock: new VirtualClock()});

	test('a default region or another partition\'s region is refused with the reason', () => {
		expect(world(['us-west-2'])).toThrow('scenario: accounts[0].optInRegions: "us-west-2" is not an opt-in region (default regions are enabled in every account)');
		expect(world('af-south-1')).toThrow('scenario: accounts[0].optInRegions must be an array of opt-in region names like "af-south-1"');
		expect(world(['me-south-1'])).not.toThrow();
	});
});
