/**
 * Several profiles often reach one account (an admin and a read-only role of the same SSO
 * account): with --all-profiles each would list every pipeline of that account again and spend
 * the account's request rate twice over (CodePipeline throttles per account and region). One
 * source per account and region reads; the others stand by while it can.
 */

export type AccountReader = {
	key: string;
	region: string;
	/** Known once a pipeline's ARN told it. */
	account: string | undefined;
	readOnly: boolean;
	failed: boolean;
};

/**
 * For each source, the source it stands by for, or undefined when it reads. The reader of an
 * account and region is its first source (in the given order) that has not failed, preferring
 * one that may act (not read-only), so the console's actions go through a profile allowed to
 * make them. A failed source keeps probing: when it comes back it may read again.
 */
export function standByFor(readers: readonly AccountReader[]): Map<string, string | undefined> {
	const groups = new Map<string, AccountReader[]>();
	for (const reader of readers) {
		if (reader.account === undefined) continue;
		const group = `${reader.account}/${reader.region}`;
		// Pushed, not copied: one account read by thousands of profiles must stay linear.
		const members = groups.get(group);
		if (members) members.push(reader);
		else groups.set(group, [reader]);
	}
	const out = new Map<string, string | undefined>(readers.map(reader => [reader.key, undefined]));
	for (const group of groups.values()) {
		const primary = primaryOf(group);
		if (!primary) continue;
		for (const reader of group) if (reader !== primary && !reader.failed) out.set(reader.key, primary.key);
	}
	return out;
}

/** The reader of one account and region among its sources (in source order): see standByFor. */
export function primaryOf(group: readonly AccountReader[]): AccountReader | undefined {
	const candidates = group.filter(reader => !reader.failed);
	return candidates.find(reader => !reader.readOnly) ?? candidates[0];
}
