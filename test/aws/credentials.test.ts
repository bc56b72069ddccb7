/**
 * Credentials come from the profile through the SDK's fromIni; a failure takes only that source
 * out, says what to run, and is not remembered: fixed credentials are picked up without a restart.
 */

import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, expect, test, vi} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {quietScenario, TEAM, OTHER} from '../engine/scenarios.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	vi.unstubAllEnvs();
	await fleet?.close();
	fleet = undefined;
});

test('a profile whose keys are missing fails alone, and recovers once they are written, without a restart', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 2, accounts: [TEAM, OTHER]}), start: false});
	const harness = fleet;
	const credentialsFile = harness.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
	const original = await readFile(credentialsFile, 'utf8');
	// Drop the team profile's keys.
	await writeFile(credentialsFile, original.replace(/\[team\][^[]*/, ''));
	harness.engine.start();
	await harness.until(state => !state.initialLoad);
	const failed = harness.state().sources['team/eu-west-1'];
	expect(failed.health).toBe('failed');
	expect(failed.error?.code).toBe('CredentialsProviderError');
	expect(failed.error?.hint).toMatch(/team/);
	expect(harness.state().sources['other/eu-west-1'].health).toBe('ok');
	expect(Object.keys(harness.state().pipelines).filter(key => key.startsWith('other/'))).toHaveLength(2);

	await writeFile(credentialsFile, original);
	await harness.until(state => state.sources['team/eu-west-1'].health === 'ok' && Object.keys(state.pipelines).filter(key => key.startsWith('team/')).length === 2, {
		withinMs: 120_000,
		what: 'recovery with the keys back',
	});
	expect(harness.state().sources['team/eu-west-1'].error).toBeUndefined();
});

test('an SSO profile without a valid login says to run aws sso login for that profile', async () => {
	fleet = await startFleetHarness({scenario: quietScenario({perSource: 1}), start: false});
	const harness = fleet;
	const configFile = harness.env.AWS_CONFIG_FILE ?? '';
	await writeFile(
		configFile,
		`${await readFile(configFile, 'utf8')}\n[profile corp-sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n`,
	);
	// The SDK's SSO provider reads the token cache under HOME and the config from AWS_CONFIG_FILE.
	vi.stubEnv('HOME', harness.dir);
	vi.stubEnv('AWS_CONFIG_FILE', configFile);
	const {sources} = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, profile: 'corp-sso'}), {env: harness.env});
	expect(sources[0].spec.credentialKind).toBe('sso');
	const engine = createFleetEngine({sources, clock: harness.clock, flushIntervalMs: 0});
	harness.track(engine);
	try {
		engine.start();
		for (let step = 0; step < 50 && engine.store.getState().initialLoad; step++) await harness.advance(100);
		const source = engine.store.getState().sources['corp-sso/eu-west-1'];
		expect(source.health).toBe('failed');
		expect(source.error?.code).toBe('CredentialsProviderError');
		expect(source.error?.message).toMatch(/SSO/);
		expect(source.error?.hint).toBe('run: aws sso login --profile corp-sso');
		expect(source.retryAt).toBeGreaterThan(harness.clock.now());
	} finally {
		await engine.stop();
	}
});
