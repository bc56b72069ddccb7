/**
 * `pipetop status --region all`: every region of each profile's partition (the SDK's own partition
 * data) watched, the regions with pipelines listed, the others counted in one line per profile;
 * an opt-in region the account has not enabled is quiet, not a failed source.
 */

import {readFile, writeFile} from 'node:fs/promises';
import {afterEach, expect, test} from 'vitest';
import type {GlobalFlags} from '../../source/app/context.js';
import {UsageError} from '../../source/config/usage-error.js';
import {mergeSettings} from '../../source/app/settings.js';
import {partitionRegions} from '../../source/aws/index.js';
import {validateConfig} from '../../source/config/validate.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {statusOn} from '../helpers/run-status.js';
import {REGIONS_SCENARIO as SCENARIO} from '../helpers/regions-scenario.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

async function status(flags: Partial<GlobalFlags>): Promise<{code: number; stdout: string; stderr: string}> {
	fleet ??= await startFleetHarness({scenario: SCENARIO, start: false});
	return statusOn(fleet, flags);
}

test('--region all shows every pipeline of every account, no failed source, the empty regions in one line each', async () => {
	const regions = await partitionRegions('eu-west-1');
	const result = await status({region: 'all'});
	expect(result.code).toBe(0);
	for (const [profile, region, name] of [['alpha', 'us-east-1', 'checkout'], ['alpha', 'eu-west-1', 'checkout-eu'], ['beta', 'eu-west-1', 'ledger'], ['beta', 'ap-southeast-3', 'ledger-jakarta']]) {
		expect(result.stdout).toMatch(new RegExp(`\\n${profile} +${region} +${name} `));
	}
	expect(result.stdout).not.toContain('FAILED');
	expect(result.stdout).toMatch(/\n4 pipelines: /);
	// The SDK's aws partition: 17 default regions, the rest opt-in.
	const optIn = regions.length - 17;
	expect(result.stdout).toContain(
		`\nalpha: 15 regions without pipelines, ${optIn} opt-in regions not enabled in this account\n` +
			`beta: 17 regions without pipelines, ${optIn - 2} opt-in regions not enabled in this account\n`,
	);
	expect(result.stderr).toBe('');
});

test('status --json: no failed source, the quiet regions counted per profile, exit 0', async () => {
	const optIn = (await partitionRegions('eu-west-1')).length - 17;
	const result = await status({region: 'all', json: true});
	expect(result.code).toBe(0);
	const document = JSON.parse(result.stdout) as {sources: Array<{key: string; health: string}>; sweptRegions: unknown[]; pipelines: unknown[]};
	expect(document.sources.map(source => `${source.key} ${source.health}`).sort()).toEqual(['alpha/eu-west-1 ok', 'alpha/us-east-1 ok', 'beta/ap-southeast-3 ok', 'beta/eu-west-1 ok']);
	expect(document.pipelines).toHaveLength(4);
	expect(document.sweptRegions).toEqual([
		{profile: 'alpha', empty: 15, notEnabled: optIn, sameError: 0, sweeping: 0},
		{profile: 'beta', empty: 17, notEnabled: optIn - 2, sameError: 0, sweeping: 0},
	]);
});

test('the partition comes from the SDK: every commercial region, China apart', async () => {
	const regions = await partitionRegions('us-east-1');
	expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1', 'ap-southeast-7', 'mx-central-1', 'il-central-1']));
	expect(regions).not.toContain('aws-global');
	expect(regions).not.toContain('cn-north-1');
	expect(await partitionRegions('cn-north-1')).toEqual(['cn-north-1', 'cn-northwest-1']);
	expect(await partitionRegions('us-gov-west-1')).toEqual(expect.arrayContaining(['us-gov-east-1', 'us-gov-west-1']));
});

test('"all" stands alone on the command line; the config file may say "regions": "all"', () => {
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, region: 'all,eu-west-1'})).toThrow(UsageError);
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, region: 'all,eu-west-1'})).toThrow('--region all sweeps every region: give it alone, or list regions without "all"');
	expect(validateConfig({regions: 'all'})).toEqual({config: {regions: 'all'}});
	expect(validateConfig({regions: 'some'})).toHaveProperty('problem');
	expect(mergeSettings({regions: 'all'}, DEFAULT_FLAGS)).toMatchObject({allRegions: true, regions: undefined});
	// Flags win over the file.
	expect(mergeSettings({regions: 'all'}, {...DEFAULT_FLAGS, region: 'eu-west-1'})).toMatchObject({allRegions: false, regions: ['eu-west-1']});
});

test('a profile whose keys work nowhere is one failed source, not one per region', async () => {
	fleet = await startFleetHarness({scenario: SCENARIO, start: false});
	const file = fleet.commandContext([]).context.env.AWS_SHARED_CREDENTIALS_FILE as string;
	const credentials = await readFile(file, 'utf8');
	await writeFile(file, credentials.replace(/(\[beta\]\naws_access_key_id = \S+\naws_secret_access_key = )\S+/, '$1wrongwrongwrongwrongwrongwrongwrongwrong'));
	const result = await status({region: 'all'});
	expect(result.code).toBe(1);
	expect(result.stdout.match(/^beta\/\S+: FAILED/gm)).toEqual(['beta/eu-west-1: FAILED']);
	expect(result.stdout).toMatch(/\nalpha +us-east-1 +checkout /);
	const others = (await partitionRegions('eu-west-1')).length - 1;
	expect(result.stdout).toContain(`\nbeta: ${others} more regions failing the same way\n`);
});
