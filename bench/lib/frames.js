/**
 * Whole frames from scratch through the console's own frame exports (source/ui/frame.tsx):
 * wall time, and CPU time too (which other work on the machine does not inflate).
 */
import {load} from './dist.js';
import {round, summary} from './stats.js';

const {renderFleetFrame, renderPipelineFrame} = await load('ui/frame.js');

function timeFrames(count, renderOnce) {
	// The first frames pay for JIT warm-up and module-level caches; a console pays that once.
	for (let index = 0; index < 5; index++) renderOnce();
	const walls = [];
	const cpus = [];
	for (let index = 0; index < count; index++) {
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		renderOnce();
		walls.push(performance.now() - started);
		const cpu = process.cpuUsage(cpuBefore);
		cpus.push((cpu.user + cpu.system) / 1000);
	}
	return {...summary(walls), cpuP50: round(summary(cpus).p50, 2), cpuP99: round(summary(cpus).p99, 2)};
}

/** Times `count` fleet frames and `count` frames of the pipeline `key`, at columns x rows. */
export function timeBothFrames(store, key, {count, columns, rows, now}) {
	return {
		fleetFrameMs: timeFrames(count, () => renderFleetFrame(store, {columns, rows, now})),
		pipelineFrameMs: timeFrames(count, () => renderPipelineFrame(store, key, {columns, rows, now})),
	};
}
