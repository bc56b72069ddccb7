/**
 * Credentials for one profile, from the files pipetop was pointed at (static keys, assume-role
 * with source_profile, credential_process, web identity, SSO), all through the SDK's fromIni.
 */

import {fromEnv, fromIni} from '@aws-sdk/credential-providers';
import {processCredentials} from './credential-process.js';
import {ProfileCredentialsError} from './credentials-error.js';
import {readSharedFiles, settingsOf} from './shared-files.js';
import type {AwsFilePaths} from './profiles.js';
import type {CredentialKind} from './types.js';

type Identity = Awaited<ReturnType<ReturnType<typeof fromIni>>>;
export type CredentialProvider = () => Promise<Identity>;

/** Renew this long before the expiry the provider gave. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * A provider shared by a source's clients. A success is kept until shortly before it expires; a
 * failure is never kept, so the next call reads the files (and the SSO token cache) again: an
 * `aws sso login` or a fixed credentials file is picked up without a restart.
 */
export function profileCredentials(profile: string, paths: AwsFilePaths, options: {fromEnvironment?: boolean; kind?: CredentialKind; fresh?: boolean} = {}): CredentialProvider {
	const {fromEnvironment = false, kind} = options;
	// Static keys and a profile's own credential_process come from the files every source shares
	// (read once, not once per source); credential_process is run by pipetop, so that its failure
	// can be told safely. The rest (roles, SSO, web identity) are the SDK's.
	const sdk = fromEnvironment ? fromEnv() : kind === 'keys' || kind === 'process' ? undefined : fromIni({profile, configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true});
	const provider: (notBefore: number) => Promise<Identity> = sdk ? () => sdk() : kind === 'process' ? processCredentials(profile, paths) : staticCredentials(profile, paths);
	// A renewed provider (after a refusal) and every call after a failure want the files as they are now.
	let notBefore = options.fresh ? performance.now() : 0;
	let cached: Identity | undefined;
	let pending: Promise<Identity> | undefined;
	return async () => {
		if (cached && (!cached.expiration || cached.expiration.getTime() - EXPIRY_MARGIN_MS > Date.now())) return cached;
		pending ??= provider(notBefore).then(
			identity => {
				cached = identity;
				pending = undefined;
				return identity;
			},
			(error: unknown) => {
				cached = undefined;
				pending = undefined;
				notBefore = performance.now();
				throw error;
			},
		);
		return pending;
	};
}

/** A profile's aws_access_key_id and aws_secret_access_key (and session token), as the SDK's fromIni reads them. */
function staticCredentials(profile: string, paths: AwsFilePaths): (notBefore: number) => Promise<Identity> {
	return async notBefore => {
		const settings = settingsOf(await readSharedFiles(paths, notBefore), profile);
		const accessKeyId = settings.aws_access_key_id;
		const secretAccessKey = settings.aws_secret_access_key;
		if (!accessKeyId || !secretAccessKey) throw new ProfileCredentialsError(`profile "${profile}" has no aws_access_key_id and aws_secret_access_key`);
		return {
			accessKeyId,
			secretAccessKey,
			...(settings.aws_session_token && {sessionToken: settings.aws_session_token}),
			...(settings.aws_account_id && {accountId: settings.aws_account_id}),
		};
	};
}
