/** The change feed's settings: --events, --no-events and the config's `events`, checked with a clear message. */

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect, test} from 'vitest';
import {resolveFeed} from '../../source/app/feed.js';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {regionOfQueueUrl} from '../../source/aws/index.js';
import {loadConfig} from '../../source/config/load.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

const QUEUE = 'https://sqs.eu-central-1.amazonaws.com/123456789012/pipetop-events';

test('the flag wins over the config, --no-events turns the feed off, and the tuning is in ms', () => {
	const config = {events: {queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/other', profile: 'tools', safetyNetSeconds: 900, safetyNetCallsPerMinute: 20, silentSeconds: 0}};
	expect(mergeSettings(config, DEFAULT_FLAGS).events).toEqual({queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/other', profile: 'tools', safetyNetMs: 900_000, safetyNetCallsPerMinute: 20, silenceMs: 0});
	expect(mergeSettings(config, {...DEFAULT_FLAGS, events: QUEUE}).events).toMatchObject({queueUrl: QUEUE, profile: 'tools'});
	expect(mergeSettings(config, {...DEFAULT_FLAGS, events: false}).events).toBeUndefined();
	expect(mergeSettings({}, DEFAULT_FLAGS).events).toBeUndefined();
	expect(() => mergeSettings({}, {...DEFAULT_FLAGS, events: 'pipetop-events'})).toThrow('--events "pipetop-events" is not an SQS queue URL like https://sqs.us-east-1.amazonaws.com/123456789012/pipetop-events');
	expect(() => mergeSettings({events: {profile: 'tools'}}, DEFAULT_FLAGS)).toThrow('config "events" needs a queueUrl (or pass --events QUEUE_URL)');
});

test('a bad events setting in the config file names the field', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-events-config-'));
	try {
		const path = join(dir, 'config.json');
		await writeFile(path, JSON.stringify({events: {queueUrl: QUEUE, safetyNetSeconds: 5}}));
		await expect(loadConfig({path, env: {}})).rejects.toThrow(/"events.safetyNetSeconds" must be a number of seconds from 60 to 86400, not number 5/);
		await writeFile(path, JSON.stringify({events: {queueUrl: QUEUE, safetyNetCallsPerMinute: 0}}));
		await expect(loadConfig({path, env: {}})).rejects.toThrow(/"events.safetyNetCallsPerMinute" must be a number of calls a minute from 1 to 6000, not number 0/);
		await writeFile(path, JSON.stringify({events: {queue: QUEUE}}));
		await expect(loadConfig({path, env: {}})).rejects.toThrow(/"events.queue" is not a known setting \(known here: queueUrl, profile, region, safetyNetSeconds, safetyNetCallsPerMinute, silentSeconds, seenThroughEvents\)/);
		await writeFile(path, JSON.stringify({events: {queueUrl: QUEUE, seenThroughEvents: 'no'}}));
		await expect(loadConfig({path, env: {}})).rejects.toThrow(/"events.seenThroughEvents" must be true or false, not "no"/);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('the queue is read with the first profile unless one is named, in the region its URL names, through the profile endpoint', async () => {
	expect(regionOfQueueUrl(QUEUE)).toBe('eu-central-1');
	expect(regionOfQueueUrl('https://ap-south-1.queue.amazonaws.com/123456789012/q')).toBe('ap-south-1');
	expect(regionOfQueueUrl('http://127.0.0.1:4566/123456789012/q')).toBeUndefined();
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-events-aws-'));
	try {
		const configFile = join(dir, 'config');
		const credentialsFile = join(dir, 'credentials');
		await writeFile(configFile, '[profile dev]\nregion = eu-west-1\n[profile tools]\nregion = us-west-2\nendpoint_url = http://127.0.0.1:4566\n');
		await writeFile(credentialsFile, '[dev]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n[tools]\naws_access_key_id = AKIDEXAMPLE2\naws_secret_access_key = y\n');
		const env = {AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, HOME: dir};
		const settingsFor = (events: Record<string, unknown>) => mergeSettings({profiles: ['dev'], events: {queueUrl: QUEUE, ...events}}, DEFAULT_FLAGS);
		const first = settingsFor({});
		expect(resolveFeed(first, await resolveSources(first, {env}), env)?.queue).toMatchObject({profile: 'dev', region: 'eu-central-1', endpoint: undefined, credentialKind: 'keys'});
		const named = mergeSettings({profiles: ['dev'], events: {queueUrl: 'http://127.0.0.1:4566/123456789012/q', profile: 'tools'}}, DEFAULT_FLAGS);
		expect(resolveFeed(named, await resolveSources(named, {env}), env)?.queue).toMatchObject({profile: 'tools', region: 'us-west-2', endpoint: 'http://127.0.0.1:4566'});
		// Seen through events is on unless the config turns it off.
		expect(resolveFeed(first, await resolveSources(first, {env}), env)?.seenThroughEvents).toBeUndefined();
		const off = settingsFor({seenThroughEvents: false});
		expect(resolveFeed(off, await resolveSources(off, {env}), env)?.seenThroughEvents).toBe(false);
		const unknown = settingsFor({profile: 'nope'});
		await expect(resolveSources(unknown, {env}).then(resolution => resolveFeed(unknown, resolution, env))).rejects.toThrow(/events: unknown profile "nope"/);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
