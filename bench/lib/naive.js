/**
 * What a user without pipetop would write: GetPipelineState for every pipeline every 5 s, each
 * pipeline at its own phase (so the calls of a source are spread evenly, the kindest case for a
 * rate limit), no retries, no backoff, no definitions or execution summaries. Same SDK and
 * client settings as pipetop (source/aws, one attempt per call), on the same clock.
 */
import {load} from './dist.js';

const {createSourceApi} = await load('aws/api.js');

/**
 * @param {{sources: Array<{spec: object}>, pipelines: Array<{profile: string, region: string, name: string}>, clock: object, intervalMs: number}} options
 */
export function startNaivePoller({sources, pipelines, clock, intervalMs}) {
	const counts = {calls: 0, ok: 0, throttled: 0, errors: 0};
	/** Pipeline key -> clock time of its last successful read. */
	const fetchedAt = new Map();
	let inFlight = 0;
	let idleWaiters = [];
	let stopped = false;
	const timers = [];

	// Slot k of every source is polled at the same phase: k * interval / pipelines-per-source.
	const slots = [];
	const apis = [];
	for (const {spec} of sources) {
		const api = createSourceApi(spec);
		apis.push(api);
		const mine = pipelines.filter(pipeline => pipeline.profile === spec.profile && pipeline.region === spec.region);
		mine.forEach((pipeline, index) => {
			(slots[index] ??= []).push({api, key: `${spec.profile}/${spec.region}/${pipeline.name}`, name: pipeline.name});
		});
	}

	const ended = () => {
		inFlight--;
		if (inFlight === 0) {
			const waiters = idleWaiters;
			idleWaiters = [];
			for (const resolve of waiters) resolve();
		}
	};

	const poll = async target => {
		counts.calls++;
		inFlight++;
		try {
			await target.api.getPipelineState(target.name);
			counts.ok++;
			fetchedAt.set(target.key, clock.now());
		} catch (error) {
			if (target.api.classify(error).kind === 'throttle') counts.throttled++;
			else counts.errors++;
		} finally {
			ended();
		}
	};

	slots.forEach((targets, index) => {
		const fire = () => {
			if (stopped) return;
			for (const target of targets) void poll(target);
			timers[index] = clock.setTimer(fire, intervalMs);
		};
		timers[index] = clock.setTimer(fire, Math.floor((index * intervalMs) / slots.length));
	});

	return {
		counts,
		fetchedAt,
		inFlight: () => inFlight,
		whenIdle: () => (inFlight === 0 ? Promise.resolve() : new Promise(resolve => idleWaiters.push(resolve))),
		stop() {
			stopped = true;
			for (const timer of timers) clock.clearTimer(timer);
			for (const api of apis) api.destroy();
		},
	};
}
