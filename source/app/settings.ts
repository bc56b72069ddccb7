/** The config file and the flags, merged (flags win) and checked. */

import {splitList, type GlobalFlags} from './context.js';
import {UsageError} from '../config/usage-error.js';
import type {PipetopConfig} from '../config/types.js';
import {DEFAULT_INTERVALS} from '../engine/defaults.js';
import type {Intervals} from '../engine/types.js';

export type Settings = {
	/** Profiles named by flag or config; undefined: $AWS_PROFILE, else "default". */
	profiles?: string[];
	allProfiles: boolean;
	/** Regions named by flag or config; undefined: each profile's own (or every region, with allRegions). */
	regions?: string[];
	/** `--region all` / `"regions": "all"`: sweep every region of each profile's partition (store/source-standing.ts shows the quiet ones). */
	allRegions: boolean;
	endpointUrl?: string;
	readOnly: boolean;
	readOnlyProfiles: string[];
	intervals: Intervals;
	/** The change feed's queue and tuning; undefined: polling only. */
	events?: EventsSettings;
};

export type EventsSettings = {queueUrl: string; profile?: string; region?: string; safetyNetMs?: number; safetyNetCallsPerMinute?: number; silenceMs?: number; seenThroughEvents?: boolean};

/** The feed from --events (which wins), --no-events (none) or the config's `events`. */
function eventsSettings(config: PipetopConfig, flag: string | false | undefined): EventsSettings | undefined {
	if (flag === false) return undefined;
	const {queueUrl: configured, safetyNetSeconds, silentSeconds, ...rest} = config.events ?? {};
	const queueUrl = flag ?? configured;
	if (queueUrl === undefined) {
		if (config.events) throw new UsageError('config "events" needs a queueUrl (or pass --events QUEUE_URL)');
		return undefined;
	}
	if (flag !== undefined && !/^https?:\/\/[^/]+\/\d+\/[^/]+$/.test(flag)) throw new UsageError(`--events "${flag}" is not an SQS queue URL like https://sqs.us-east-1.amazonaws.com/123456789012/pipetop-events`);
	return {
		queueUrl,
		...rest,
		...(safetyNetSeconds !== undefined && {safetyNetMs: safetyNetSeconds * 1000}),
		...(silentSeconds !== undefined && {silenceMs: silentSeconds * 1000}),
	};
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

function checkUrl(value: string): string {
	try {
		const url = new URL(value);
		if (url.protocol === 'http:' || url.protocol === 'https:') return value;
	} catch {
		// Reported below.
	}
	throw new UsageError(`--endpoint-url "${value}" is not an http:// or https:// URL`);
}

export function mergeSettings(config: PipetopConfig, flags: GlobalFlags): Settings {
	if (flags.profile !== undefined && flags.allProfiles) throw new UsageError('use --profile or --all-profiles, not both');
	const flagProfiles = flags.profile === undefined ? undefined : splitList(flags.profile);
	if (flagProfiles?.length === 0) throw new UsageError('--profile needs a profile name');
	const flagRegions = flags.region === undefined ? undefined : splitList(flags.region);
	if (flagRegions?.length === 0) throw new UsageError('--region needs a region name');
	const flagAll = flagRegions?.includes('all') ?? false;
	if (flagAll && flagRegions!.length > 1) throw new UsageError('--region all sweeps every region: give it alone, or list regions without "all"');
	for (const region of flagAll ? [] : (flagRegions ?? [])) if (!REGION.test(region)) throw new UsageError(`--region "${region}" is not a region name like eu-west-1 (or "all")`);
	const configAll = config.regions === 'all';
	const allRegions = flagRegions ? flagAll : configAll;

	const allProfiles = flagProfiles ? false : flags.allProfiles || (config.allProfiles ?? false);
	const seconds = config.intervals ?? {};
	return {
		profiles: flagProfiles ?? (allProfiles ? undefined : config.profiles),
		allProfiles,
		regions: allRegions ? undefined : (flagRegions ?? (configAll ? undefined : (config.regions as string[] | undefined))),
		allRegions,
		endpointUrl: flags.endpointUrl !== undefined ? checkUrl(flags.endpointUrl) : config.endpointUrl,
		readOnly: flags.readOnly || (config.readOnly ?? false),
		readOnlyProfiles: config.readOnlyProfiles ?? [],
		events: eventsSettings(config, flags.events),
		intervals: {
			...DEFAULT_INTERVALS,
			...(seconds.activeSeconds !== undefined && {active: seconds.activeSeconds * 1000}),
			...(seconds.idleSeconds !== undefined && {idle: seconds.idleSeconds * 1000}),
			...(seconds.discoverySeconds !== undefined && {discovery: seconds.discoverySeconds * 1000}),
			...(seconds.logFollowSeconds !== undefined && {logFollow: seconds.logFollowSeconds * 1000}),
			// The retry of a failed source follows the idle cadence (see DEFAULT_INTERVALS.maxBackoff).
			...(seconds.idleSeconds !== undefined && {maxBackoff: Math.max(DEFAULT_INTERVALS.backoff, seconds.idleSeconds * 1000)}),
		},
	};
}
