/** `pipetop watch --revision REV`, in-process: the real SDK against the embedded service, in virtual time. */

import {afterEach, expect, test} from 'vitest';
import type {GlobalFlags} from '../../source/app/context.js';
import {runWatch} from '../../source/commands/watch.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {runOn} from '../helpers/run-command.js';
import {SHOP_COMMIT, SHOP_REPOSITORY, sharedRepoScenario} from '../helpers/shared-repo.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

function watch(h: FleetHarness, args: string[], flags: Partial<GlobalFlags>) {
	return runOn(h, runWatch, args, flags, 5000);
}

async function pushed(failIn?: 'prod'): Promise<FleetHarness> {
	fleet = await startFleetHarness({scenario: sharedRepoScenario({failIn}), start: false});
	fleet.world.push({repository: SHOP_REPOSITORY, commitId: SHOP_COMMIT, message: 'fix: rounding of VAT'});
	await fleet.advance(30_000);
	return fleet;
}

test('follows the commit in all three pipelines to their ends: exit 0 when all succeeded', async () => {
	const h = await pushed();
	const result = await watch(h, [], {revision: SHOP_COMMIT.slice(0, 8), exitStatus: true});
	expect(result.code, result.stderr).toBe(0);
	const lines = result.stdout.trim().split('\n');
	expect(lines.filter(line => / watching shop-(dev|staging|prod) \(/.test(line))).toHaveLength(3);
	expect(lines.some(line => /^\d\d:\d\d:\d\d {2}shop-prod {2}execution Succeeded$/.test(line))).toBe(true);
	expect(lines.at(-1)).toBe(`${SHOP_COMMIT.slice(0, 8)}: all 3 executions succeeded`);
	// shop-staging deploys for ten minutes: watch waited for it.
	expect(result.seconds).toBeGreaterThan(500);
});

test('exits 1 when one of them fails, and lists what failed', async () => {
	const h = await pushed('prod');
	const result = await watch(h, [], {revision: SHOP_COMMIT, exitStatus: true});
	expect(result.code).toBe(1);
	const tail = result.stdout.trim().split('\n').slice(-2);
	expect(tail[0]).toBe(`${SHOP_COMMIT}: 1 of 3 executions did not succeed:`);
	expect(tail[1]).toMatch(/^ {2}shop-prod \(prod\/eu-west-1\) execution [0-9a-f-]{36}: Failed at Build\/Build/);
});

test('with pipeline names or --filter only those are followed; JSON lines end with every result', async () => {
	const h = await pushed('prod');
	const named = await watch(h, ['shop-dev', 'shop-staging'], {revision: SHOP_COMMIT, exitStatus: true, json: true});
	expect(named.code).toBe(0);
	const events = named.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	expect(events.filter(event => event.type === 'start').map(event => event.pipeline).sort()).toEqual(['shop-dev', 'shop-staging']);
	expect(events.at(-1)).toMatchObject({type: 'end', revision: SHOP_COMMIT, exitCode: 0, results: expect.arrayContaining([expect.objectContaining({pipeline: 'shop-dev', status: 'Succeeded'})])});

	const filtered = await watch(h, [], {revision: SHOP_COMMIT, exitStatus: true, filter: 'prod'});
	expect(filtered.code).toBe(1);
	expect(filtered.stdout).toContain('1 of 1 executions did not succeed');
	await expect(watch(h, ['nosuch'], {revision: SHOP_COMMIT})).rejects.toThrow(/no pipeline named "nosuch"/);
});
