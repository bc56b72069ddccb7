/** `pipetop where REV`, in-process: the real SDK against the embedded service, in virtual time. */

import {afterEach, expect, test} from 'vitest';
import type {GlobalFlags} from '../../source/app/context.js';
import {runWhere} from '../../source/commands/where.js';
import {UsageError} from '../../source/config/usage-error.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {runOn} from '../helpers/run-command.js';
import {SHOP_COMMIT, SHOP_REPOSITORY, sharedRepoScenario} from '../helpers/shared-repo.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

/** The shop fleet three minutes after SHOP_COMMIT was pushed. */
async function pushedFleet(): Promise<FleetHarness> {
	fleet = await startFleetHarness({scenario: sharedRepoScenario(), start: false});
	fleet.world.push({repository: SHOP_REPOSITORY, commitId: SHOP_COMMIT, message: 'fix: rounding of VAT'});
	await fleet.advance(180_000);
	return fleet;
}

function where(h: FleetHarness, args: string[], flags: Partial<GlobalFlags> = {}) {
	return runOn(h, runWhere, args, flags);
}

test('finds a commit (by its first 7 characters) in three pipelines at three different stages, with what each stage last ran', async () => {
	const h = await pushedFleet();
	const result = await where(h, [SHOP_COMMIT.slice(0, 7)], {json: true});
	expect(result.code).toBe(0);
	const document = JSON.parse(result.stdout);
	expect(document).toMatchObject({schemaVersion: 1, revision: SHOP_COMMIT.slice(0, 7), complete: true, searched: 3, historyRead: 3, failedSources: []});
	const byName = Object.fromEntries(document.pipelines.map((pipeline: {name: string}) => [pipeline.name, pipeline]));
	expect(Object.keys(byName).sort()).toEqual(['shop-dev', 'shop-prod', 'shop-staging']);
	expect(byName['shop-dev'].furthest).toMatchObject({match: 'commit', revisionId: SHOP_COMMIT, status: 'Succeeded', furthestStage: 'Verify', stageStatus: 'Succeeded', known: true});
	expect(byName['shop-staging'].furthest).toMatchObject({status: 'InProgress', furthestStage: 'Deploy', stageStatus: 'InProgress'});
	expect(byName['shop-prod'].furthest).toMatchObject({status: 'InProgress', furthestStage: 'Build', stageStatus: 'InProgress'});
	// What is in prod: the new commit in Source and Build, the earlier release beyond.
	const prodStages = byName['shop-prod'].stages.map((stage: {name: string; revisionId: string; carriesRevision: boolean}) => [stage.name, stage.revisionId === SHOP_COMMIT, stage.carriesRevision]);
	expect(prodStages).toEqual([
		['Source', true, true],
		['Build', true, true],
		['Deploy', false, false],
		['Verify', false, false],
	]);
	expect(byName['shop-prod'].stages[2]).toMatchObject({known: true, status: 'Succeeded', revisionSummary: expect.stringContaining('first release of the shop')});
});

test('the text output groups by pipeline and marks the stages that run the commit; a branch finds them too', async () => {
	const h = await pushedFleet();
	const result = await where(h, [SHOP_COMMIT]);
	expect(result.code).toBe(0);
	const lines = result.stdout.split('\n');
	expect(lines[0]).toBe(`${SHOP_COMMIT}: in 3 of 3 pipelines`);
	const prod = lines.indexOf('shop-prod  prod/eu-west-1 333344445555');
	expect(prod).toBeGreaterThan(0);
	expect(lines[prod + 1]).toMatch(/^ {2}● Build {2}InProgress {2}\d+[sm] ago {2}execution [0-9a-f]{8} {2}7e3f9a2 fix: rounding of VAT$/);
	expect(lines[prod + 2]).toMatch(/^ {2}=> {2}Source {2}✓ {2}7e3f9a2 {2}fix: rounding of VAT$/);
	expect(lines[prod + 4]).toMatch(/^ {6}Deploy {2}✓ {2}[0-9a-f]{7} {2}first release of the shop$/);

	const branch = await where(h, ['main'], {json: true});
	expect(JSON.parse(branch.stdout).pipelines.map((pipeline: {furthest: {match: string}}) => pipeline.furthest.match)).toEqual(['branch', 'branch', 'branch']);
});

test('a revision found nowhere exits 1; a bad one is a usage error', async () => {
	const h = await pushedFleet();
	const result = await where(h, ['deadbeef']);
	expect(result.code).toBe(1);
	expect(result.stdout).toBe('deadbeef: in none of 3 pipelines\n');
	const {context} = h.commandContext(['two words'], {allProfiles: true});
	await expect(runWhere(context, {clock: h.clock})).rejects.toThrow(UsageError);
	const none = h.commandContext([], {allProfiles: true});
	await expect(runWhere(none.context, {clock: h.clock})).rejects.toThrow(/exactly one REVISION/);
});

test('a commit newer runs have passed over: how far it got comes from its own action executions', async () => {
	fleet = await startFleetHarness({scenario: sharedRepoScenario({failIn: 'prod'}), start: false});
	const h = fleet;
	h.world.push({repository: SHOP_REPOSITORY, commitId: SHOP_COMMIT, message: 'fix: rounding of VAT'});
	await h.advance(15 * 60_000);
	// The next commit goes through prod's every stage: GetPipelineState shows SHOP_COMMIT nowhere there.
	const next = h.world.push({repository: SHOP_REPOSITORY, message: 'feat: gift cards'});
	await h.advance(20 * 60_000);
	const result = await where(h, [SHOP_COMMIT.slice(0, 10)], {json: true});
	const prod = JSON.parse(result.stdout).pipelines.find((pipeline: {name: string}) => pipeline.name === 'shop-prod');
	expect(prod.furthest).toMatchObject({status: 'Failed', furthestStage: 'Build', stageStatus: 'Failed', known: true});
	expect(prod.stages.map((stage: {revisionId: string}) => stage.revisionId)).toEqual([next.commitId, next.commitId, next.commitId, next.commitId]);
	expect(prod.stages.every((stage: {carriesRevision: boolean}) => !stage.carriesRevision)).toBe(true);
	// Read on demand, once: ListActionExecutions for that one execution only.
	expect(h.sim.stats().handledByOperation.ListActionExecutions).toBe(1);
});
