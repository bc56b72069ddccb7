/**
 * The AWS shared config and credentials files, read the way the AWS CLI reads them: which
 * profiles exist, and each profile's own settings (region, endpoint_url, services...).
 *
 * Read here rather than left to the SDK because one process serves many profiles, and the SDK
 * resolves some settings (endpoint_url) from the AWS_PROFILE profile for every client.
 */

import {constants} from 'node:fs';
import {access, readFile, stat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {AwsConfigError} from './config-error.js';
import {lintIni} from './ini-lint.js';
import {shortQuote} from './quote.js';

export type AwsFilePaths = {configFile: string; credentialsFile: string};

/** One profile's settings; nested sections (`s3 =` then indented keys) appear as `s3.key`. */
export type ProfileSettings = Record<string, string | undefined>;

export type AwsFiles = {
	paths: AwsFilePaths;
	/** Config file sections by name: profiles (without the `profile ` prefix), `services.X`, `sso-session.X`. */
	config: Record<string, ProfileSettings>;
	credentials: Record<string, ProfileSettings>;
};

export {AwsConfigError} from './config-error.js';

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
	const home = env.HOME || homedir();
	return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** Where the files are: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/. */
export function awsFilePaths(env: NodeJS.ProcessEnv): AwsFilePaths {
	const home = env.HOME || homedir();
	return {
		configFile: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), env),
		credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), env),
	};
}

/** A missing file is fine (the CLI agrees); one that exists but cannot be read is a problem to report. */
async function checkReadable(path: string): Promise<void> {
	let isFile: boolean;
	try {
		isFile = (await stat(path)).isFile();
	} catch {
		return;
	}
	if (!isFile) throw new AwsConfigError(`${path} is not a file`);
	try {
		await access(path, constants.R_OK);
	} catch {
		throw new AwsConfigError(`cannot read ${path} (permission denied)`);
	}
}

async function lintFile(path: string): Promise<void> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		return;
	}
	lintIni(text, path);
}

/** Reads both files fresh (no cache), so a profile fixed on disk is seen on the next read. */
export async function readAwsFiles(paths: AwsFilePaths): Promise<AwsFiles> {
	await checkReadable(paths.configFile);
	await checkReadable(paths.credentialsFile);
	await lintFile(paths.configFile);
	await lintFile(paths.credentialsFile);
	let loaded: Awaited<ReturnType<typeof loadSharedConfigFiles>>;
	try {
		loaded = await loadSharedConfigFiles({configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true});
	} catch (error) {
		throw new AwsConfigError(`cannot parse ${paths.configFile}: ${shortQuote(error instanceof Error ? error.message : String(error))}`);
	}
	return {paths, config: loaded.configFile, credentials: loaded.credentialsFile};
}

const SECTION_PREFIXES = ['services.', 'sso-session.'];

/** Every profile either file defines, sorted. */
export function profileNames(files: AwsFiles): string[] {
	const names = new Set<string>();
	for (const name of Object.keys(files.config)) if (!SECTION_PREFIXES.some(prefix => name.startsWith(prefix))) names.add(name);
	for (const name of Object.keys(files.credentials)) names.add(name);
	return [...names].sort();
}

export function hasProfile(files: AwsFiles, profile: string): boolean {
	return profileNames(files).includes(profile);
}

/** A profile's settings, the config file winning over the credentials file (as the SDK does). */
export function profileSettings(files: AwsFiles, profile: string): ProfileSettings {
	return {...files.credentials[profile], ...files.config[profile]};
}

/** The profile's own region, when it names one. */
export function profileRegion(files: AwsFiles, profile: string): string | undefined {
	const region = profileSettings(files, profile).region?.trim();
	return region ? region : undefined;
}

/** How a profile gets its credentials, from its settings (as the SDK's fromIni decides). */
export function credentialKind(files: AwsFiles, profile: string): 'sso' | 'process' | 'role' | 'web-identity' | 'keys' | 'none' {
	const settings = profileSettings(files, profile);
	if (settings.role_arn && settings.web_identity_token_file) return 'web-identity';
	if (settings.role_arn) return 'role';
	if (settings.sso_session || settings.sso_start_url) return 'sso';
	if (settings.aws_access_key_id) return 'keys';
	if (settings.credential_process) return 'process';
	return 'none';
}
