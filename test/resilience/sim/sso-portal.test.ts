/**
 * The sim's SSO portal as the AWS SDK's own SSO credential provider meets it: a profile with
 * `sso_session`, the token cache under HOME, GetRoleCredentials at AWS_ENDPOINT_URL_SSO. A
 * session that expires mid-run is refused (ExpiredTokenException), the SDK then says to run
 * `aws sso login`, and a new login works again.
 */

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CodePipelineClient, ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {fromIni} from '@aws-sdk/credential-providers';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {ssoExpire, ssoLogin, writeSsoAwsDir} from '../../../source/sim/sso.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {createWorld, type World} from '../../../source/sim/world/index.js';
import {quietScenario, TEAM} from '../../engine/scenarios.js';

let sim: RunningSim;
let world: World;
let dir: string;
let files: {configFile: string; credentialsFile: string};

beforeAll(async () => {
	const clock = new VirtualClock();
	world = createWorld({scenario: quietScenario({perSource: 2}), clock, seed: 3});
	sim = await startSim({world, clock, seed: 3});
	dir = await mkdtemp(join(tmpdir(), 'pipetop-sso-'));
	files = await writeSsoAwsDir(join(dir, 'aws'), world.accounts(), sim.url, sim.sso, {ssoProfiles: [TEAM.profile]});
	// The SDK reads these from the process environment: a private HOME (token cache), the portal
	// at the sim, and the config file (its fromIni does not pass configFilepath on to fromSSO).
	vi.stubEnv('HOME', dir);
	vi.stubEnv('AWS_ENDPOINT_URL_SSO', sim.url);
	vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', sim.url);
	vi.stubEnv('AWS_CONFIG_FILE', files.configFile);
});

afterAll(async () => {
	vi.unstubAllEnvs();
	await sim?.stop();
	world?.stop();
	await rm(dir, {recursive: true, force: true});
});

function client(): CodePipelineClient {
	const credentials = fromIni({profile: TEAM.profile, configFilepath: files.configFile, filepath: files.credentialsFile, ignoreCache: true});
	return new CodePipelineClient({region: 'eu-west-1', endpoint: sim.url, credentials, maxAttempts: 1});
}

async function outcome(target: CodePipelineClient): Promise<string> {
	try {
		const answer = await target.send(new ListPipelinesCommand({}));
		return `ok ${answer.pipelines?.length}`;
	} catch (error) {
		return `${(error as Error).name}: ${(error as Error).message}`;
	}
}

test('login, use, expiry mid-session, the SDK asking for aws sso login, login again', async () => {
	// Never logged in: no token in the cache.
	expect(await outcome(client())).toMatch(/aws sso login/);

	await ssoLogin(sim.sso, dir);
	const session = client();
	expect(await outcome(session)).toBe('ok 2');
	expect(sim.sso.stats().issued).toBe(1);

	await ssoExpire(sim.sso, dir);
	// The client still holds the session's role credentials: AWS refuses them now.
	expect(await outcome(session)).toMatch(/^ExpiredTokenException: The security token included in the request is expired/);
	// Fresh credentials cannot be had: the cached token is past its expiry.
	expect(await outcome(client())).toMatch(/^(TokenProviderError|CredentialsProviderError): .*aws sso login/);

	await ssoLogin(sim.sso, dir);
	expect(await outcome(client())).toBe('ok 2');
	// The old session's credentials stay refused.
	expect(await outcome(session)).toMatch(/^ExpiredTokenException/);
	session.destroy();
});

test('the portal refuses a wrong token, an unknown account and a role it does not grant', async () => {
	await ssoLogin(sim.sso, dir);
	const get = (query: string, token: string) => fetch(`${sim.url}/federation/credentials?${query}`, {headers: {'x-amz-sso_bearer_token': token}});
	const wrong = await get(`account_id=${TEAM.accountId}&role_name=PipetopReadOnly`, 'not-the-token');
	expect(wrong.status).toBe(401);
	expect(wrong.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
	const body = await wrong.text();
	expect(body).not.toMatch(/sso-/);
});
