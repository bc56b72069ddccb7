/**
 * The AWS files parsed once for every source of a process. Each source used to have the SDK parse
 * both files again for its credentials (and each client for its settings): with 30,000 profiles
 * that is 30,000 parses of a 30,000-profile file, which made `--all-profiles` quadratic.
 *
 * A read is shared by every caller that accepts it: a first read by all, and after a failure
 * (the files may have been fixed on disk) any read that started after the caller asked.
 */

import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import type {AwsFilePaths} from './profiles.js';

export type ParsedAwsFiles = Awaited<ReturnType<typeof loadSharedConfigFiles>>;

type Read = {startedAt: number; promise: Promise<ParsedAwsFiles>};

const reads = new Map<string, Read>();
let parses = 0;

/** How many times the files were parsed (tests compare it against the number of profiles). */
export function sharedFileParses(): number {
	return parses;
}

/** The parsed files from a read that started at `notBefore` (performance.now()) or later. */
export function readSharedFiles(paths: AwsFilePaths, notBefore = 0): Promise<ParsedAwsFiles> {
	const key = `${paths.configFile}\n${paths.credentialsFile}`;
	const last = reads.get(key);
	if (last && last.startedAt >= notBefore) return last.promise;
	parses++;
	const read: Read = {startedAt: performance.now(), promise: loadSharedConfigFiles({configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true})};
	reads.set(key, read);
	// A failed read is not kept: the next caller reads again.
	read.promise.catch(() => {
		if (reads.get(key) === read) reads.delete(key);
	});
	return read.promise;
}

/** A profile's settings as the SDK merges them (the config file wins). */
export function settingsOf(files: ParsedAwsFiles, profile: string): Record<string, string | undefined> {
	return {...files.credentialsFile[profile], ...files.configFile[profile]};
}
