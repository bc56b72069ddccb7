/** Which sources pipetop watches, from the AWS files, the flags and the environment, as the AWS CLI would. */

import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import type {GlobalFlags} from '../../source/app/context.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

let dir = '';
let env: NodeJS.ProcessEnv = {};
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pipetop-sources-'));
	env = {HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')};
	await writeFile(
		join(dir, 'config'),
		`[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n\n[profile prod]\nregion = eu-central-1\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n\n[profile noregion]\noutput = json\n\n[services x]\ncodepipeline =\n  endpoint_url = http://x\n`,
	);
	await writeFile(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n\n[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = secret\n');
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

async function keys(flags: Partial<GlobalFlags>, extraEnv: NodeJS.ProcessEnv = {}): Promise<string[]> {
	const {sources} = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, ...flags}), {env: {...env, ...extraEnv}});
	return sources.map(source => source.spec.key);
}

test('default: AWS_PROFILE, else "default", in the profile\'s own region', async () => {
	expect(await keys({})).toEqual(['default/us-east-1']);
	expect(await keys({}, {AWS_PROFILE: 'dev'})).toEqual(['dev/eu-west-1']);
	expect(await keys({}, {AWS_REGION: 'ap-south-1'})).toEqual(['default/ap-south-1']);
});

test('--profile and --region lists, --all-profiles over both files', async () => {
	expect(await keys({profile: 'dev,prod'})).toEqual(['dev/eu-west-1', 'prod/eu-central-1']);
	expect(await keys({profile: 'dev,prod', region: 'us-west-2,eu-west-1'})).toEqual(['dev/us-west-2', 'dev/eu-west-1', 'prod/us-west-2', 'prod/eu-west-1']);
	const all = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, allProfiles: true}), {env});
	// "ci" is only in the credentials file and has no region; "noregion" has none either: skipped, said so.
	expect(all.sources.map(source => source.spec.key)).toEqual(['default/us-east-1', 'dev/eu-west-1', 'prod/eu-central-1']);
	expect(all.warnings).toEqual([expect.stringMatching(/profile "ci" has no region/), expect.stringMatching(/profile "noregion" has no region/)]);
	expect(all.sources.find(source => source.spec.profile === 'prod')?.spec.credentialKind).toBe('role');
});

test('unknown profiles, missing regions and unreadable files are usage errors that say what to fix', async () => {
	await expect(keys({profile: 'nope'})).rejects.toThrow(/unknown profile "nope": not in .*config or .*credentials \(known: ci, default, dev, noregion, prod\)/);
	await expect(keys({profile: 'noregion'})).rejects.toThrow(/profile "noregion" has no region: add "region = ..." to it in .*config, or pass --region/);
	await chmod(join(dir, 'config'), 0o000);
	if (process.getuid?.() !== 0) await expect(keys({})).rejects.toThrow(/cannot read .*config \(permission denied\)/);
});

test('keys in the environment stand in for the default profile, as in the AWS CLI', async () => {
	await rm(join(dir, 'credentials'));
	await writeFile(join(dir, 'config'), '[profile dev]\nregion = eu-west-1\n');
	const {sources} = await resolveSources(mergeSettings({}, DEFAULT_FLAGS), {env: {...env, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 's', AWS_REGION: 'eu-west-1'}});
	expect(sources.map(source => [source.spec.key, source.spec.credentialsFromEnv])).toEqual([['default/eu-west-1', true]]);
});

test('read-only per profile from the config file, or for all with --read-only', async () => {
	const settings = mergeSettings({readOnlyProfiles: ['prod']}, {...DEFAULT_FLAGS, profile: 'dev,prod'});
	const {sources} = await resolveSources(settings, {env});
	expect(sources.map(source => [source.spec.profile, source.readOnly])).toEqual([
		['dev', false],
		['prod', true],
	]);
	const all = await resolveSources(mergeSettings({readOnlyProfiles: ['prod']}, {...DEFAULT_FLAGS, profile: 'dev,prod', readOnly: true}), {env});
	expect(all.sources.every(source => source.readOnly)).toBe(true);
});

test('a broken line in the AWS files, or a profile region that is not a region, names the file, the line or the profile', async () => {
	await writeFile(join(dir, 'config'), '[profile dev]\nregion = eu-west-1\n\n[profile prod\nregion = eu-central-1\n');
	await expect(keys({profile: 'dev'})).rejects.toThrow(/config:4: section header not closed: \[profile prod$/);
	await writeFile(join(dir, 'config'), '[profile dev]\nregion eu-west-1\n');
	await expect(keys({profile: 'dev'})).rejects.toThrow(/config:2: expected "name = value", got "region eu-west-1"/);
	await writeFile(join(dir, 'config'), '# comment\n[profile dev] ; why not\nregion = Frankfurt\ns3 =\n  max_concurrent_requests = 20\n');
	await expect(keys({profile: 'dev'})).rejects.toThrow(/region "Frankfurt" of profile "dev" \(in .*config\) is not a region name like eu-west-1/);
	await expect(keys({profile: 'dev'}, {AWS_REGION: 'mars'})).rejects.toThrow(/AWS_REGION "mars" is not a region name/);
	expect(await keys({profile: 'dev', region: 'eu-west-1'})).toEqual(['dev/eu-west-1']);
});
