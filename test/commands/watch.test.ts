/** `pipetop watch` in-process, against the embedded service in virtual time. */

import {afterEach, expect, test} from 'vitest';
import {type GlobalFlags} from '../../source/app/context.js';
import {UsageError} from '../../source/config/usage-error.js';
import {runWatch} from '../../source/commands/watch.js';
import {quietScenario, TEAM} from '../engine/scenarios.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {runOn} from '../helpers/run-command.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

const REGION = 'eu-west-1';

async function harness(options: Parameters<typeof quietScenario>[0] = {}): Promise<FleetHarness> {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 2, ...options}), start: false});
	return fleet;
}

/** Runs watch on the harness's clock, moving virtual time until it returns. */
async function watch(h: FleetHarness, args: string[], flags: Partial<GlobalFlags> = {}): Promise<{code: number; stdout: string; stderr: string; seconds: number}> {
	return runOn(h, runWatch, args, {allProfiles: false, profile: TEAM.profile, ...flags}, 500);
}

test('follows the latest execution to its end, printing each stage and action change; --exit-status 0 on success', async () => {
	const h = await harness({behaviour: {'Build/Compile': {seconds: 60}}});
	const id = h.world.startExecution(TEAM.profile, REGION, 'team-eu-west-1-p0');
	const result = await watch(h, ['team-eu-west-1-p0'], {exitStatus: true});
	expect(result.code).toBe(0);
	const lines = result.stdout.trim().split('\n');
	expect(lines[0]).toMatch(new RegExp(`watching team-eu-west-1-p0 \\(team/eu-west-1\\) execution ${id}: InProgress$`));
	const changes = lines.slice(1).map(line => line.replace(/^\d\d:\d\d:\d\d +/, '').replace(/\s+/g, ' '));
	// Each stage and action appears as it starts and as it ends, in order.
	const order = ['Build InProgress', 'Build/Compile InProgress', 'Build Succeeded', 'Deploy Succeeded', 'execution Succeeded'];
	const positions = order.map(text => changes.findIndex(line => line.startsWith(text)));
	expect(positions.every(position => position >= 0), changes.join('\n')).toBe(true);
	expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	expect(result.seconds).toBeGreaterThan(60);
});

test('a failing execution exits 1 with --exit-status, and JSON lines say what failed', async () => {
	const h = await harness({behaviour: {'Build/Compile': {seconds: 30, outcomes: ['Failed']}}});
	h.world.startExecution(TEAM.profile, REGION, 'team-eu-west-1-p1');
	const result = await watch(h, ['team-eu-west-1-p1'], {exitStatus: true, json: true});
	expect(result.code).toBe(1);
	const events = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	expect(events[0]).toMatchObject({type: 'start', pipeline: 'team-eu-west-1-p1', source: 'team/eu-west-1'});
	expect(events).toContainEqual(expect.objectContaining({type: 'action', stage: 'Build', action: 'Compile', status: 'Failed'}));
	expect(events).toContainEqual(expect.objectContaining({type: 'stage', stage: 'Build', status: 'Failed'}));
	expect(events.at(-2)).toMatchObject({type: 'execution', status: 'Failed'});
	expect(events.at(-1)).toMatchObject({type: 'end', status: 'Failed', exitCode: 1});
});

test('an execution that already ended is reported at once: stopped exits 2, an old success 0', async () => {
	const h = await harness({history: 3});
	const listed = h.world.call(TEAM.profile, REGION, 'ListPipelineExecutions', {pipelineName: 'team-eu-west-1-p0'}) as {pipelineExecutionSummaries: Array<{pipelineExecutionId: string; status: string}>};
	const done = listed.pipelineExecutionSummaries.find(item => item.status === 'Succeeded');
	expect(done).toBeDefined();
	const old = await watch(h, ['team-eu-west-1-p0'], {exitStatus: true, executionId: done?.pipelineExecutionId});
	expect(old.code).toBe(0);
	expect(old.seconds).toBeLessThan(1);
	expect(old.stdout).toMatch(/execution Succeeded/);

	const id = h.world.startExecution(TEAM.profile, REGION, 'team-eu-west-1-p1');
	h.world.call(TEAM.profile, REGION, 'StopPipelineExecution', {pipelineName: 'team-eu-west-1-p1', pipelineExecutionId: id, abandon: true, reason: 'testing'});
	await h.advance(5000);
	const stopped = await watch(h, ['team-eu-west-1-p1'], {exitStatus: true});
	expect(stopped.code).toBe(2);
	expect(stopped.stdout).toMatch(/execution Stopped/);
	// Without --exit-status, the end of an execution is a normal end.
	const plain = await watch(h, ['team-eu-west-1-p1']);
	expect(plain.code).toBe(0);
});

test('bad pipeline names, unknown pipelines and unknown executions are usage errors', async () => {
	const h = await harness();
	await expect(watch(h, [])).rejects.toThrow(UsageError);
	await expect(watch(h, ['a', 'b'])).rejects.toThrow(/exactly one PIPELINE/);
	await expect(watch(h, ['bad name!'])).rejects.toThrow(/is not a pipeline name/);
	await expect(watch(h, ['nope'])).rejects.toThrow(new UsageError('pipeline "nope" not found in team/eu-west-1'));
	await expect(watch(h, ['team-eu-west-1-p0'], {executionId: '00000000-0000-0000-0000-000000000000'})).rejects.toThrow(/execution "00000000-0000-0000-0000-000000000000" not found/);
});

test('AWS refusing the caller is one line on stderr and exit 1', async () => {
	const h = await harness();
	h.setFaults({deniedAccounts: [TEAM.accountId]});
	const result = await watch(h, ['team-eu-west-1-p0'], {exitStatus: true});
	expect(result.code).toBe(1);
	expect(result.stderr).toMatch(/^pipetop: watch: team\/eu-west-1: AccessDeniedException: .*\(give profile "team" read access/);
	expect(result.stderr.trim().split('\n')).toHaveLength(1);
});
