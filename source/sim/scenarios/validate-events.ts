/**
 * Checks a scenario's `events` option (the EventBridge feed into an SQS queue): the accounts and
 * regions it names exist, and the delivery options are in range. Messages name the member.
 */

import type {EventFeedOptions} from '../contract.js';

type Account = {profile: string; accountId: string; regions: string[]};

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

function share(value: unknown): boolean {
	return typeof value === 'number' && value >= 0 && value <= 1;
}

function seconds(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function checkEvents(value: unknown, accounts: Account[], fail: (message: string) => never): void {
	if (value === undefined) return;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('"events" must be an object');
	const events = value as EventFeedOptions;
	const find = (name: unknown, label: string): Account => {
		const account = accounts.find(candidate => candidate.profile === name || candidate.accountId === name);
		return account ?? fail(`${label} "${String(name)}" is not one of the accounts (a profile or an account id)`);
	};
	const central = events.account === undefined ? accounts[0] : find(events.account, 'events.account');
	if (events.region !== undefined && !central.regions.includes(events.region)) fail(`events.region "${String(events.region)}" is not one of ${central.profile}'s regions (${central.regions.join(', ')})`);
	if (events.queueName !== undefined && (typeof events.queueName !== 'string' || !QUEUE_NAME.test(events.queueName))) fail('events.queueName must be 1-80 letters, digits, - or _');
	if (events.queueNames !== undefined) {
		if (events.queueName !== undefined) fail('events: give queueName or queueNames, not both');
		const names = events.queueNames;
		if (!Array.isArray(names) || names.length === 0 || names.some(name => typeof name !== 'string' || !QUEUE_NAME.test(name))) fail('events.queueNames must be a non-empty array of queue names (1-80 letters, digits, - or _)');
		if (new Set(names).size !== names.length) fail('events.queueNames has the same name twice');
	}
	if (events.sources !== undefined) {
		if (!Array.isArray(events.sources)) fail('events.sources must be an array of {account, regions?}');
		events.sources.forEach((source, index) => {
			const account = find(source?.account, `events.sources[${index}].account`);
			for (const region of source.regions ?? []) if (!account.regions.includes(region)) fail(`events.sources[${index}].regions: "${String(region)}" is not one of ${account.profile}'s regions`);
		});
	}
	if (events.consumers !== undefined) {
		if (!Array.isArray(events.consumers)) fail('events.consumers must be an array of profiles or account ids');
		events.consumers.forEach((consumer, index) => find(consumer, `events.consumers[${index}]`));
	}
	const delay = events.delaySeconds;
	if (delay !== undefined && !seconds(delay) && !(Array.isArray(delay) && delay.length === 2 && seconds(delay[0]) && seconds(delay[1]) && delay[0] <= delay[1])) {
		fail('events.delaySeconds must be seconds (>= 0) or [min, max]');
	}
	if (events.duplicates !== undefined && !share(events.duplicates)) fail('events.duplicates must be a share from 0 to 1');
	if (events.reorderSeconds !== undefined && !seconds(events.reorderSeconds)) fail('events.reorderSeconds must be seconds (>= 0)');
	for (const flag of ['refuse', 'deleted'] as const) if (events[flag] !== undefined && typeof events[flag] !== 'boolean') fail(`events.${flag} must be true or false`);
	const storm = events.storm;
	if (storm !== undefined) {
		if (typeof storm !== 'object' || storm === null || !Number.isInteger(storm.executions) || storm.executions < 1 || storm.executions > 100_000) fail('events.storm.executions must be a whole number from 1 to 100000');
		if (storm.afterSeconds !== undefined && !seconds(storm.afterSeconds)) fail('events.storm.afterSeconds must be seconds (>= 0)');
		if (storm.seconds !== undefined && !(seconds(storm.seconds) && storm.seconds > 0)) fail('events.storm.seconds must be above 0');
	}
}
