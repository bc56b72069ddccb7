/**
 * Endpoints per profile. The SDK alone would give every client the endpoint_url of the
 * AWS_PROFILE profile; pipetop reads each profile's own settings and passes them explicitly.
 */

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {mergeSettings} from '../../source/app/settings.js';
import {resolveSources} from '../../source/app/sources.js';
import {AwsConfigError, readAwsFiles, resolveEndpoint, type AwsFiles} from '../../source/aws/index.js';
import {createFleetEngine} from '../../source/engine/engine.js';
import {flushIo, VirtualClock} from '../../source/shared/clock.js';
import {startSim, type RunningSim} from '../../source/sim/start.js';
import {createWorld} from '../../source/sim/world/index.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';
import {quietScenario} from '../engine/scenarios.js';

let dir = '';
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pipetop-endpoints-'));
});
afterEach(async () => {
	vi.unstubAllEnvs();
	await rm(dir, {recursive: true, force: true});
});

async function files(config: string, credentials = ''): Promise<AwsFiles> {
	await writeFile(join(dir, 'config'), config);
	await writeFile(join(dir, 'credentials'), credentials);
	return readAwsFiles({configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials')});
}

const CONFIG = `
[profile plain]
region = eu-west-1
endpoint_url = http://plain.example:1

[profile svc]
region = eu-west-1
endpoint_url = http://global.example:2
services = local

[services local]
codepipeline =
  endpoint_url = http://pipeline.example:3
cloudwatch_logs =
  endpoint_url = http://logs.example:4

[profile none]
region = eu-west-1

[profile ignoring]
region = eu-west-1
endpoint_url = http://ignored.example:5
ignore_configured_endpoint_urls = true

[profile broken]
region = eu-west-1
services = missing
`;

test('precedence: flag, then AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the services section, then endpoint_url', async () => {
	const aws = await files(CONFIG);
	const resolve = (profile: string, env: NodeJS.ProcessEnv = {}, endpointUrl?: string, service: 'codepipeline' | 'codebuild' | 'logs' = 'codepipeline') =>
		resolveEndpoint(service, {files: aws, profile, env, endpointUrl});
	expect(resolve('plain')).toBe('http://plain.example:1');
	expect(resolve('svc')).toBe('http://pipeline.example:3');
	expect(resolve('svc', {}, undefined, 'logs')).toBe('http://logs.example:4');
	expect(resolve('svc', {}, undefined, 'codebuild')).toBe('http://global.example:2');
	expect(resolve('none')).toBeUndefined();
	expect(resolve('svc', {AWS_ENDPOINT_URL: 'http://env.example:6'})).toBe('http://env.example:6');
	expect(resolve('svc', {AWS_ENDPOINT_URL: 'http://env.example:6', AWS_ENDPOINT_URL_CODEPIPELINE: 'http://env-cp.example:7'})).toBe('http://env-cp.example:7');
	expect(resolve('svc', {AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://env-logs.example:8'}, undefined, 'logs')).toBe('http://env-logs.example:8');
	expect(resolve('svc', {AWS_ENDPOINT_URL_CODEPIPELINE: 'http://env-cp.example:7'}, 'http://flag.example:9')).toBe('http://flag.example:9');
	expect(resolve('ignoring')).toBeUndefined();
	expect(resolve('plain', {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://env.example:6'})).toBeUndefined();
	expect(resolve('plain', {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'}, 'http://flag.example:9')).toBe('http://flag.example:9');
	expect(() => resolve('broken')).toThrow(AwsConfigError);
	expect(() => resolve('broken')).toThrow(/services section "missing"/);
});

test('two profiles, two endpoints, AWS_PROFILE naming one of them: each source reads its own service', async () => {
	const clock = new VirtualClock();
	const sims: RunningSim[] = [];
	const worlds = [];
	for (const profile of ['alpha', 'beta']) {
		const scenario = quietScenario({perSource: profile === 'alpha' ? 2 : 3, accounts: [{profile, accountId: profile === 'alpha' ? '111111111111' : '222222222222'}]});
		const world = createWorld({scenario, clock});
		worlds.push(world);
		sims.push(await startSim({world, clock}));
	}
	const [alpha, beta] = sims;
	const keys = (sim: RunningSim) => sim.world.accounts()[0];
	const config = `[profile alpha]\nregion = eu-west-1\nendpoint_url = ${alpha.url}\n\n[profile beta]\nregion = eu-west-1\nendpoint_url = ${beta.url}\n`;
	const credentials = ['alpha', 'beta']
		.map((profile, index) => `[${profile}]\naws_access_key_id = ${keys(sims[index]).accessKeyId}\naws_secret_access_key = ${keys(sims[index]).secretAccessKey}\n`)
		.join('\n');
	await files(config, credentials);
	// The SDK reads AWS_PROFILE from the process environment: point it at alpha.
	vi.stubEnv('AWS_PROFILE', 'alpha');
	vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
	vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
	const env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir};
	const {sources} = await resolveSources(mergeSettings({}, {...DEFAULT_FLAGS, profile: 'alpha,beta'}), {env});
	const engine = createFleetEngine({sources, clock, flushIntervalMs: 0});
	try {
		engine.start();
		for (let step = 0; step < 200 && engine.store.getState().initialLoad; step++) {
			await engine.whenIdle();
			clock.advance(Math.max(0, (clock.nextDue() ?? clock.now()) - clock.now()));
			await flushIo();
		}
		const state = engine.store.getState();
		expect(Object.keys(state.pipelines).filter(key => key.startsWith('alpha/'))).toHaveLength(2);
		expect(Object.keys(state.pipelines).filter(key => key.startsWith('beta/'))).toHaveLength(3);
		expect(state.sources['beta/eu-west-1'].accountId).toBe('222222222222');
		expect(beta.stats().byOperation.ListPipelines).toBeGreaterThan(0);
		expect(alpha.stats().byAccountRegion['222222222222/eu-west-1']).toBeUndefined();
	} finally {
		await engine.stop();
		for (const sim of sims) await sim.stop();
		for (const world of worlds) world.stop();
	}
});
