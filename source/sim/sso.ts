/**
 * SSO profiles for the embedded service, as `aws configure sso` and `aws sso login` leave them:
 * profiles with `sso_session`, an `[sso-session]` section, and the access token in the SDK's
 * token cache (HOME/.aws/sso/cache/<sha1 of the session name>.json).
 *
 * The SDK's SSO client finds the portal through AWS_ENDPOINT_URL_SSO (process-wide: the SDK
 * reads it from process.env, not from a per-client option), which must name this sim's URL;
 * its token cache is found through HOME, which a test must point at a private directory.
 */

import {createHash} from 'node:crypto';
import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {SimAccount} from './contract.js';
import type {SsoPortal} from './http/sso-portal.js';

const SIM_SSO_SESSION = 'pipetop-sim';
const SIM_SSO_START_URL = 'https://pipetop-sim.awsapps.com/start';

export type SsoDirOptions = {
	/** Profiles that log in through SSO; every other account keeps static keys. */
	ssoProfiles: string[];
	/** Region of the SSO portal (any: the endpoint override decides where calls go). */
	ssoRegion?: string;
};

function section(profile: string): string {
	return profile === 'default' ? '[default]' : `[profile ${profile}]`;
}

function checkIniSafe(value: string): string {
	if (!/^[A-Za-z0-9_.@+\-/:]+$/.test(value)) throw new Error(`cannot write ${JSON.stringify(value)} to an AWS config file`);
	return value;
}

/** Writes DIR/config and DIR/credentials (0600) where the named profiles use SSO. */
export async function writeSsoAwsDir(dir: string, accounts: SimAccount[], endpointUrl: string, portal: SsoPortal, options: SsoDirOptions): Promise<{configFile: string; credentialsFile: string}> {
	const config: string[] = [`# Written by pipetop sim: SSO through the embedded service at ${endpointUrl}.\n`];
	const credentials: string[] = ['# Written by pipetop sim. These keys are made up.\n'];
	for (const account of accounts) {
		const profile = checkIniSafe(account.profile);
		const region = checkIniSafe(account.regions[0] ?? 'us-east-1');
		if (options.ssoProfiles.includes(account.profile)) {
			config.push(`${section(profile)}\nsso_session = ${SIM_SSO_SESSION}\nsso_account_id = ${account.accountId}\nsso_role_name = ${portal.roleName}\nregion = ${region}\nendpoint_url = ${endpointUrl}\n`);
		} else {
			config.push(`${section(profile)}\nregion = ${region}\nendpoint_url = ${endpointUrl}\n`);
			credentials.push(`[${profile}]\naws_access_key_id = ${checkIniSafe(account.accessKeyId)}\naws_secret_access_key = ${checkIniSafe(account.secretAccessKey)}\n`);
		}
	}
	config.push(`[sso-session ${SIM_SSO_SESSION}]\nsso_start_url = ${SIM_SSO_START_URL}\nsso_region = ${checkIniSafe(options.ssoRegion ?? 'us-east-1')}\nsso_registration_scopes = sso:account:access\n`);
	await mkdir(dir, {recursive: true, mode: 0o700});
	const configFile = join(dir, 'config');
	const credentialsFile = join(dir, 'credentials');
	await writePrivate(configFile, config.join('\n'));
	await writePrivate(credentialsFile, credentials.join('\n'));
	return {configFile, credentialsFile};
}

/** Where the SDK (and the AWS CLI) cache the token of an sso-session. */
function ssoTokenCachePath(home: string, sessionName = SIM_SSO_SESSION): string {
	return join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(sessionName).digest('hex')}.json`);
}

/**
 * `aws sso login`: a new token at the portal, written to the cache under `home` as the AWS CLI
 * writes it (with a client registration and a refresh token). The sim serves no SSO-OIDC
 * CreateToken, so once the token expires the SDK's refresh fails (point AWS_ENDPOINT_URL_SSO_OIDC
 * at the sim so that attempt stays on loopback) and it says to run `aws sso login`, as it does
 * when a real session's refresh token has expired too.
 */
export async function ssoLogin(portal: SsoPortal, home: string, options: {ssoRegion?: string; validForMs?: number} = {}): Promise<void> {
	const accessToken = portal.login();
	await writeToken(home, accessToken, Date.now() + (options.validForMs ?? 8 * 60 * 60 * 1000), options.ssoRegion);
}

/** The session ends: the portal refuses its token and credentials, and the cached token is past its expiry. */
export async function ssoExpire(portal: SsoPortal, home: string, options: {ssoRegion?: string} = {}): Promise<void> {
	portal.expire();
	await writeToken(home, 'sso-expired', Date.now() - 60_000, options.ssoRegion);
}

async function writeToken(home: string, accessToken: string, expiresAtMs: number, ssoRegion = 'us-east-1'): Promise<void> {
	const path = ssoTokenCachePath(home);
	await mkdir(join(home, '.aws', 'sso', 'cache'), {recursive: true, mode: 0o700});
	const token = {
		startUrl: SIM_SSO_START_URL,
		region: ssoRegion,
		accessToken,
		expiresAt: new Date(expiresAtMs).toISOString(),
		clientId: 'pipetop-sim-client',
		clientSecret: 'pipetop-sim-client-secret',
		registrationExpiresAt: new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString(),
		refreshToken: 'pipetop-sim-refresh-token',
	};
	await writePrivate(path, `${JSON.stringify(token)}\n`);
}

async function writePrivate(path: string, text: string): Promise<void> {
	await writeFile(path, text, {mode: 0o600});
	await chmod(path, 0o600);
}
