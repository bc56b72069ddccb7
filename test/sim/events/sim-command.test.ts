/**
 * `pipetop sim` tells where the event queue is: the demo has the feed on, and the printed URL is
 * one the SDK reads with the printed profile's keys (from the files --aws-dir writes).
 */

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {GetQueueAttributesCommand, SQSClient} from '@aws-sdk/client-sqs';
import {fromIni} from '@aws-sdk/credential-providers';
import {expect, test} from 'vitest';
import {simCommand} from '../../../source/sim/cli.js';

test('pipetop sim --scenario demo prints the events queue URL, its profile and region, and the queue answers there', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-sim-events-'));
	const stop = new AbortController();
	const lines: string[] = [];
	let client: SQSClient | undefined;
	let started: () => void = () => {};
	const ready = new Promise<void>(resolve => (started = resolve));
	const running = simCommand(['--scenario', 'demo', '--aws-dir', join(dir, 'aws')], {
		stdout: line => {
			lines.push(line);
			if (line.startsWith('aws profiles')) started();
		},
		stderr: line => lines.push(`stderr: ${line}`),
		signal: stop.signal,
	}).finally(() => started());
	try {
		await ready;
		const queueLine = lines.find(line => line.startsWith('events queue ')) ?? expect.fail(`no events queue line in:\n${lines.join('\n')}`);
		const match = /^events queue (http:\/\/127\.0\.0\.1:\d+\/471120983365\/pipetop-events) \(profile prod, region us-east-1\)$/.exec(queueLine);
		expect(match, queueLine).not.toBeNull();
		const url = match?.[1] as string;
		client = new SQSClient({
			endpoint: new URL(url).origin,
			region: 'us-east-1',
			credentials: fromIni({profile: 'prod', filepath: join(dir, 'aws', 'credentials'), configFilepath: join(dir, 'aws', 'config')}),
			maxAttempts: 1,
		});
		const {Attributes} = await client.send(new GetQueueAttributesCommand({QueueUrl: url, AttributeNames: ['QueueArn']}));
		expect(Attributes?.QueueArn).toBe('arn:aws:sqs:us-east-1:471120983365:pipetop-events');
	} finally {
		client?.destroy();
		stop.abort();
		expect(await running).toBe(0);
		await rm(dir, {recursive: true, force: true});
	}
});
