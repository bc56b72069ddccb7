/**
 * What the store is told about a source's pipelines: each pipeline's entry (its row), its
 * definition, and the account they live in (learnt from the first definition's ARN). Only
 * pipelines the source still tracks are written: a read that ends after its pipeline was removed
 * (deleted, or the source stood by) must not bring the row back.
 */

import type {AwsSourceSpec} from '../aws/index.js';
import {attentionOf} from '../store/attention.js';
import type {FleetUpdate} from '../store/reducers.js';
import {noteProgress} from './cadence.js';
import {buildEntry} from './entry.js';
import type {Tracked} from './tracked.js';

export class SourceEntries {
	/** The account, once a pipeline's definition told it. */
	accountId: string | undefined;

	constructor(
		private readonly key: string,
		private readonly spec: AwsSourceSpec,
		private readonly pipelines: ReadonlyMap<string, Tracked>,
		private readonly emit: (update: FleetUpdate) => void,
	) {}

	write(t: Tracked): void {
		// A pipeline removed while its poll was under way (deleted, or the source stood by) stays gone.
		if (this.pipelines.get(t.name) !== t) return;
		const {spec} = this;
		const entry = buildEntry(t, {key: this.key, profile: spec.profile, region: spec.region, accountId: this.accountId});
		// The cadence reads the attention of the entry last written (cadence.ts).
		t.attention = attentionOf(entry);
		noteProgress(t);
		this.emit({type: 'pipeline', entry});
	}

	/** A definition was read: store it for the definition view, learn the account id. */
	definitionRead(t: Tracked): void {
		if (this.pipelines.get(t.name) !== t) return;
		this.emit({type: 'definition', key: t.key, value: t.definition?.declaration});
		const accountId = t.definition?.accountId;
		if (accountId && accountId !== this.accountId) {
			this.accountId = accountId;
			this.emit({type: 'sourcePatch', key: this.key, patch: {accountId}});
		}
	}
}
