/**
 * The one owner of pipetop's key formats. Nobody builds or splits these by hand:
 * - a source key `profile/region` (one set of SDK clients under one request budget);
 * - a pipeline key `profile/region/name` (keyed by profile: the account is known only once
 *   GetPipeline answers, and a key must never change);
 * - a pipeline seen only through the change feed: `events:ACCOUNT/region/name` (seenProfileOf);
 * - an execution key `pipelineKey#executionId` (one execution's action executions).
 * Pipeline names cannot hold `/` (CodePipeline's name pattern is [A-Za-z0-9.@\-_]+), profile
 * names may: splitting takes the region and name from the end.
 */

export function sourceKeyOf(profile: string, region: string): string {
	return `${profile}/${region}`;
}

export function pipelineKeyOf(profile: string, region: string, name: string): string {
	return `${sourceKeyOf(profile, region)}/${name}`;
}

/** The key of a pipeline of a source, from the source's key. */
export function pipelineKeyInSource(sourceKey: string, name: string): string {
	return `${sourceKey}/${name}`;
}

/**
 * The pseudo profile of a pipeline seen only through the change feed: an account no configured
 * profile reads (`events:123456789012`). Never a source's, so nothing can act on it.
 */
export function seenProfileOf(accountId: string): string {
	return `events:${accountId}`;
}

export type PipelineKeyParts = {profile: string; region: string; name: string; sourceKey: string};

/** The parts of a pipeline key (empty strings where the key is malformed). */
export function splitPipelineKey(key: string): PipelineKeyParts {
	const parts = key.split('/');
	const name = parts.length >= 3 ? (parts.at(-1) ?? '') : '';
	const region = parts.length >= 3 ? (parts.at(-2) ?? '') : (parts[1] ?? '');
	const profile = parts.length >= 3 ? parts.slice(0, -2).join('/') : (parts[0] ?? '');
	return {profile, region, name, sourceKey: sourceKeyOf(profile, region)};
}

export function executionKeyOf(pipelineKey: string, executionId: string): string {
	return `${pipelineKey}#${executionId}`;
}

/** What every execution key of one pipeline starts with. */
export function executionKeyPrefix(pipelineKey: string): string {
	return `${pipelineKey}#`;
}
