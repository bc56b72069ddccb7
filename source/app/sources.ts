/**
 * Which sources (profile x region) to watch, from the settings and the AWS files, with each
 * profile's own endpoints. Every problem here is the user's to fix, so each is a UsageError
 * that says what to change.
 */

import {
	AwsConfigError,
	awsFilePaths,
	checkEndpointUrl,
	credentialKind,
	profileNames,
	profileRegion,
	readAwsFiles,
	partitionRegions,
	resolveEndpoints,
	type AwsFilePaths,
	type AwsFiles,
	type AwsSourceSpec,
} from '../aws/index.js';
import {shortQuote} from '../aws/quote.js';
import {UsageError} from '../config/usage-error.js';
import type {Settings} from './settings.js';
import {sourceKeyOf} from '../format/keys.js';

/**
 * `swept`: found by `--region all` (the profile's own region is `home`): the engine reads it like
 * any source, and a region without pipelines or not enabled in the account is shown quietly
 * (store/source-standing.ts), so sweeping again on the discovery cadence is just its next listing.
 */
export type ResolvedSource = {spec: AwsSourceSpec; readOnly: boolean; swept?: 'home' | 'other'};

const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

export type ResolveOptions = {
	env: NodeJS.ProcessEnv;
	/** Read these files instead of the ones the environment names (the demo's private dir). */
	paths?: AwsFilePaths;
	/** Regions per profile when a profile spans several (the demo's accounts). */
	profileRegions?: Record<string, string[]>;
};

export type Resolution = {sources: ResolvedSource[]; files: AwsFiles; warnings: string[]};

async function read(paths: AwsFilePaths): Promise<AwsFiles> {
	try {
		return await readAwsFiles(paths);
	} catch (error) {
		if (error instanceof AwsConfigError) throw new UsageError(error.message);
		throw error;
	}
}

function chooseProfiles(settings: Settings, files: AwsFiles, env: NodeJS.ProcessEnv): {profiles: string[]; implicit: boolean} {
	const known = profileNames(files);
	const where = `${files.paths.configFile} or ${files.paths.credentialsFile}`;
	if (settings.allProfiles) {
		if (known.length === 0) throw new UsageError(`--all-profiles: no profiles in ${where}`);
		return {profiles: known, implicit: false};
	}
	const named = settings.profiles ?? [env.AWS_PROFILE || 'default'];
	for (const profile of named) {
		if (known.includes(profile)) continue;
		// With no profile named anywhere, keys in the environment stand in for "default", as in the AWS CLI.
		if (!settings.profiles && !env.AWS_PROFILE && profile === 'default' && env.AWS_ACCESS_KEY_ID) continue;
		const list = known.length > 0 ? ` (known: ${known.join(', ')})` : '';
		throw new UsageError(`unknown profile "${profile}": not in ${where}${list}`);
	}
	return {profiles: named, implicit: settings.profiles === undefined};
}

function everyRegion(home: string, partition: string[]): string[] {
	return [home, ...partition.filter(region => region !== home)];
}

export async function resolveSources(settings: Settings, options: ResolveOptions): Promise<Resolution> {
	const env = options.env;
	const paths = options.paths ?? awsFilePaths(env);
	const files = await read(paths);
	const {profiles, implicit} = chooseProfiles(settings, files, env);
	// The AWS CLI's order: with no profile named, keys in the environment win over [default].
	const envKeys = implicit && !env.AWS_PROFILE && !options.paths && Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
	const warnings: string[] = [];
	const sources: ResolvedSource[] = [];
	const seen = new Set<string>();
	// The demo's files are its own: the user's environment does not steer them.
	const envRegion = options.paths ? undefined : env.AWS_REGION || env.AWS_DEFAULT_REGION;
	for (const profile of profiles) {
		const own = options.profileRegions?.[profile] ?? (envRegion ? [envRegion] : undefined) ?? [profileRegion(files, profile)].filter((region): region is string => region !== undefined);
		// --region all: every region of the profile's partition, its own first (the engine lists each on the discovery cadence).
		// With no region of its own, us-east-1 stands as its home (a default region, enabled everywhere).
		const home = own[0] ?? 'us-east-1';
		const regions = settings.allRegions ? everyRegion(home, await partitionRegions(home)) : (settings.regions ?? own);
		// Flags and the config file are checked already; a region from the AWS files or the environment is checked here.
		for (const region of settings.regions ? [] : own) {
			if (REGION.test(region)) continue;
			const from = envRegion ? `AWS_REGION "${shortQuote(region)}"` : `region "${shortQuote(region)}" of profile "${profile}" (in ${files.paths.configFile})`;
			throw new UsageError(`${from} is not a region name like eu-west-1`);
		}
		if (regions.length === 0) {
			const message = `profile "${profile}" has no region: add "region = ..." to it in ${files.paths.configFile}, or pass --region`;
			if (settings.allProfiles) {
				warnings.push(`skipped ${message}`);
				continue;
			}
			throw new UsageError(message);
		}
		let endpoints;
		try {
			endpoints = resolveEndpoints({files, profile, env: options.paths ? {} : env, endpointUrl: settings.endpointUrl});
			for (const url of Object.values(endpoints)) if (url) checkEndpointUrl(url, `endpoint of profile "${profile}"`);
		} catch (error) {
			if (error instanceof AwsConfigError) throw new UsageError(error.message);
			throw error;
		}
		const readOnly = settings.readOnly || settings.readOnlyProfiles.includes(profile);
		for (const [index, region] of regions.entries()) {
			const key = sourceKeyOf(profile, region);
			if (seen.has(key)) continue;
			seen.add(key);
			const swept = settings.allRegions ? {swept: index === 0 ? ('home' as const) : ('other' as const)} : {};
			sources.push({spec: {key, profile, region, endpoints, paths, credentialKind: envKeys ? 'env' : credentialKind(files, profile), ...(envKeys && {credentialsFromEnv: true})}, readOnly, ...swept});
		}
	}
	if (sources.length === 0) throw new UsageError('no sources to watch: every profile was skipped (see above)');
	return {sources, files, warnings};
}
