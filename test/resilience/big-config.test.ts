/**
 * `--all-profiles` over a huge AWS config (issue 18, item 7): 30,000 profiles printed nothing for
 * minutes because the work grew with the square of the profiles. What grew so, and is now
 * counted: the files parsed for each source's credentials (now once for every source), and the
 * same-account decision taken again over every source each time one source changed (now over
 * the one that changed, and its group only when its reader may change).
 */

import {writeFile} from 'node:fs/promises';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {sharedFileParses} from '../../source/aws/shared-files.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {AccountGroups} from '../../source/engine/account-groups.js';
import type {AccountReader} from '../../source/engine/same-account.js';
import {quietScenario, TEAM} from '../engine/scenarios.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness;

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 1, accounts: [TEAM]}), start: false});
});

afterAll(async () => {
	await fleet?.close();
});

test('200 profiles of one account with --all-profiles: the AWS files are parsed once for every credential, one profile reads', async () => {
	const account = fleet.world.account(TEAM.profile);
	let config = '';
	let credentials = '';
	for (let index = 0; index < 200; index++) {
		config += `[profile p${index}]\nregion = eu-west-1\nendpoint_url = ${fleet.sim.url}\n`;
		credentials += `[p${index}]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n`;
	}
	await writeFile(fleet.env.AWS_CONFIG_FILE!, config);
	await writeFile(fleet.env.AWS_SHARED_CREDENTIALS_FILE!, credentials);
	const {sources} = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, allProfiles: true}), {env: fleet.env});
	expect(sources).toHaveLength(200);
	const engine = createFleetEngine({flushIntervalMs: 0, sources, clock: fleet.clock});
	fleet.track(engine);
	const parsesBefore = sharedFileParses();
	engine.start();
	try {
		await fleet.until(() => !engine.store.getState().initialLoad, {what: 'the first load'});
		const state = engine.store.getState();
		expect(Object.values(state.sources).filter(source => source.health === 'failed')).toEqual([]);
		// Every source signed its calls; the files were parsed once for all of them.
		expect(sharedFileParses() - parsesBefore).toBe(1);
		// One account and region: one profile reads it, the 199 others stand by for it.
		await fleet.advance(1000);
		const standing = Object.values(engine.store.getState().sources).filter(source => source.sameAs === 'p0/eu-west-1');
		expect(standing).toHaveLength(199);
		expect(Object.keys(engine.store.getState().pipelines)).toHaveLength(1);
	} finally {
		await engine.stop();
	}
});

/** Sources of one account learning it one by one (in a seeded shuffled order); how often a source is looked at. */
function lookupsFor(count: number): number {
	let lookups = 0;
	const readers = new Map<string, AccountReader>();
	const keys = Array.from({length: count}, (_, index) => `p${index}/eu-west-1`);
	for (const key of keys) readers.set(key, {key, region: 'eu-west-1', account: undefined, readOnly: false, failed: false});
	const groups = new AccountGroups(new Map(keys.map((key, index) => [key, index])), key => {
		lookups++;
		return readers.get(key)!;
	});
	let seed = 7;
	const shuffled = [...keys].sort(() => ((seed = (seed * 16_807) % 2_147_483_647) % 3) - 1);
	const decisions = new Map<string, string | undefined>();
	for (const key of shuffled) {
		readers.get(key)!.account = '111122223333';
		for (const [changed, primary] of groups.changed([key])) decisions.set(changed, primary);
	}
	// The decisions are standByFor's: the first source reads, every other stands by for it.
	expect(decisions.get(keys[0])).toBeUndefined();
	expect(keys.slice(1).every(key => decisions.get(key) === keys[0])).toBe(true);
	return lookups;
}

test('the same-account decision grows with the sources, not with their square (3,000 vs 30,000)', () => {
	const small = lookupsFor(3000);
	const big = lookupsFor(30_000);
	// Ten times the sources: about ten times the work (it was a hundred times: every source, every change).
	expect(big / small).toBeLessThan(15);
	expect(big).toBeLessThan(30_000 * 20);
});
