import {describe, expect, test} from 'vitest';
import {loadedFleetPerFile} from '../../helpers/fleet-per-file.js';
import {openConsole} from '../open-console.js';
import {failingScenario} from '../scenarios.js';
import {openWhy} from './open-why.js';

const fleet = loadedFleetPerFile({scenario: failingScenario()});

describe('why: CodeDeploy', () => {
	test("the deployment's errorInformation, then the failed targets with their lifecycle events and script output", async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 34});
		await openWhy(console_, 'deploy-fails');
		await console_.terminal.press('g');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Deploy/Deploy  CodeDeploy  Failed  deploy-fails');
		expect(lines[3]).toBe('HEALTH_CONSTRAINTS: The overall deployment failed because too many individual instances failed deployment, too few');
		const text = console_.terminal.text();
		expect(text).toMatch(/deployment d-[A-Z0-9]{9} \(deploy-fails \/ deploy-fails-prod\): Failed; targets: Succeeded 0, Failed 2, Skipped 1/);
		expect(text).toMatch(/^i-0[0-9a-f]{16} failed ApplicationStart: Script at specified location: scripts\/start_server\.sh/m);
		expect(text).toMatch(/^\d\d:\d\d:\d\d {3}ApplicationStart {2}Failed$/m);
		expect(text).toContain('[stderr]Error: listen EADDRINUSE: address already in use :::8080');
		expect(text).toMatch(/^ {2}ValidateService {2}Skipped$/m);
		for (const operation of ['GetDeployment', 'ListDeploymentTargets', 'BatchGetDeploymentTargets']) expect(fleet().state().counters.callsByOperation[operation]).toBeGreaterThan(0);
		console_.close();
	});
});

describe('why: ECS', () => {
	test("the deployment's rollout state and reason, then the service's events", async () => {
		const console_ = openConsole(fleet(), {columns: 120, rows: 30});
		await openWhy(console_, 'rollout-fails');
		await console_.terminal.press('g');
		const lines = console_.terminal.lines();
		expect(lines[2]).toBe('Why Deploy/Rollout  ECS  Failed  rollout-fails');
		expect(lines[3]).toMatch(/^deployment ecs-svc\/\d+ rollout FAILED: ECS deployment circuit breaker: tasks failed to start\.$/);
		const text = console_.terminal.text();
		expect(text).toContain('service rollout-fails in prod-workers: desired 2, running 2, pending 0');
		expect(text).toMatch(/Essential container in task exited/);
		expect(text).toMatch(/deployment failed: tasks failed to start\./);
		expect(fleet().state().counters.callsByOperation.DescribeServices).toBeGreaterThan(0);
		console_.close();
	});
});
