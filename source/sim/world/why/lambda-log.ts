/**
 * What a Lambda function invoked by a pipeline writes to `/aws/lambda/NAME`: one stream per
 * invocation (as a cold start makes one), the runtime's START/END/REPORT lines around the
 * function's own output. A failed run logs the checks that failed and the very message the
 * action's error quotes; lines appear as the run's time passes.
 */

import {Rng} from '../random.js';
import type {ActionRun} from '../model.js';

export type StreamLine = {timestamp: number; message: string; ingestionTime: number};

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
	return value;
}

/** `2026/11/01/[$LATEST]0123abcd...`: the date the invocation started and a per-run id. */
export function lambdaStreamName(run: ActionRun): string {
	const date = new Date(run.startTime).toISOString().slice(0, 10).replace(/-/g, '/');
	return `${date}/[$LATEST]${new Rng(hash(run.id)).hex(32)}`;
}

const CHECKS = ['GET /health', 'GET /orders', 'POST /orders', 'GET /orders/{id}', 'GET /metrics', 'POST /refunds', 'GET /catalog', 'GET /auth/session'];

export function lambdaLines(run: ActionRun, now: number): StreamLine[] {
	const rng = new Rng(hash(run.id) ^ 0x1a3b);
	const request = run.externalId ?? rng.uuid();
	const end = run.status === 'InProgress' ? run.startTime + 60_000 : run.lastUpdateTime;
	const failed = run.status === 'Failed';
	// The counts the action's error gives ("2 of 35 checks failed"), so the log agrees with it.
	const counts = /(\d+) of (\d+) checks/.exec(run.error?.message ?? '');
	const total = Math.max(CHECKS.length, Number(counts?.[2] ?? CHECKS.length));
	const failures = failed ? Math.min(CHECKS.length, Math.max(1, Number(counts?.[1] ?? 1))) : 0;
	const messages: string[] = [
		`INIT_START Runtime Version: nodejs:20.v33\tRuntime Version ARN: arn:aws:lambda::runtime:${rng.hex(64)}`,
		`START RequestId: ${request} Version: $LATEST`,
		`\t${request}\tINFO\tRunning ${total} smoke checks for pipeline job ${request}`,
	];
	const failing = new Set<number>();
	// GET /health fails first (the error names it), then others at random.
	while (failing.size < failures) failing.add(failing.size === 0 ? 0 : rng.int(1, CHECKS.length - 1));
	if (total > CHECKS.length) messages.push(`\t${request}\tINFO\tPASS ${total - CHECKS.length} checks of the read-only suite`);
	CHECKS.forEach((check, index) => {
		messages.push(failing.has(index) ? `\t${request}\tERROR\tFAIL ${check} returned 503 (expected 200)` : `\t${request}\tINFO\tPASS ${check} 200 (${rng.int(20, 300)} ms)`);
	});
	if (failed) messages.push(`\t${request}\tERROR\t${run.error?.message ?? 'Smoke tests failed'}`, `\t${request}\tINFO\tPutJobFailureResult sent for job ${request}`);
	else messages.push(`\t${request}\tINFO\tPutJobSuccessResult sent for job ${request}`);
	messages.push(`END RequestId: ${request}`, `REPORT RequestId: ${request}\tDuration: ${(end - run.startTime).toFixed(2)} ms\tBilled Duration: ${end - run.startTime} ms\tMemory Size: 256 MB\tMax Memory Used: ${rng.int(70, 140)} MB`);
	const span = Math.max(1000, end - run.startTime);
	return messages
		.map((text, index) => {
			const timestamp = Math.floor(run.startTime + (span * index) / messages.length);
			// Application lines carry their own ISO timestamp first, as the Node.js runtime writes them.
			const message = text.startsWith('\t') ? `${new Date(timestamp).toISOString()}${text}\n` : `${text}\n`;
			return {timestamp, message, ingestionTime: timestamp + 200};
		})
		.filter(line => line.ingestionTime <= now);
}
