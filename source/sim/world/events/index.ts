/**
 * Opens a world's event feed from its scenario's `events` option: the queue in the central
 * account (created when the scenario opens, so the feed carries only what happens from then on),
 * the sources whose events reach it, the delivery options, and an optional storm.
 */

import type {EventFeedOptions, SimAccount} from '../../contract.js';
import type {QueueRegistry} from '../../services/sqs/index.js';
import type {Engine} from '../execution/context.js';
import type {Pipeline} from '../model.js';
import {Rng} from '../random.js';
import {EventFeed} from './feed.js';
import {scheduleStorm} from './storm.js';
import {QueueTarget} from './target.js';

export {EventFeed} from './feed.js';
export type {FeedSettings} from './target.js';
export type {CodePipelineEvent} from './event-json.js';

const DEFAULT_QUEUE_NAME = 'pipetop-events';

function accountOf(accounts: SimAccount[], profileOrId: string): SimAccount {
	// The scenario was checked: every name given resolves.
	return accounts.find(account => account.profile === profileOrId || account.accountId === profileOrId) as SimAccount;
}

export function openEventFeed(engine: Engine, queues: QueueRegistry, accounts: SimAccount[], options: EventFeedOptions, pipelines: () => Pipeline[]): EventFeed {
	const central = options.account === undefined ? accounts[0] : accountOf(accounts, options.account);
	const sources = new Set<string>();
	const everyAccount: NonNullable<EventFeedOptions['sources']> = accounts.map(account => ({account: account.accountId}));
	for (const source of options.sources ?? everyAccount) {
		const account = accountOf(accounts, source.account);
		for (const region of source.regions ?? account.regions) sources.add(`${account.accountId}/${region}`);
	}
	const readers = (options.consumers ?? []).map(consumer => accountOf(accounts, consumer).accountId);
	const region = options.region ?? central.regions[0];
	const rng = Rng.derive(engine.seed, 'events');
	const names = options.queueNames ?? [options.queueName ?? DEFAULT_QUEUE_NAME];
	const targets = names.map(name => new QueueTarget({accountId: central.accountId, profile: central.profile, region, name, readers}, queues, engine.scheduler, rng));
	for (const target of targets) target.createQueue();
	const feed = new EventFeed(engine.scheduler, () => rng.uuid(), targets, sources);
	feed.set({
		delaySeconds: options.delaySeconds,
		duplicates: options.duplicates,
		reorderSeconds: options.reorderSeconds,
		refuse: options.refuse,
		deleted: options.deleted,
	});
	engine.observer = feed;
	if (options.storm) scheduleStorm(engine, options.storm, pipelines);
	return feed;
}
