/**
 * Credentials for one profile, from the files pipetop was pointed at (static keys, assume-role
 * with source_profile, credential_process, web identity, SSO), all through the SDK's fromIni.
 */

import {fromEnv, fromIni} from '@aws-sdk/credential-providers';
import {processCredentials} from './credential-process.js';
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
export function profileCredentials(profile: string, paths: AwsFilePaths, fromEnvironment = false, kind?: CredentialKind): CredentialProvider {
	// A profile's own credential_process is run by pipetop, so that its failure can be told safely.
	const provider = fromEnvironment
		? fromEnv()
		: kind === 'process'
			? processCredentials(profile, paths)
			: fromIni({profile, configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true});
	let cached: Identity | undefined;
	let pending: Promise<Identity> | undefined;
	return async () => {
		if (cached && (!cached.expiration || cached.expiration.getTime() - EXPIRY_MARGIN_MS > Date.now())) return cached;
		pending ??= provider().then(
			identity => {
				cached = identity;
				pending = undefined;
				return identity;
			},
			(error: unknown) => {
				cached = undefined;
				pending = undefined;
				throw error;
			},
		);
		return pending;
	};
}
