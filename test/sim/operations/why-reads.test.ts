/** The reads behind "why": CloudFormation stack events (Query protocol), through the real SDK and the AWS CLI. */

import {CloudFormationClient, DescribeStackEventsCommand} from '@aws-sdk/client-cloudformation';
import {StartPipelineExecutionCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

let harness: SimHarness;
const HAS_AWS = awsCliAvailable();
const action = (name: string, category: string, provider: string, configuration: Record<string, string>, more: Record<string, unknown> = {}) => ({name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration, ...more});

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [
			{
				profile: 'beta',
				region: 'eu-west-1',
				definition: {
					pipeline: {
						name: 'infra',
						roleArn: 'arn:aws:iam::123498765432:role/pipeline',
						artifactStore: {type: 'S3', location: 'beta-artifacts'},
						stages: [
							{name: 'Source', actions: [action('Source', 'Source', 'CodeCommit', {RepositoryName: 'infra', BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
							{name: 'Deploy', actions: [action('DeployStack', 'Deploy', 'CloudFormation', {ActionMode: 'CREATE_UPDATE', StackName: 'orders-stack'}, {inputArtifacts: [{name: 'Src'}]})]},
						],
					},
				},
				behaviour: {'Source/Source': {seconds: 5}, 'Deploy/DeployStack': {seconds: 120, outcomes: ['Failed']}},
			},
		],
	});
	await harness.codepipeline('beta').send(new StartPipelineExecutionCommand({name: 'infra'}));
	harness.clock.advance(10 * 60_000);
});

afterAll(async () => {
	await harness.stop();
});

describe('CloudFormation DescribeStackEvents', () => {
	test('the failed update: newest first, the function UPDATE_FAILED with its reason, then the rollback', async () => {
		const cfn = harness.client(CloudFormationClient, 'beta');
		const {StackEvents = []} = await cfn.send(new DescribeStackEventsCommand({StackName: 'orders-stack'}));
		expect(StackEvents[0]).toMatchObject({StackName: 'orders-stack', LogicalResourceId: 'orders-stack', ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE'});
		expect(StackEvents[0].StackId).toMatch(/^arn:aws:cloudformation:eu-west-1:123498765432:stack\/orders-stack\//);
		expect(StackEvents[0].Timestamp).toBeInstanceOf(Date);
		const failed = StackEvents.filter(event => event.ResourceStatus?.endsWith('_FAILED'));
		expect(failed.at(-1)).toMatchObject({LogicalResourceId: 'HandlerFunction', ResourceType: 'AWS::Lambda::Function', ResourceStatus: 'UPDATE_FAILED'});
		expect(failed.at(-1)?.ResourceStatusReason).toContain("Resource of type 'AWS::Lambda::Function' with identifier 'orders-stack-handler' was not found");
		expect(StackEvents.at(-1)).toMatchObject({ResourceStatus: 'UPDATE_IN_PROGRESS', ResourceStatusReason: 'User Initiated'});
	});

	test('an unknown stack is a ValidationError, as CloudFormation answers it', async () => {
		const cfn = harness.client(CloudFormationClient, 'beta');
		const error = await failure(cfn.send(new DescribeStackEventsCommand({StackName: 'nope'})));
		expect(error.name).toBe('ValidationError');
		expect(error.message).toBe('Stack [nope] does not exist');
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	test.skipIf(!HAS_AWS)(`aws cloudformation describe-stack-events${HAS_AWS ? '' : ' (skipped: `aws` is not on PATH)'}`, async () => {
		const answer = await awsCli(harness)('beta', 'cloudformation', 'describe-stack-events', '--stack-name', 'orders-stack', '--region', 'eu-west-1');
		const failed = answer.StackEvents.find((event: any) => event.ResourceStatus === 'UPDATE_FAILED' && event.LogicalResourceId === 'HandlerFunction');
		expect(failed.ResourceStatusReason).toContain('HandlerErrorCode: NotFound');
		const missing = await awsCli(harness)('beta', 'cloudformation', 'describe-stack-events', '--stack-name', 'nope').catch((error: {stderr: string}) => error);
		expect(String((missing as {stderr: string}).stderr)).toContain('An error occurred (ValidationError) when calling the DescribeStackEvents operation: Stack [nope] does not exist');
	});
});
