/**
 * 8. The change feed on (docs/events.md): the steady-state fleet (2,000 pipelines, 10 calls/s
 * per source) with CodePipeline's events reaching one SQS queue that pipetop reads.
 * A. Virtual time, the fleet at rest (no execution starts): calls per minute once loaded, with
 *    the default safety net (an idle pipeline read every 10 minutes, or less often to keep within
 *    40 reads a minute: every 53 minutes at this size) and with a one-hour one, no silence limit
 *    (a fleet with no event for an hour would otherwise be polled as usual).
 * B. Virtual time, ~5% running (as steady-state.js, same measures): how long after its event
 *    (the execution's start: events are delivered at once here) the store shows a start, and the
 *    data age of pipelines running in truth.
 * C. Real time: the console as a whole process at idle, as idle.js's part A, with --events, over
 *    five minutes (its first minute, which the load's after-effects fall in, also on its own).
 */
import {consoleAtIdle} from './idle.js';
import {load} from './lib/dist.js';
import {goal, log, runIfMain} from './lib/main.js';
import {fleetSize} from './lib/scenario.js';
import {round} from './lib/stats.js';
import {measurePipetop} from './steady-state.js';

const {DEFAULT_SAFETY_NET_CALLS_PER_MINUTE, DEFAULT_SAFETY_NET_MS, safetyNetPeriod, TAG_PERIODS_PER_READ} = await load('engine/feed/safety-net.js');

const NAME = 'feed';
const LONG_SAFETY_NET_MS = 3_600_000;

/** Ages sampled every 10 virtual seconds at rest (every second over hours is only slower). */
const REST_SAMPLE_SECONDS = 10;

/**
 * Calls per minute at rest, by operation, with this safety net (its floor: its call budget
 * stretches it for a big fleet, safety-net.ts). Measured once the start is behind it: one
 * safety-net period after the first load (every pipeline's first tags are read in it), then over
 * one tag period (six safety-net periods), so every kind of read counts at its steady rate.
 */
async function atRest(fleetOptions, safetyNetMs) {
	const periodMs = safetyNetPeriod(safetyNetMs, DEFAULT_SAFETY_NET_CALLS_PER_MINUTE, fleetSize(fleetOptions).pipelines);
	const seconds = (TAG_PERIODS_PER_READ * periodMs) / 1000;
	// No silence limit: a fleet with no change at all for an hour (the default limit) would be taken
	// as a silent feed and polled as usual; a real fleet this size is rarely that quiet.
	const measured = await measurePipetop(fleetOptions, seconds, {feed: {safetyNetMs, silenceMs: 0}, runningShare: 0, warmUpMs: periodMs, sampleEverySeconds: REST_SAMPLE_SECONDS});
	log(NAME, `at rest, safety net ${safetyNetMs / 60_000} min (${periodMs / 60_000} min at this size): ${measured.callsPerMinute} calls/min (${JSON.stringify(measured.callsPerMinuteByOperation)})`);
	return {safetyNetSeconds: safetyNetMs / 1000, periodSeconds: periodMs / 1000, measuredSeconds: seconds, callsPerMinute: measured.callsPerMinute, callsPerMinuteByOperation: measured.callsPerMinuteByOperation, throttled: measured.throttled, idleAgeSeconds: measured.ageSeconds.idle};
}

export async function run({quick = false} = {}) {
	const fleetOptions = quick ? {accounts: 2, regions: 2, perSource: 40} : {accounts: 4, regions: 5, perSource: 100};
	const rest = await atRest(fleetOptions, DEFAULT_SAFETY_NET_MS);
	const restLong = await atRest(fleetOptions, LONG_SAFETY_NET_MS);
	const busy = await measurePipetop(fleetOptions, quick ? 120 : 600, {feed: {}});
	log(NAME, `running: start shown p95 ${busy.startShownAfterSeconds.p95} s, truth-running age p95 ${busy.ageSeconds.truthRunning.p95} s, ${busy.callsPerMinute} calls/min`);
	// PIPETOP_BENCH_FEED_NO_CONSOLE=1: parts A and B only (virtual time: the console's part C is real time and wants a quiet machine).
	// Five minutes: a console stays open for hours, and its first minute after the load carries the
	// load's after-effects (V8 compacting the load's garbage, the first tag reads), reported apart.
	const idle = process.env.PIPETOP_BENCH_FEED_NO_CONSOLE === '1' ? undefined : await consoleAtIdle(fleetOptions, quick ? 30 : 300, {events: true, firstSeconds: quick ? 15 : 60});
	if (idle) log(NAME, `console with the feed: ${idle.cpuSecondsPerMinute} CPU s/min over ${idle.windowSeconds} s (first ${idle.first?.seconds} s: ${idle.first?.cpuSecondsPerMinute}), ${idle.callsPerMinute} calls/min`);
	return {
		name: NAME,
		clock: 'virtual (A, B), real (C)',
		setup: {...fleetOptions, pipelines: fleetSize(fleetOptions).pipelines, rateLimit: {perSecond: 10, burst: 10}, queue: 'one, in the first account and region, fed from every account and region'},
		figures: {rest, restLong, running: busy, console: idle},
		goals: [
			goal('calls per minute at rest (default safety net: 10 minutes, 40 calls a minute)', '<= 60', rest.callsPerMinute, rest.callsPerMinute <= 60, '/min'),
			goal('calls per minute at rest, safetyNetSeconds 3600', '<= 60', restLong.callsPerMinute, restLong.callsPerMinute <= 60, '/min'),
			goal('an execution\'s start shown after its event, p95', '<= 2 s', busy.startShownAfterSeconds.p95, busy.startShownAfterSeconds.p95 <= 2, 's'),
			goal('data age p95, running in truth', '<= 5 s', busy.ageSeconds.truthRunning.p95, busy.ageSeconds.truthRunning.p95 <= 5, 's'),
			goal('CPU of the idle console with the feed (5 minutes)', '< 1% of a core', idle && round(idle.cpuShareOfCore * 100, 2), idle !== undefined && idle.cpuShareOfCore < 0.01, '%'),
		],
	};
}

await runIfMain(import.meta, run);
