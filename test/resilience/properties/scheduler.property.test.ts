/**
 * The engine's scheduler (one source's SourceRunner with its request budget) under random
 * interleavings of answers, errors and operator actions, in virtual time:
 * - a pipeline is never polled twice at once, and calls in flight never pass the budget's cap;
 * - whatever happened, once the API behaves again every pipeline is read again and the source is
 *   healthy within a bounded time (no pipeline starved, no source stuck failed);
 * - stop() leaves no timer behind.
 */

import fc from 'fast-check';
import {expect, test} from 'vitest';
import {DEFAULT_BUDGET, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_INTERVALS, STALE_FACTOR} from '../../../source/engine/defaults.js';
import {SourceRunner, type TraceEvent} from '../../../source/engine/source-runner.js';
import {flushIo, VirtualClock} from '../../../source/shared/clock.js';
import {initialFleetState, reduceFleet, type FleetUpdate} from '../../../source/store/reducers.js';
import type {FleetState} from '../../../source/store/types.js';
import {ScriptedApi, type Outcome} from './scripted-api.js';

type Step =
	| {kind: 'answers'; outcomes: Outcome[]}
	| {kind: 'advance'; ms: number}
	| {kind: 'focus'; names: number[]}
	| {kind: 'refresh'; name?: number}
	| {kind: 'dirty'; name: number};

const PIPELINES = 6;

const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 3, arbitrary: fc.array(fc.constantFrom<Outcome>('ok', 'ok', 'throttle', 'server', 'gone', 'denied', 'hang'), {minLength: 1, maxLength: 8}).map(outcomes => ({kind: 'answers', outcomes}) as const)},
	{weight: 4, arbitrary: fc.integer({min: 100, max: 40_000}).map(ms => ({kind: 'advance', ms}) as const)},
	{weight: 1, arbitrary: fc.array(fc.nat({max: PIPELINES - 1}), {maxLength: 3}).map(names => ({kind: 'focus', names}) as const)},
	{weight: 1, arbitrary: fc.option(fc.nat({max: PIPELINES - 1}), {nil: undefined}).map(name => ({kind: 'refresh', name}) as const)},
	{weight: 1, arbitrary: fc.nat({max: PIPELINES - 1}).map(name => ({kind: 'dirty', name}) as const)},
);

/** Moves virtual time timer by timer, letting the scripted answers land in between. */
async function advance(clock: VirtualClock, ms: number): Promise<void> {
	const end = clock.now() + ms;
	await flushIo(4);
	while (clock.now() < end) {
		clock.advance(Math.max(0, Math.min(clock.nextDue() ?? end, end) - clock.now()));
		await flushIo(4);
	}
}

test('no overlapping polls, the cap holds, and everything recovers once the API behaves', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 25}), async steps => {
			const clock = new VirtualClock();
			const spec = {key: 'team/eu-west-1', profile: 'team', region: 'eu-west-1', endpoints: {codepipeline: undefined, codebuild: undefined, logs: undefined}, paths: {configFile: '', credentialsFile: ''}};
			const scripted = new ScriptedApi(spec, PIPELINES);
			let state: FleetState = initialFleetState(clock.now());
			const polling = new Set<string>();
			let overlap = false;
			const shutdown = new AbortController();
			const runner = new SourceRunner({
				spec,
				readOnly: false,
				api: scripted.api(),
				clock,
				intervals: DEFAULT_INTERVALS,
				timeoutMs: DEFAULT_CALL_TIMEOUT_MS,
				staleFactor: STALE_FACTOR,
				shutdown: shutdown.signal,
				emit: (update: FleetUpdate) => {
					state = reduceFleet(state, [update]);
				},
				onTimeout: () => undefined,
				onMembership: () => undefined,
				trace: (event: TraceEvent) => {
					if (event.phase === 'start') {
						overlap ||= polling.has(event.pipeline);
						polling.add(event.pipeline);
					} else polling.delete(event.pipeline);
				},
			});
			runner.start();
			for (const current of steps) {
				if (current.kind === 'answers') scripted.script.push(...current.outcomes);
				else if (current.kind === 'advance') await advance(clock, current.ms);
				else if (current.kind === 'focus') runner.setFocus(new Set(current.names.map(index => `p${index}`)));
				else if (current.kind === 'refresh') runner.refresh(current.name === undefined ? undefined : `p${current.name}`);
				else runner.markDirty(`p${current.name}`);
				runner.sweep(clock.now());
			}
			expect(overlap).toBe(false);
			expect(scripted.maxInFlight).toBeLessThanOrEqual(DEFAULT_BUDGET.maxInFlight);

			// The API behaves from now on: within the longest backoff plus a discovery and an idle
			// cycle, the source is healthy and every pipeline has been read since.
			scripted.script = [];
			const healedAt = clock.now();
			await advance(clock, DEFAULT_INTERVALS.maxBackoff + DEFAULT_INTERVALS.discovery + DEFAULT_INTERVALS.idle + DEFAULT_CALL_TIMEOUT_MS);
			runner.sweep(clock.now());
			expect(state.sources[spec.key].health).toBe('ok');
			const entries = Object.values(state.pipelines);
			expect(entries.map(entry => entry.name).sort()).toEqual([...scripted.pipelines].sort());
			for (const entry of entries) {
				expect(entry.fetchedAt ?? 0, entry.name).toBeGreaterThan(healedAt);
				expect(entry.error, entry.name).toBeUndefined();
			}
			expect(overlap).toBe(false);

			runner.stop();
			shutdown.abort();
			await flushIo(4);
			expect(clock.pending()).toBe(0);
		}),
		{numRuns: 40, seed: 424242},
	);
});
