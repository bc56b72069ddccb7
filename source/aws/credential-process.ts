/**
 * Credentials from a profile's `credential_process`, run the way the SDK runs it (through the
 * shell, Version 1 JSON on stdout), but failing in words that are safe to show: which profile's
 * process failed and how (its exit status, the signal that ended it, or what was wrong with its
 * answer). Nothing the process printed and not its command line is ever quoted: either may
 * hold a token or half a secret. The SDK's own provider puts both in its message.
 */

import {exec} from 'node:child_process';
import {ProfileCredentialsError} from './credentials-error.js';
import type {AwsFilePaths} from './profiles.js';
import {readSharedFiles, settingsOf} from './shared-files.js';

type ProcessIdentity = {accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date; accountId?: string};

const CredentialProcessError = ProfileCredentialsError;

type Run = {status: number | null; signal: NodeJS.Signals | null; stdout: string; problem?: string};

function run(command: string): Promise<Run> {
	return new Promise(resolve => {
		// Up to 1 MB of answer, as a credential answer is a few hundred bytes; stderr is dropped.
		exec(command, {maxBuffer: 1 << 20, windowsHide: true}, (error, stdout) => {
			const failure = error as (NodeJS.ErrnoException & {code?: number | string; signal?: NodeJS.Signals; killed?: boolean}) | null;
			resolve({
				status: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
				signal: failure?.signal ?? null,
				stdout: String(stdout),
				...(failure && typeof failure.code === 'string' && {problem: failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'printed more than 1 MB' : 'could not be run'}),
			});
		});
	});
}

function failure(profile: string, outcome: Run): string {
	const what = `the credential_process of profile "${profile}"`;
	if (outcome.problem) return `${what} ${outcome.problem}`;
	if (outcome.signal) return `${what} was ended by ${outcome.signal}`;
	if (outcome.status === 127) return `${what} failed with exit status 127 (command not found)`;
	return `${what} failed with exit status ${outcome.status ?? 'unknown'} (what it printed is not shown)`;
}

/** Checks the answer as the SDK does; every complaint names the profile and quotes nothing. */
function identityFrom(profile: string, stdout: string, accountFallback: string | undefined): ProcessIdentity {
	const what = `the credential_process of profile "${profile}"`;
	let data: Record<string, unknown>;
	try {
		data = JSON.parse(stdout.trim()) as Record<string, unknown>;
	} catch {
		throw new CredentialProcessError(`${what} printed no valid JSON (what it printed is not shown)`);
	}
	if (typeof data !== 'object' || data === null || data.Version !== 1) throw new CredentialProcessError(`${what} did not answer with "Version": 1`);
	if (typeof data.AccessKeyId !== 'string' || typeof data.SecretAccessKey !== 'string') throw new CredentialProcessError(`${what} answered without AccessKeyId and SecretAccessKey`);
	let expiration: Date | undefined;
	if (data.Expiration !== undefined) {
		expiration = new Date(String(data.Expiration));
		if (Number.isNaN(expiration.getTime())) throw new CredentialProcessError(`${what} answered an Expiration that is not a date`);
		if (expiration.getTime() < Date.now()) throw new CredentialProcessError(`${what} answered credentials that have expired`);
	}
	const accountId = typeof data.AccountId === 'string' ? data.AccountId : accountFallback;
	return {
		accessKeyId: data.AccessKeyId,
		secretAccessKey: data.SecretAccessKey,
		...(typeof data.SessionToken === 'string' && {sessionToken: data.SessionToken}),
		...(expiration && {expiration}),
		...(accountId && {accountId}),
	};
}

/** A provider for a profile whose credentials come from its credential_process (read fresh from the files each time). */
export function processCredentials(profile: string, paths: AwsFilePaths): (notBefore: number) => Promise<ProcessIdentity> {
	return async notBefore => {
		const settings = settingsOf(await readSharedFiles(paths, notBefore), profile);
		const command = settings.credential_process;
		if (!command) throw new CredentialProcessError(`profile "${profile}" has no credential_process`);
		const outcome = await run(command);
		if (outcome.status !== 0 || outcome.signal || outcome.problem) throw new CredentialProcessError(failure(profile, outcome));
		return identityFrom(profile, outcome.stdout, settings.aws_account_id);
	};
}
