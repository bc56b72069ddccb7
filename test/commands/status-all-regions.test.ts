/**
 * `pipetop status --region all`: every region of each profile's partition (the SDK's own partition
 * data) swept once, the regions with pipelines watched, the others counted in one line per profile;
 * an opt-in region the account has not enabled is quiet, not a failed source.
 */

import {readFile, writeFile} from 'node:fs/promises';
import {afterEach, expect, test} from 'vitest';
import type {GlobalFlags} from '../../source/app/context.js';
import {UsageError} from '../../source/config/usage-error.js';
import {mergeSettings} from '../../source/app/settings.js';
import {partitionRegions} from '../../source/aws/index.js';
import {validateConfig} from '../../source/config/validate.js';
import type {Scenario} from '../../source/sim/contract.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {statusOn} from '../helpers/run-status.js';
import {action} from '../sim/operations/helpers/definitions.js';

/** A two-stage pipeline: a CodeCommit source and a CodeBuild build. */
function pipeline(accountId: string, name: string): NonNullable<Scenario['pipelines'][number]['definition']> {
	const source = action('Source', 'Source', 'CodeCommit', {RepositoryName: name, BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]});
	const build = action('Build', 'Build', 'CodeBuild', {ProjectName: name}, {inputArtifacts: [{name: 'Src'}]});
	const stages = [source, build].map(entry => ({name: entry.name as string, actions: [entry]}));
	return {pipeline: {name, roleArn: `arn:aws:iam::${accountId}:role/pipeline`, artifactStore: {type: 'S3', location: `artifacts-${accountId}`}, stages}};
}

/** alpha works in two default regions; beta in a default region and an opt-in one (Jakarta), and enabled Cape Town without using it. */
const SCENARIO: Scenario = {
	accounts: [
		{profile: 'alpha', accountId: '210987654321', regions: ['us-east-1', 'eu-west-1']},
		{profile: 'beta', accountId: '123498765432', regions: ['eu-west-1', 'ap-southeast-3'], optInRegions: ['af-south-1']},
	],
	pipelines: [
		{profile: 'alpha', region: 'us-east-1', definition: pipeline('210987654321', 'checkout'), history: 1},
		{profile: 'alpha', region: 'eu-west-1', definition: pipeline('210987654321', 'checkout-eu'), history: 1},
		{profile: 'beta', region: 'eu-west-1', definition: pipeline('123498765432', 'ledger'), history: 1},
		{profile: 'beta', region: 'ap-southeast-3', definition: pipeline('123498765432', 'ledger-jakarta'), history: 1},
	],
};

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
	expect(result.stderr).toBe(
		`pipetop: --region all, profile "alpha": pipelines in 2 regions, 15 regions without pipelines, ${optIn} opt-in regions not enabled\n` +
			`pipetop: --region all, profile "beta": pipelines in 2 regions, 17 regions without pipelines, ${optIn - 2} opt-in regions not enabled\n`,
	);
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
	expect(result.stderr).toContain('pipetop: --region all, profile "beta": no region answered; watching eu-west-1 only (its error says why)\n');
});
