/** `pipetop why`: the same causes as the console, as text and JSON, through the engine and the embedded service. */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {UsageError} from '../../source/config/usage-error.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {failingScenario} from '../ui/scenarios.js';
import {why} from './why-run.js';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: failingScenario(), start: false});
});
afterAll(async () => {
	await fleet?.close();
});

describe('pipetop why', () => {
	test('CodeBuild: the failed phase and its context, then the lines of the failed phase only', async () => {
		const result = await why(fleet, ['build-fails']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toMatch(/^build-fails \(ops\/us-east-1\) execution [0-9a-f-]{36}: Failed$/);
		expect(lines[2]).toBe('Build/Build  CodeBuild  Failed');
		expect(lines[3]).toMatch(/^BUILD phase FAILED: COMMAND_EXECUTION_ERROR: Error while executing command: go test/);
		expect(result.stdout).toMatch(/Build log \(BUILD phase marked\), failed part:/);
		expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d ! --- FAIL: Test\w+/m);
		expect(result.stdout).toContain('Entering phase BUILD');
		expect(result.stdout).not.toContain('Entering phase POST_BUILD');
	});

	test('CloudFormation: the failed resource and its reason, then the events of the update', async () => {
		const result = await why(fleet, ['stack-fails']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Deploy/DeployStack  CloudFormation  Failed');
		expect(lines[3]).toBe(
			'HandlerFunction (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "Resource of type \'AWS::Lambda::Function\' with identifier \'stack-fails-handler\' was not found" (HandlerErrorCode: NotFound)',
		);
		expect(result.stdout).toMatch(/! HandlerAlias {2}AWS::Lambda::Alias {2}UPDATE_FAILED {2}Resource update cancelled/);
	});

	test('--json: one document with each failed action, its headline, details, links and lines', async () => {
		const result = await why(fleet, ['stack-fails'], {json: true});
		const document = JSON.parse(result.stdout);
		expect(document).toMatchObject({pipeline: 'stack-fails', source: 'ops/us-east-1', status: 'Failed'});
		expect(document.failedActions).toHaveLength(1);
		expect(document.failedActions[0]).toMatchObject({stageName: 'Deploy', actionName: 'DeployStack', provider: 'CloudFormation'});
		expect(document.failedActions[0].headline).toMatch(/^HandlerFunction \(AWS::Lambda::Function\) UPDATE_FAILED: /);
		expect(document.failedActions[0].lines.find((line: {error?: boolean}) => line.error).time).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	test('an unknown pipeline is a usage error naming where pipetop looked', async () => {
		await expect(why(fleet, ['nope'])).rejects.toThrow(new UsageError('pipeline "nope" not found in ops/us-east-1'));
		await expect(why(fleet, [])).rejects.toThrow(UsageError);
	});
});

describe('pipetop why: Lambda', () => {
	test("the function's error as the headline, then its log lines of the run", async () => {
		const result = await why(fleet, ['smoke-fails']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Verify/SmokeTest  Lambda  Failed');
		expect(lines[3]).toMatch(/^smoke-fails-smoke-test: Smoke tests failed: \d+ of \d+ checks failed \(GET \/health returned 503\)$/);
		expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d ! .*ERROR\tFAIL GET \/health returned 503 \(expected 200\)$/m);
		expect(result.stdout).toMatch(/REPORT RequestId: /);
	});
});

describe('pipetop why: CodeDeploy and ECS', () => {
	test('CodeDeploy: errorInformation, then the failed targets and their failed lifecycle event with its script output', async () => {
		const result = await why(fleet, ['deploy-fails']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Deploy/Deploy  CodeDeploy  Failed');
		expect(lines[3]).toMatch(/^HEALTH_CONSTRAINTS: The overall deployment failed because too many individual instances failed deployment/);
		expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d ! {3}ApplicationStart {2}Failed$/m);
		expect(result.stdout).toMatch(/^! +\[stderr\]Error: listen EADDRINUSE/m);
	});

	test("ECS: the rollout state and reason, then the service's events", async () => {
		const result = await why(fleet, ['rollout-fails']);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Deploy/Rollout  ECS  Failed');
		expect(lines[3]).toMatch(/^deployment ecs-svc\/\d+ rollout FAILED: ECS deployment circuit breaker: tasks failed to start\.$/);
		expect(result.stdout).toMatch(/! \(service rollout-fails, taskSet ecs-svc\/\d+\) task [0-9a-f]+ stopped: Essential container in task exited/);
	});

	test('any other provider: its summary and error, whole, with its link', async () => {
		const result = await why(fleet, ['site-web']);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Deploy/Deploy  S3  Failed');
		expect(lines[3]).toBe('Access Denied (Service: S3, Status Code: 403) when writing to bucket site-web-prod-site');
		expect(lines[4]).toBe('  JobFailed: Access Denied (Service: S3, Status Code: 403) when writing to bucket site-web-prod-site');
	});
});

describe('pipetop why: Commands', () => {
	test("the failing command's error, then the run's log stream", async () => {
		const result = await why(fleet, ['e2e-fails']);
		const lines = result.stdout.split('\n');
		expect(lines[2]).toBe('Verify/EndToEnd  Commands  Failed');
		expect(lines[3]).toBe('Error: npm run e2e failed: 2 of 14 end-to-end tests failed (checkout flow: expected 200, got 500)');
		expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d ! Command did not exit successfully npm run e2e exit status 1$/m);
	});
});
