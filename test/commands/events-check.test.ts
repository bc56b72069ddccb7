/**
 * `pipetop events check` against the embedded service's queue: it answers (exit 0) with its
 * message counts and the age of the events waiting, taking none of them (the console reading the
 * queue still gets every one); a queue that refuses or is gone does not answer (exit 1, why).
 */

import {afterEach, expect, test} from 'vitest';
import {bootstrap} from '../../source/app/bootstrap.js';
import type {GlobalFlags} from '../../source/app/context.js';
import {runEventsCheck} from '../../source/commands/events-check.js';
import {UsageError} from '../../source/config/usage-error.js';
import type {EventFeedOptions} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {feedScenario, TEAM} from '../sim/events/helpers/feed.js';

let fleet: FleetHarness | undefined;
afterEach(async () => {
	await fleet?.close();
	fleet = undefined;
});

async function check(flags: Partial<GlobalFlags> = {}): Promise<{code: number; stdout: string}> {
	const harness = fleet as FleetHarness;
	const {context, stdout} = harness.commandContext([], {profile: 'tools', events: harness.sim.eventQueues[0].url, ...flags});
	const app = await bootstrap(context, {clock: harness.clock});
	try {
		return {code: await runEventsCheck(context, {clock: harness.clock, app}), stdout: stdout()};
	} finally {
		await app.close();
	}
}

async function queueOf(events: EventFeedOptions = {}): Promise<FleetHarness> {
	fleet = await startFleetHarness({scenario: feedScenario(events), start: false});
	return fleet;
}

test('a queue that answers: exit 0, its messages, the age of the newest event waiting; nothing is taken from it', async () => {
	const harness = await queueOf();
	const empty = await check();
	expect(empty.code).toBe(0);
	expect(empty.stdout).toContain(`${harness.sim.eventQueues[0].url} (profile tools, us-east-1): answers\n  messages: 0 waiting, 0 in flight, 0 delayed\n  no event waiting`);
	harness.world.startExecution(TEAM.profile, 'eu-west-1', 'web');
	await harness.advance(12_000);
	const first = await check({json: true});
	expect(first.code).toBe(0);
	const report = JSON.parse(first.stdout);
	expect(report).toMatchObject({answers: true, error: null, profile: 'tools', region: 'us-east-1', queueArn: expect.stringMatching(/^arn:aws:sqs:us-east-1:\d{12}:pipetop-events$/)});
	expect(report.messages.waiting).toBeGreaterThanOrEqual(4);
	// The execution started 12 s ago; its newest event (Source done, Build started) about 2 s ago.
	expect(report.oldestEventAgeSeconds).toBeGreaterThanOrEqual(11);
	expect(report.newestEventAgeSeconds).toBeLessThan(report.oldestEventAgeSeconds);
	// A look, not a read: the messages are all still there, visible, for the console.
	const again = JSON.parse((await check({json: true})).stdout);
	expect(again.messages).toEqual({...report.messages, inFlight: 0});
});

for (const [fault, code] of [['refuse', 'AccessDenied'], ['deleted', 'QueueDoesNotExist']] as const) {
	test(`a queue that ${fault === 'refuse' ? 'refuses' : 'is gone'} does not answer: exit 1 and the reason (${code})`, async () => {
		await queueOf({[fault]: true});
		const result = await check();
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(new RegExp(`: does not answer: ${code}: `));
		const report = JSON.parse((await check({json: true})).stdout);
		expect(report).toMatchObject({answers: false, error: {code}, messages: null, newestEventAgeSeconds: null});
	});
}

test('no queue configured is a usage error', async () => {
	await queueOf();
	await expect(check({events: undefined})).rejects.toThrow(UsageError);
	await expect(check({events: undefined})).rejects.toThrow(/events check: no queue to check \(pass --events QUEUE_URL/);
});
