/**
 * An SSO profile whose session expires mid-run, then comes back after `aws sso login`, through
 * the AWS SDK's own SSO provider and the sim's portal. The console says what to run, the profile
 * with static keys carries on, and the SSO profile recovers by itself once logged in again.
 */

import {join} from 'node:path';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {DEFAULT_INTERVALS} from '../../source/engine/defaults.js';
import type {PipetopEngine} from '../../source/engine/types.js';
import {ssoExpire, ssoLogin, writeSsoAwsDir} from '../../source/sim/sso.js';
import {DEFAULT_FLAGS, startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../ui/open-console.js';
import {ALPHA, livelyScenario, SOURCES} from './helpers/fleets.js';
import {allReadSince, keysAnswer, sourceLine} from './helpers/watch.js';

let fleet: FleetHarness;
let engine: PipetopEngine;
let console_: OpenConsole;
const ssoSources = SOURCES.filter(key => key.startsWith('alpha/'));

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: livelyScenario(), seed: 17, start: false});
	const files = await writeSsoAwsDir(join(fleet.dir, 'aws-sso'), fleet.world.accounts(), fleet.sim.url, fleet.sim.sso, {ssoProfiles: [ALPHA.profile]});
	// What the SDK's SSO provider reads from the process: token cache under HOME, the portal, the config.
	vi.stubEnv('HOME', fleet.dir);
	vi.stubEnv('AWS_ENDPOINT_URL_SSO', fleet.sim.url);
	vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', fleet.sim.url);
	vi.stubEnv('AWS_CONFIG_FILE', files.configFile);
	const env = {...fleet.env, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile};
	const {sources} = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, profile: 'alpha,beta'}), {env, profileRegions: {alpha: ALPHA.regions, beta: ['us-east-1']}});
	expect(sources.filter(source => source.spec.credentialKind === 'sso').map(source => source.spec.key).sort()).toEqual([...ssoSources]);
	await ssoLogin(fleet.sim.sso, fleet.dir);
	engine = createFleetEngine({sources, clock: fleet.clock});
	fleet.track(engine);
	engine.start();
	await fleet.until(() => !engine.store.getState().initialLoad, {what: 'the first load'});
	console_ = openConsole({...fleet, engine}, {columns: 160, rows: 30});
	await console_.settle(0);
});

afterAll(async () => {
	console_?.close();
	await engine?.stop();
	await fleet?.close();
	vi.unstubAllEnvs();
});

/** The harness's `until` reads its own (unstarted) engine: read this test's engine instead. */
const until = (predicate: (state: ReturnType<PipetopEngine['store']['getState']>) => boolean, options: {withinMs?: number; what?: string}) =>
	fleet.until(() => predicate(engine.store.getState()), options);

test('the session expires mid-run: the console says to run aws sso login, beta carries on, and a login brings alpha back by itself', async () => {
	const state = () => engine.store.getState();
	for (const source of SOURCES) expect(state().sources[source].health, source).toBe('ok');
	const issued = fleet.sim.sso.stats().issued;
	expect(issued).toBeGreaterThan(0);

	const expiredAt = fleet.clock.now();
	await ssoExpire(fleet.sim.sso, fleet.dir);
	await until(now => ssoSources.every(source => now.sources[source].health === 'failed'), {withinMs: DEFAULT_INTERVALS.idle, what: 'alpha failing'});
	await fleet.advance(30_000);
	await console_.settle(0);
	for (const source of ssoSources) expect(state().sources[source].error?.hint).toBe('run: aws sso login --profile alpha');
	expect(sourceLine(console_)).toMatch(/alpha\/(eu-west-1|us-east-1) .*aws sso login/);
	expect(state().sources['beta/us-east-1'].health).toBe('ok');
	expect(allReadSince(state(), 'beta/us-east-1', expiredAt)).toBe(true);
	await keysAnswer(console_);

	await ssoLogin(fleet.sim.sso, fleet.dir);
	const loggedIn = fleet.clock.now();
	await until(now => ssoSources.every(source => now.sources[source].health === 'ok' && allReadSince(now, source, loggedIn)), {
		withinMs: DEFAULT_INTERVALS.idle,
		what: 'alpha back within one cycle of the login',
	});
	expect(fleet.sim.sso.stats().issued).toBeGreaterThan(issued);
	await console_.settle(0);
	expect(sourceLine(console_)).not.toMatch(/sso login/);
	// The role credentials the portal handed out never show, nor does the cached token.
	const secrets = fleet.sim.sso.signingAccounts().map(account => account.secretAccessKey);
	expect(secrets.length).toBeGreaterThan(1);
	const seen = `${JSON.stringify(engine.store.getState())}${console_.terminal.stdout.frames.join('')}`;
	for (const secret of secrets) expect(seen.includes(secret)).toBe(false);
	expect(seen).not.toMatch(/sso-[A-Za-z0-9+/]{20}/);
});
