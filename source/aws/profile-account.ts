/**
 * What the AWS files alone say about which account a profile reaches, without a call: an
 * account id the profile names (aws_account_id, sso_account_id, the account in its role_arn),
 * and the access key it signs with. Two profiles with one access key reach one account whatever
 * their names: that is how a second profile of a read-only account is recognised offline.
 */

import {profileSettings, type AwsFiles} from './profiles.js';

export type ProfileIdentity = {accountId?: string; accessKeyId?: string};

const ACCOUNT = /^\d{12}$/;

export function profileIdentity(files: AwsFiles, profile: string): ProfileIdentity {
	const settings = profileSettings(files, profile);
	const fromRole = settings.role_arn?.split(':')[4];
	const accountId = [settings.aws_account_id, settings.sso_account_id, fromRole].map(value => value?.trim()).find(value => value && ACCOUNT.test(value));
	// A role's own keys are its source profile's: only a profile that signs with its keys is its keys.
	const accessKeyId = settings.role_arn ? undefined : settings.aws_access_key_id?.trim() || undefined;
	return {...(accountId && {accountId}), ...(accessKeyId && {accessKeyId})};
}

/** How the files show that two profiles reach one account, in words; undefined when they do not show it. */
export function sameAccountInFiles(files: AwsFiles, profile: string, other: string): string | undefined {
	const one = profileIdentity(files, profile);
	const two = profileIdentity(files, other);
	if (one.accessKeyId && one.accessKeyId === two.accessKeyId) return 'the same access key';
	if (one.accountId && one.accountId === two.accountId) return `account ${one.accountId}`;
	return undefined;
}
