/**
 * standByFor (same-account.ts), kept up to date one source at a time. The engine asks again each
 * time a source learns its account, fails or recovers; deciding for every source each time made
 * a first load of N sources cost N x N (30,000 profiles: minutes). Here a change costs one
 * decision, and a whole group is decided again only when its reader may change: the change is
 * to the reader itself, or the changed source would now be the better reader.
 */

import {primaryOf, type AccountReader} from './same-account.js';

export class AccountGroups {
	private readonly members = new Map<string, Set<string>>();
	private readonly groupOf = new Map<string, string>();
	private readonly primaries = new Map<string, string | undefined>();

	constructor(
		/** Each source's place in the sources' order (the first eligible one reads). */
		private readonly order: ReadonlyMap<string, number>,
		private readonly reader: (key: string) => AccountReader,
	) {}

	/** What changed sources (and any whose group's reader changed) should do: the reader to stand by for, or undefined to read. */
	changed(keys: Iterable<string>): Map<string, string | undefined> {
		const out = new Map<string, string | undefined>();
		const redecide = new Set<string>();
		for (const key of keys) {
			const reader = this.reader(key);
			const group = this.move(key, reader, redecide);
			if (group === undefined) {
				out.set(key, undefined);
				continue;
			}
			const primary = this.primaries.get(group);
			if (primary === undefined || primary === key || this.beats(reader, this.reader(primary))) redecide.add(group);
			else out.set(key, reader.failed ? undefined : primary);
		}
		for (const group of redecide) this.decide(group, out);
		return out;
	}

	/** Files the source under its current account and region; the group it left is decided again. */
	private move(key: string, reader: AccountReader, redecide: Set<string>): string | undefined {
		const before = this.groupOf.get(key);
		const now = reader.account === undefined ? undefined : `${reader.account}/${reader.region}`;
		if (before === now) return now;
		if (before !== undefined) {
			this.members.get(before)?.delete(key);
			redecide.add(before);
		}
		if (now === undefined) {
			this.groupOf.delete(key);
			return undefined;
		}
		let members = this.members.get(now);
		if (!members) this.members.set(now, (members = new Set()));
		members.add(key);
		this.groupOf.set(key, now);
		return now;
	}

	private rank(reader: AccountReader): number {
		return (reader.readOnly ? this.order.size : 0) + (this.order.get(reader.key) ?? 0);
	}

	/** Whether `reader` would read instead of `primary`. */
	private beats(reader: AccountReader, primary: AccountReader): boolean {
		if (reader.failed) return false;
		return primary.failed || this.rank(reader) < this.rank(primary);
	}

	private decide(group: string, out: Map<string, string | undefined>): void {
		const readers = [...(this.members.get(group) ?? [])].map(key => this.reader(key)).sort((one, two) => (this.order.get(one.key) ?? 0) - (this.order.get(two.key) ?? 0));
		const primary = primaryOf(readers)?.key;
		this.primaries.set(group, primary);
		for (const reader of readers) out.set(reader.key, reader.key === primary || reader.failed ? undefined : primary);
	}
}
