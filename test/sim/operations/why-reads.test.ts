/** The reads behind "why": CloudFormation stack events (Query protocol), through the real SDK and the AWS CLI. */

import {CloudFormationClient, DescribeStackEventsCommand} from '@aws-sdk/client-cloudformation';
import {FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {BatchGetDeploymentTargetsCommand, CodeDeployClient, GetDeploymentCommand, ListDeploymentTargetsCommand} from '@aws-sdk/client-codedeploy';
import {DescribeServicesCommand, ECSClient} from '@aws-sdk/client-ecs';
import {GetPipelineStateCommand, StartPipelineExecutionCommand} from '@aws-sdk/client-codepipeline';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {awsCliAvailable} from '../../helpers/aws-cli.js';
import {awsCli} from './helpers/aws-cli.js';
import {action, failingBetaPipeline} from './helpers/definitions.js';
import {ACCOUNTS, failure, startHarness, type SimHarness} from './helpers/sim.js';

let harness: SimHarness;
const HAS_AWS = awsCliAvailable();

beforeAll(async () => {
	harness = await startHarness({
		accounts: ACCOUNTS,
		pipelines: [
			failingBetaPipeline('infra', 'Deploy', action('DeployStack', 'Deploy', 'CloudFormation', {ActionMode: 'CREATE_UPDATE', StackName: 'orders-stack'}, {inputArtifacts: [{name: 'Src'}]}), 120),
			failingBetaPipeline('apps', 'Deploy', action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: 'orders', DeploymentGroupName: 'orders-prod'}, {inputArtifacts: [{name: 'Src'}]}), 60),
			failingBetaPipeline('svc', 'Deploy', action('Deploy', 'Deploy', 'ECS', {ClusterName: 'prod-apps', ServiceName: 'orders'}, {inputArtifacts: [{name: 'Src'}]}), 60),
			failingBetaPipeline('smoke', 'Deploy', action('Deploy', 'Invoke', 'Lambda', {FunctionName: 'orders-smoke'}), 60),
		],
	});
	for (const name of ['infra', 'apps', 'svc', 'smoke']) await harness.codepipeline('beta').send(new StartPipelineExecutionCommand({name}));
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

async function externalId(name: string): Promise<string> {
	const state = await harness.codepipeline('beta').send(new GetPipelineStateCommand({name}));
	return state.stageStates?.[1].actionStates?.[0].latestExecution?.externalExecutionId ?? '';
}

describe('CodeDeploy GetDeployment, ListDeploymentTargets, BatchGetDeploymentTargets', () => {
	test('the failed deployment: errorInformation, and a target failed at ApplicationStart with the script log tail', async () => {
		const deploymentId = await externalId('apps');
		const codedeploy = harness.client(CodeDeployClient, 'beta');
		const {deploymentInfo} = await codedeploy.send(new GetDeploymentCommand({deploymentId}));
		expect(deploymentInfo).toMatchObject({deploymentId, applicationName: 'orders', deploymentGroupName: 'orders-prod', status: 'Failed', errorInformation: {code: 'HEALTH_CONSTRAINTS'}});
		expect(deploymentInfo?.createTime).toBeInstanceOf(Date);
		const {targetIds = []} = await codedeploy.send(new ListDeploymentTargetsCommand({deploymentId}));
		expect(targetIds).toHaveLength(3);
		const {deploymentTargets = []} = await codedeploy.send(new BatchGetDeploymentTargetsCommand({deploymentId, targetIds}));
		const first = deploymentTargets[0].instanceTarget;
		expect(first?.status).toBe('Failed');
		const failed = first?.lifecycleEvents?.find(event => event.status === 'Failed');
		expect(failed).toMatchObject({lifecycleEventName: 'ApplicationStart', diagnostics: {errorCode: 'ScriptFailed', scriptName: 'scripts/start_server.sh'}});
		expect(failed?.diagnostics?.logTail).toContain('EADDRINUSE');
		const missing = await failure(codedeploy.send(new GetDeploymentCommand({deploymentId: 'd-AAAAAAAAA'})));
		expect(missing.name).toBe('DeploymentDoesNotExistException');
	});

	test.skipIf(!HAS_AWS)('aws deploy get-deployment and batch-get-deployment-targets', async () => {
		const deploymentId = await externalId('apps');
		const got = await awsCli(harness)('beta', 'deploy', 'get-deployment', '--deployment-id', deploymentId);
		expect(got.deploymentInfo.errorInformation.code).toBe('HEALTH_CONSTRAINTS');
		const listed = await awsCli(harness)('beta', 'deploy', 'list-deployment-targets', '--deployment-id', deploymentId);
		const targets = await awsCli(harness)('beta', 'deploy', 'batch-get-deployment-targets', '--deployment-id', deploymentId, '--target-ids', ...listed.targetIds);
		expect(targets.deploymentTargets[1].instanceTarget.lifecycleEvents.find((event: any) => event.status === 'Failed').lifecycleEventName).toBe('ValidateService');
	});
});

describe('ECS DescribeServices', () => {
	test("the service's primary deployment rolled back by the circuit breaker, and its events", async () => {
		const ecs = harness.client(ECSClient, 'beta');
		const {services = [], failures = []} = await ecs.send(new DescribeServicesCommand({cluster: 'prod-apps', services: ['orders', 'nope']}));
		expect(failures).toEqual([{arn: 'arn:aws:ecs:eu-west-1:123498765432:service/prod-apps/nope', reason: 'MISSING'}]);
		expect(services[0].deployments?.[0]).toMatchObject({id: await externalId('svc'), status: 'PRIMARY', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'});
		expect(services[0].events?.some(event => event.message?.includes('Essential container in task exited'))).toBe(true);
		expect(services[0].events?.[0].createdAt).toBeInstanceOf(Date);
		const error = await failure(ecs.send(new DescribeServicesCommand({cluster: 'nope', services: ['orders']})));
		expect(error.name).toBe('ClusterNotFoundException');
	});

	test.skipIf(!HAS_AWS)('aws ecs describe-services', async () => {
		const answer = await awsCli(harness)('beta', 'ecs', 'describe-services', '--cluster', 'prod-apps', '--services', 'orders');
		expect(answer.services[0].deployments[0].rolloutState).toBe('FAILED');
	});
});

describe('CloudWatch Logs for Lambda functions', () => {
	test("FilterLogEvents on /aws/lambda/NAME: the invocation's stream, the failed checks and the action's error", async () => {
		const logs = harness.logs('beta');
		const {events = []} = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/lambda/orders-smoke', startTime: 0}));
		expect(events[0].logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
		expect(events.some(event => /\tERROR\tFAIL GET \/health returned 503/.test(event.message ?? ''))).toBe(true);
		expect(events.some(event => event.message?.startsWith('REPORT RequestId: '))).toBe(true);
	});

	test.skipIf(!HAS_AWS)('aws logs filter-log-events', async () => {
		const answer = await awsCli(harness)('beta', 'logs', 'filter-log-events', '--log-group-name', '/aws/lambda/orders-smoke', '--filter-pattern', 'ERROR');
		expect(answer.events.length).toBeGreaterThan(1);
	});
});
