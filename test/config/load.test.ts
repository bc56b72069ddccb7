import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {UsageError} from '../../source/config/usage-error.js';
import {defaultConfigPath, loadConfig} from '../../source/config/load.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

let dir = '';
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pipetop-config-'));
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

async function configFile(text: string): Promise<string> {
	const path = join(dir, 'config.json');
	await writeFile(path, text);
	return path;
}

async function problem(text: string): Promise<string> {
	const path = await configFile(text);
	const error = await loadConfig({path, env: {}}).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(UsageError);
	return (error as Error).message.replace(path, 'FILE');
}

test('the default file lives under XDG_CONFIG_HOME, and a missing one is an empty config', async () => {
	expect(defaultConfigPath({XDG_CONFIG_HOME: '/x'})).toBe('/x/pipetop/config.json');
	expect(defaultConfigPath({HOME: '/home/me'})).toBe('/home/me/.config/pipetop/config.json');
	expect(await loadConfig({env: {XDG_CONFIG_HOME: dir}})).toEqual({config: {}});
	await mkdir(join(dir, 'pipetop'));
	await writeFile(join(dir, 'pipetop', 'config.json'), JSON.stringify({profiles: ['prod'], intervals: {activeSeconds: 3}}));
	expect(await loadConfig({env: {XDG_CONFIG_HOME: dir}})).toMatchObject({config: {profiles: ['prod'], intervals: {activeSeconds: 3}}});
});

test('a --config file that is missing is an error naming it', async () => {
	await expect(loadConfig({path: join(dir, 'nope.json'), env: {}})).rejects.toThrow(new UsageError(`config file ${join(dir, 'nope.json')} does not exist`));
});

test('bad JSON names the file and the line', async () => {
	expect(await problem('{\n  "profiles": ["a",],\n  "readOnly": true\n}')).toMatch(/^FILE:2: not valid JSON/);
	expect(await problem('{\n  "profiles": ["a"]\n')).toMatch(/^FILE:\d+: not valid JSON/);
});

test('unknown fields, wrong types and bad values name the field and what is wrong', async () => {
	expect(await problem('{\n  "profile": ["a"]\n}')).toBe('FILE:2: "profile" is not a known setting (known here: profiles, allProfiles, regions, endpointUrl, readOnly, readOnlyProfiles, readOnlyAccounts, readOnlyFollowsAccount, intervals, keys, notifications, theme, auditLog, events)');
	expect(await problem('{"readOnly": "yes"}')).toBe('FILE:1: "readOnly" must be true or false, not "yes"');
	expect(await problem('{\n"regions": ["eu-west-1", "Frankfurt"]\n}')).toBe('FILE:2: "regions[1]" must be a region name like "eu-west-1", not "Frankfurt"');
	expect(await problem('{\n  "intervals": {\n    "activeSeconds": 0\n  }\n}')).toBe('FILE:3: "intervals.activeSeconds" must be a number of seconds from 1 to 86400, not number 0');
	expect(await problem('{"intervals": {"fastSeconds": 2}}')).toMatch(/"intervals.fastSeconds" is not a known setting \(known here: activeSeconds/);
	expect(await problem('{"endpointUrl": "localhost:4566"}')).toMatch(/"endpointUrl" must be an http:\/\/ or https:\/\/ URL/);
	expect(await problem('{"theme": {"color": "pink"}}')).toMatch(/"theme.color" must be one of "auto", "none", not "pink"/);
	expect(await problem('{"keys": {"approve": ["a", ""]}}')).toMatch(/"keys.approve\[1\]" must be a non-empty string/);
	expect(await problem('[1, 2]')).toMatch(/must hold a JSON object, not a list/);
});

test('flags win over the file', () => {
	const config = {profiles: ['dev'], regions: ['eu-west-1'], readOnly: false, intervals: {activeSeconds: 2, idleSeconds: 30}};
	const fromFile = mergeSettings(config, DEFAULT_FLAGS);
	expect(fromFile).toMatchObject({profiles: ['dev'], regions: ['eu-west-1'], readOnly: false, intervals: {active: 2000, idle: 30_000, discovery: 300_000}});
	const flagged = mergeSettings(config, {...DEFAULT_FLAGS, profile: 'prod, stage', region: 'us-east-1', readOnly: true, endpointUrl: 'http://127.0.0.1:4566'});
	expect(flagged).toMatchObject({profiles: ['prod', 'stage'], regions: ['us-east-1'], readOnly: true, endpointUrl: 'http://127.0.0.1:4566'});
	expect(mergeSettings({allProfiles: true, profiles: ['dev']}, {...DEFAULT_FLAGS, profile: 'prod'})).toMatchObject({allProfiles: false, profiles: ['prod']});
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, profile: 'a', allProfiles: true})).toThrow(/--profile or --all-profiles/);
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, region: 'moon-1a'})).toThrow(/--region "moon-1a"/);
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, endpointUrl: 'ftp://x'})).toThrow(/--endpoint-url/);
});

test('a huge value, key or broken line is quoted short: the message stays one short line', async () => {
	const huge = 'x'.repeat(2_000_000);
	for (const text of [JSON.stringify({auditLog: 5, profiles: [huge.length]}).replace('5', JSON.stringify({huge})), JSON.stringify({theme: {color: huge}}), JSON.stringify({[huge]: true}), `{"profiles": [${huge}]}`]) {
		const message = await problem(text);
		expect(message.length).toBeLessThan(300);
	}
	expect(await problem(JSON.stringify({theme: {color: huge}}))).toMatch(/^FILE:1: "theme.color" must be one of "auto", "none", not "x{59}… \(2000000 characters\)"$/);
});
