/**
 * The change feed's queue, from the settings and the AWS files: whose credentials read it (the
 * `events.profile`, else the first profile watched), its region (given, else from the queue
 * URL's host, else the profile's) and the profile's SQS endpoint. Problems are UsageErrors.
 */

import {AwsConfigError, credentialKind, profileNames, profileRegion, regionOfQueueUrl, resolveEndpoint} from '../aws/index.js';
import {UsageError} from '../config/usage-error.js';
import type {FeedOptions} from '../engine/feed/attach.js';
import type {EventsSettings, Settings} from './settings.js';
import type {Resolution} from './sources.js';

export function resolveFeed(settings: Settings, resolution: Resolution, env: NodeJS.ProcessEnv, demo = false): FeedOptions | undefined {
	const events: EventsSettings | undefined = settings.events;
	if (!events) return undefined;
	const {files, sources} = resolution;
	const first = sources[0].spec;
	const profile = events.profile ?? first.profile;
	const own = sources.find(source => source.spec.profile === profile)?.spec;
	if (!own && !profileNames(files).includes(profile)) throw new UsageError(`events: unknown profile "${profile}" (not in ${files.paths.configFile} or ${files.paths.credentialsFile})`);
	const region = events.region ?? regionOfQueueUrl(events.queueUrl) ?? profileRegion(files, profile) ?? own?.region ?? first.region;
	let endpoint: string | undefined;
	try {
		endpoint = resolveEndpoint('sqs', {files, profile, env: demo ? {} : env, endpointUrl: settings.endpointUrl});
	} catch (error) {
		if (error instanceof AwsConfigError) throw new UsageError(error.message);
		throw error;
	}
	return {
		queue: {queueUrl: events.queueUrl, profile, region, endpoint, paths: first.paths, credentialKind: own?.credentialKind ?? credentialKind(files, profile), ...(own?.credentialsFromEnv && {credentialsFromEnv: true})},
		safetyNetMs: events.safetyNetMs,
		safetyNetCallsPerMinute: events.safetyNetCallsPerMinute,
		silenceMs: events.silenceMs,
		...(events.seenThroughEvents === false && {seenThroughEvents: false}),
	};
}
