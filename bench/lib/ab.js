/**
 * The A/B of bench/run.js: which benchmarks run on the previous build too, how many rounds,
 * which round stands for this build, and the figures compared (median of each side's rounds,
 * and this build's over the previous one's: below 1 is faster or smaller).
 */
import {median, round} from './stats.js';

export const AB = {
	render: {
		rounds: 2,
		representative: result => result.figures.fleetFrameMs.p99,
		figures: {
			'fleet frame from scratch p50 (ms)': f => f.fleetFrameMs.p50,
			'fleet frame from scratch p99 (ms)': f => f.fleetFrameMs.p99,
			'fleet frame CPU p50 (ms)': f => f.fleetFrameMs.cpuP50,
			'fleet frame CPU p99 (ms)': f => f.fleetFrameMs.cpuP99,
			'pipeline frame from scratch p50 (ms)': f => f.pipelineFrameMs.p50,
			'pipeline frame from scratch p99 (ms)': f => f.pipelineFrameMs.p99,
			'pipeline frame CPU p50 (ms)': f => f.pipelineFrameMs.cpuP50,
			'pipeline frame CPU p99 (ms)': f => f.pipelineFrameMs.cpuP99,
			'live: store update to frame p99 (ms)': f => f.liveUpdateToFrameMs.p99,
			'live: key press to terminal write p50 (ms)': f => f.keyToWriteMs.p50,
			'live: key press to terminal write p99 (ms)': f => f.keyToWriteMs.p99,
		},
	},
	// The launcher re-executes itself with the heap flags when Node 22 runs it: what that costs.
	startup: {
		rounds: 2,
		representative: result => result.figures.versionMs.p50,
		figures: {
			'pipetop --version, median (ms)': f => f.versionMs.p50,
			'pipetop --demo to first fleet frame, median (ms)': f => f.demoFirstFrameMs.p50,
		},
	},
	idle: {
		rounds: 1,
		// The previous build's engine is this one's: only the console's own cost differs.
		previousArgs: ['--console-only'],
		representative: result => result.figures.console.rssMb,
		figures: {
			'idle console resident memory (MB)': f => f.console.rssMb,
			'idle console CPU (% of a core)': f => f.console.cpuShareOfCore * 100,
		},
	},
};

/** This build's median round (by the representative figure), with `ab`: each figure on both sides. */
export function abSummary(name, previous, current) {
	const {representative, figures} = AB[name];
	const ok = current.filter(result => !result.error);
	if (ok.length === 0) return current[0];
	const sorted = [...ok].sort((a, b) => representative(a) - representative(b));
	const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
	const before = previous.filter(result => !result.error);
	const rows = Object.entries(figures).map(([what, figure]) => {
		const was = before.length > 0 ? median(before.map(result => figure(result.figures))) : undefined;
		const now = median(ok.map(result => figure(result.figures)));
		return {what, previous: round(was, 2), current: round(now, 2), ratio: was ? round(now / was, 2) : undefined};
	});
	return {...chosen, ab: {rounds: current.length, previousErrors: previous.filter(result => result.error).map(result => result.error), figures: rows}};
}
