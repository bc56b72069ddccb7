/**
 * `pipetop events check [--json]`: whether the change feed's queue answers, how many messages wait
 * in it, and how old the events waiting are. Exit 0 when it answers, 1 when it does not (the
 * reason on stdout, with what to do), 2 when no queue is configured.
 */

import {bootstrap, type Bootstrapped} from '../app/bootstrap.js';
import type {CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {checkQueue, type QueueCheck} from '../engine/feed/check.js';
import {RealClock, type Clock} from '../shared/clock.js';

const TIMEOUT_MS = 10_000;

export type EventsCheckOptions = {clock?: Clock; app?: Bootstrapped};

const ageSeconds = (time: number | undefined, now: number): number | null => (time === undefined ? null : Math.max(0, Math.round((now - time) / 1000)));

function text(queue: string, where: string, check: QueueCheck, now: number): string {
	if (!check.answers) return `${queue} (${where}): does not answer: ${check.error.code}: ${check.error.message}${check.error.hint ? `\n  ${check.error.hint}` : ''}\n`;
	const {waiting, inFlight, delayed} = check.attributes;
	const lines = [`${queue} (${where}): answers`, `  messages: ${waiting} waiting, ${inFlight} in flight, ${delayed} delayed`];
	if (check.newestEventAt === undefined) lines.push('  no event waiting (a console reading this queue deletes each event once applied)');
	else lines.push(`  newest event waiting: ${ageSeconds(check.newestEventAt, now)} s old (${new Date(check.newestEventAt).toISOString()}), oldest of ${check.looked} looked at: ${ageSeconds(check.oldestEventAt, now)} s`);
	return `${lines.join('\n')}\n`;
}

function json(queue: string, profile: string, region: string, check: QueueCheck, now: number): string {
	const answered = check.answers ? check : undefined;
	return `${JSON.stringify(
		{
			queueUrl: queue,
			profile,
			region,
			answers: check.answers,
			error: check.answers ? null : {code: check.error.code, message: check.error.message, hint: check.error.hint ?? null},
			queueArn: answered?.attributes.arn ?? null,
			messages: answered ? {waiting: answered.attributes.waiting, inFlight: answered.attributes.inFlight, delayed: answered.attributes.delayed} : null,
			newestEventAt: answered?.newestEventAt === undefined ? null : new Date(answered.newestEventAt).toISOString(),
			newestEventAgeSeconds: ageSeconds(answered?.newestEventAt, now),
			oldestEventAgeSeconds: ageSeconds(answered?.oldestEventAt, now),
		},
		null,
		2,
	)}\n`;
}

export async function runEventsCheck(context: CommandContext, options: EventsCheckOptions = {}): Promise<number> {
	if (context.args.length > 0) throw new UsageError(`events check takes no arguments (got "${context.args.join(' ')}")`);
	const clock = options.clock ?? new RealClock();
	const app = options.app ?? (await bootstrap(context, {clock}));
	try {
		const feed = app.feed;
		if (!feed) throw new UsageError('events check: no queue to check (pass --events QUEUE_URL, or set "events": {"queueUrl": ...} in the config)');
		const check = await checkQueue(feed, clock, TIMEOUT_MS);
		const {queueUrl, profile, region} = feed.queue;
		const now = clock.now();
		context.stdout.write(context.flags.json ? json(queueUrl, profile, region, check, now) : text(queueUrl, `profile ${profile}, ${region}`, check, now));
		return check.answers ? 0 : 1;
	} finally {
		if (!options.app) await app.close();
	}
}
