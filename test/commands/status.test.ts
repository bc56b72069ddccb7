/** `pipetop status` in-process, against the embedded service in virtual time. */

import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import type {GlobalFlags} from '../../source/app/context.js';
import {UsageError} from '../../source/config/usage-error.js';
import {runStatus} from '../../source/commands/status.js';
import type {StatusDocument} from '../../source/commands/status-snapshot.js';
import type {FaultOptions} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {statusOn} from '../helpers/run-status.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

/** Runs the command on the harness's clock, moving virtual time until it returns. */
async function status(
	flags: Partial<GlobalFlags>,
	faults?: FaultOptions,
	args: string[] = [],
	env: Record<string, string> = {},
): Promise<{code: number; stdout: string; stderr: string}> {
	fleet ??= await startFleetHarness({scenario: 'demo', start: false});
	if (faults) fleet.setFaults(faults);
	return statusOn(fleet, flags, args, env);
}

test('status --json: every pipeline of every source with stages, actions, latest execution and call counts; exit 0', async () => {
	const result = await status({json: true});
	expect(result.code).toBe(0);
	const document = JSON.parse(result.stdout) as StatusDocument;
	expect(document.schemaVersion).toBe(1);
	expect(document.complete).toBe(true);
	// --all-profiles: each profile in its own region (dev us-east-1, prod us-east-1, staging us-east-1).
	expect(document.sources.map(source => [source.key, source.health])).toEqual([
		['dev/us-east-1', 'ok'],
		['prod/us-east-1', 'ok'],
		['staging/us-east-1', 'ok'],
	]);
	const expected = fleet?.world.pipelines().filter(pipeline => pipeline.region === 'us-east-1') ?? [];
	expect(document.pipelines.map(pipeline => pipeline.key).sort()).toEqual(expected.map(pipeline => `${pipeline.profile}/${pipeline.region}/${pipeline.name}`).sort());
	for (const pipeline of document.pipelines) {
		expect(pipeline.accountId).toMatch(/^\d{12}$/);
		expect(pipeline.latestExecution?.id).toBeTruthy();
		expect(pipeline.latestExecution?.trigger.type).toBeTruthy();
		expect(pipeline.stages.length).toBeGreaterThan(1);
		for (const stage of pipeline.stages) for (const action of stage.actions) expect(action.category).toBeTruthy();
	}
	const waiting = document.pipelines.filter(pipeline => pipeline.stages.some(stage => stage.actions.some(action => action.approvalPending)));
	expect(waiting.length).toBeGreaterThan(0);
	expect(waiting.every(pipeline => pipeline.attention === 'approval' || pipeline.attention === 'failed')).toBe(true);
	expect(document.pipelines.some(pipeline => pipeline.latestExecution?.sourceRevisions.some(revision => revision.revisionId))).toBe(true);
	expect(document.calls.byOperation.GetPipelineState).toBe(expected.length);
	expect(document.calls.total).toBeGreaterThanOrEqual(expected.length * 2);
	expect(document.counts.total).toBe(expected.length);
});

test('status speaks the console’s status vocabulary: its glyphs, and its ASCII ones on a dumb terminal', async () => {
	const stagesOf = (stdout: string, status: string) =>
		stdout
			.split('\n')
			.filter(line => line.split(/\s{2,}/)[3] === status)
			.map(line => line.split(/\s{2,}/)[4]);
	const unicode = await status({}, undefined, [], {LANG: 'C.UTF-8', TERM: 'xterm'});
	const waiting = stagesOf(unicode.stdout, 'Approval');
	expect(waiting.length).toBeGreaterThan(0);
	// The console's approval glyph; `?` would read as its help key.
	for (const stages of waiting) expect(stages).toContain('‖');
	expect(unicode.stdout).not.toMatch(/[?▶]/);
	const ascii = await status({}, undefined, [], {TERM: 'dumb'});
	for (const stages of stagesOf(ascii.stdout, 'Approval')) expect(stages).toMatch(/^[+x*!#\/>~.-]+$/);
	expect(stagesOf(ascii.stdout, 'Approval').some(stages => stages.includes('!'))).toBe(true);
});

test('status with a refused account prints what it has, says why the rest failed, and exits 1', async () => {
	const result = await status({}, {deniedAccounts: ['318406719254']});
	expect(result.code).toBe(1);
	expect(result.stdout).toMatch(/^PROFILE +REGION +PIPELINE +STATUS +STAGES +AGE/);
	expect(result.stdout).toMatch(/\nprod +us-east-1 +\S+-prod/);
	expect(result.stdout).toMatch(/staging\/us-east-1: FAILED AccessDeniedException: .*\(give profile "staging" read access/);
	expect(result.stdout).not.toMatch(/\nstaging +us-east-1/);
});

test('status --json with a dead region still answers, marking that source failed', async () => {
	const result = await status({json: true, profile: 'prod', region: 'us-east-1,ap-southeast-2', allProfiles: false}, {deadRegions: ['ap-southeast-2']});
	expect(result.code).toBe(1);
	const document = JSON.parse(result.stdout) as StatusDocument;
	const dead = document.sources.find(source => source.key === 'prod/ap-southeast-2');
	expect(dead?.health).toBe('failed');
	expect(dead?.error?.code).toBe('TimeoutError');
	expect(document.pipelines.filter(pipeline => pipeline.region === 'us-east-1').length).toBeGreaterThan(5);
	// A load that takes more than a few seconds says so on stderr, then goes quiet again.
	expect(result.stderr).toMatch(/^pipetop: loading: 1 of 2 sources answered after 5 s\n/);
	expect(result.stderr.split('\n').every(line => line === '' || /^pipetop: loading: [01] of 2 sources answered after \d+ s$/.test(line))).toBe(true);
});

test('bad usage and bad config are one-line usage errors', async () => {
	fleet = await startFleetHarness({scenario: 'empty', start: false});
	const harness = fleet;
	const extra = harness.commandContext(['oops'], {allProfiles: true});
	await expect(runStatus(extra.context)).rejects.toThrow(new UsageError('status takes no arguments (got "oops")'));
	const unknown = harness.commandContext([], {profile: 'nobody'});
	await expect(runStatus(unknown.context)).rejects.toThrow(/unknown profile "nobody"/);
	const path = join(harness.dir, 'config.json');
	await writeFile(path, '{"intervals": {"idleSeconds": "60"}}');
	const badConfig = harness.commandContext([], {allProfiles: true, config: path});
	await expect(runStatus(badConfig.context)).rejects.toThrow(/config.json:1: "intervals.idleSeconds" must be a number of seconds/);
});
