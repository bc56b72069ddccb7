/**
 * Read-only follows the account, not only the profile's name: a second profile of a read-only
 * account (an alias with the same keys, another role of the same SSO account) must not be a way
 * around it. An account is read-only when the config lists it in `readOnlyAccounts`, or when a
 * profile in `readOnlyProfiles` reaches it, unless the config says `readOnlyFollowsAccount: false`.
 *
 * Which account a pipeline is in is known from its ARN once read; which account a read-only
 * profile reaches is known from its source's reads when it is watched, and otherwise from the AWS
 * files (an account id it names, or the access key it shares with the acting profile).
 */

import {readAwsFiles, type AwsFilePaths} from '../aws/index.js';
import {profileIdentity, sameAccountInFiles} from '../aws/profile-account.js';
import type {FleetState, PipelineKey} from '../store/types.js';

export type AccountRulesConfig = {readOnlyAccounts?: string[]; readOnlyProfiles?: string[]; readOnlyFollowsAccount?: boolean};

export type AccountGuard = {
	/** What the store already shows (for the footer and the help: no file read). */
	now(state: FleetState, pipelineKey: PipelineKey): string | undefined;
	/** The same, then the AWS files: before a dialog opens and before anything is sent. */
	check(state: FleetState, pipelineKey: PipelineKey): Promise<string | undefined>;
};

function where(state: FleetState, pipelineKey: PipelineKey): {profile: string; sourceKey: string; accountId?: string} | undefined {
	const entry = state.pipelines[pipelineKey];
	if (!entry) return undefined;
	return {profile: entry.profile, sourceKey: entry.sourceKey, accountId: entry.accountId ?? state.sources[entry.sourceKey]?.accountId};
}

export function accountGuard(config: AccountRulesConfig, pathsFor: (sourceKey: string) => AwsFilePaths | undefined): AccountGuard | undefined {
	const accounts = new Set(config.readOnlyAccounts ?? []);
	const follows = config.readOnlyFollowsAccount ?? true;
	const profiles = follows ? (config.readOnlyProfiles ?? []) : [];
	if (accounts.size === 0 && profiles.length === 0) return undefined;

	const now = (state: FleetState, pipelineKey: PipelineKey): string | undefined => {
		const at = where(state, pipelineKey);
		if (!at?.accountId) return undefined;
		if (accounts.has(at.accountId)) return `account ${at.accountId} is read-only`;
		for (const source of Object.values(state.sources)) {
			if (source.profile !== at.profile && profiles.includes(source.profile) && source.accountId === at.accountId) {
				return `account ${at.accountId} is read-only (profile ${source.profile} is read-only)`;
			}
		}
		return undefined;
	};

	return {
		now,
		async check(state, pipelineKey) {
			const known = now(state, pipelineKey);
			if (known) return known;
			const at = where(state, pipelineKey);
			const paths = at && pathsFor(at.sourceKey);
			if (!at || !paths) return undefined;
			let files;
			try {
				files = await readAwsFiles(paths);
			} catch {
				// The files were readable when the sources were made; if not now, do not guess "allowed".
				return `cannot tell whether the account of profile ${at.profile} is read-only (the AWS files cannot be read now)`;
			}
			const named = profileIdentity(files, at.profile).accountId;
			if (named && accounts.has(named)) return `account ${named} is read-only`;
			for (const profile of profiles) {
				if (profile === at.profile) continue;
				const same = sameAccountInFiles(files, at.profile, profile);
				if (same) return `profile ${at.profile} reaches the account of read-only profile ${profile} (${same})`;
				const theirs = profileIdentity(files, profile).accountId;
				if (theirs && theirs === at.accountId) return `account ${theirs} is read-only (profile ${profile} is read-only)`;
			}
			return undefined;
		},
	};
}
