/** The markdown tables of bench/README.md, from a results document (bench/results/latest.json). */

const TITLES = {
	'cold-start': '1. Cold start',
	'steady-state': '2. Steady state',
	render: '3. Rendering',
	idle: '4. Idle cost',
	startup: '5. Start-up',
	'vs-cli': '6. vs the AWS CLI',
	'large-fleet': '7. Large fleet',
	feed: '8. Change feed',
};

const cell = value => (value === undefined || value === null ? '-' : String(value).replaceAll('|', '\\|'));

/** The figures worth a line in the README, per benchmark: [label, value]. */
function keyFigures(result) {
	const f = result.figures ?? {};
	switch (result.name) {
		case 'cold-start':
			return [
				['every state in the store', `${f.statesSeconds} s (floor ${f.statesFloorSeconds} s, ${f.statesVsFloor}x)`],
				['every row complete', `${f.loadedSeconds} s (floor ${f.loadedFloorSeconds} s, ${f.loadedVsFloor}x)`],
				['calls (needed)', `${f.calls} (${f.callsNeeded})`],
				['throttled', `${f.throttled} (${(f.throttledShare * 100).toFixed(2)}%)`],
				['budget rate / ceiling at the end (limit 10/s)', `${f.budgetRateMedian} / ${f.budgetCeilingMedian} calls/s`],
			];
		case 'steady-state': {
			const p = f.pipetop ?? {};
			const n = f.naive ?? {};
			return [
				['calls/min pipetop vs naive 5 s polling', `${p.callsPerMinute} vs ${n.callsPerMinute} (${f.naiveCallsVsPipetop}x fewer)`],
				['throttled: pipetop / naive', `${p.throttled} / ${n.throttled} (${((n.throttledShare ?? 0) * 100).toFixed(0)}% of naive's calls)`],
				['first load in virtual time: every state / every row (floor)', `${p.firstLoad?.statesSeconds} s (${p.firstLoad?.statesFloorSeconds} s) / ${p.firstLoad?.completeSeconds} s (${p.firstLoad?.completeFloorSeconds} s), ${p.firstLoad?.throttled} of ${p.firstLoad?.calls} calls throttled`],
				['running share measured', `${((p.runningShare ?? 0) * 100).toFixed(1)}%`],
				['data age p50/p95, running as shown', `${p.ageSeconds?.shownRunning.p50} / ${p.ageSeconds?.shownRunning.p95} s`],
				['data age p50/p95, running in truth', `${p.ageSeconds?.truthRunning.p50} / ${p.ageSeconds?.truthRunning.p95} s (naive: ${n.ageSeconds?.truthRunning.p50} / ${n.ageSeconds?.truthRunning.p95} s)`],
				['data age p50/p95, idle', `${p.ageSeconds?.idle.p50} / ${p.ageSeconds?.idle.p95} s (naive: ${n.ageSeconds?.idle.p50} / ${n.ageSeconds?.idle.p95} s)`],
				['a start shown after, p50/p95', `${p.startShownAfterSeconds?.p50} / ${p.startShownAfterSeconds?.p95} s (${p.startShownAfterSeconds?.starts} starts)`],
			];
		}
		case 'render':
			return [
				['fleet frame from scratch p50/p99', `${f.fleetFrameMs?.p50} / ${f.fleetFrameMs?.p99} ms`],
				['pipeline frame from scratch p50/p99', `${f.pipelineFrameMs?.p50} / ${f.pipelineFrameMs?.p99} ms`],
				['CPU time of a frame p50/p99, fleet / pipeline (what a busy machine does not inflate)', `${f.fleetFrameMs?.cpuP50} / ${f.fleetFrameMs?.cpuP99 ?? '-'} ms; ${f.pipelineFrameMs?.cpuP50} / ${f.pipelineFrameMs?.cpuP99 ?? '-'} ms`],
				...(f.development ? [["the same with React's development build, fleet / pipeline p50", `${f.development.fleetFrameMs?.p50} / ${f.development.pipelineFrameMs?.p50} ms`]] : []),
				['live: store update to frame p50/p99', `${f.liveUpdateToFrameMs?.p50} / ${f.liveUpdateToFrameMs?.p99} ms`],
				['live: key press to terminal write p50/p99 (the first press after start)', `${f.keyToWriteMs?.p50} / ${f.keyToWriteMs?.p99} ms (${f.firstKeyToWriteMs} ms)`],
				['frames (Ink renders) per store update, idle-poll pace / burst', `${f.idlePollPace?.rendersPerUpdate} / ${f.burst?.rendersPerUpdate}`],
				['terminal writes per store update, idle-poll pace / burst', `${f.idlePollPace?.writesPerUpdate} / ${f.burst?.writesPerUpdate}`],
			];
		case 'idle': {
			const c = f.console ?? {};
			const m = f.memory ?? {};
			return [
				['console CPU at idle', `${c.cpuSecondsPerMinute} CPU s/min (${((c.cpuShareOfCore ?? 0) * 100).toFixed(1)}% of a core), ${c.callsPerMinute} calls/min`],
				['console resident memory', `${c.rssMb} MB (peak ${c.peakRssMb} MB)`],
				['heap after GC, first / last sample', `${m.samples?.[1]?.heapMb} MB @ ${m.samples?.[1]?.polls} polls / ${m.samples?.at(-1)?.heapMb} MB @ ${m.samples?.at(-1)?.polls} polls`],
				['engine CPU per poll', `${m.cpuMsPerPoll} ms`],
				['one store write (fetchedAt only) p50/p99', `${m.storeWriteMicroseconds?.p50} / ${m.storeWriteMicroseconds?.p99} µs`],
			];
		}
		case 'startup':
			return [
				['pipetop --version, median (min-max)', `${f.versionMs?.p50} ms (${Math.min(...(f.versionMs?.runs ?? []))}-${f.versionMs?.max})`],
				['pipetop --demo to first fleet frame, median (min-max)', `${f.demoFirstFrameMs?.p50} ms (${Math.min(...(f.demoFirstFrameMs?.runs ?? []))}-${f.demoFirstFrameMs?.max})`],
			];
		case 'vs-cli':
			return [
				['pipetop status --json, median', `${f.pipetop?.medianSeconds} s, ${f.pipetop?.calls} calls`],
				['AWS CLI loop', f.cli ? `${f.cli.seconds} s, ${f.cli.calls} calls (${f.cliTimeVsPipetop}x pipetop's time)` : 'skipped'],
			];
		case 'large-fleet':
			return [
				['pipelines in the store; heap limit (the launcher\'s)', `${result.setup?.pipelines}; ${f.heapLimitMb} MB`],
				['fleet / pipeline frame from scratch p50/p99', `${f.fleetFrameMs?.p50} / ${f.fleetFrameMs?.p99} ms; ${f.pipelineFrameMs?.p50} / ${f.pipelineFrameMs?.p99} ms`],
				['key press to terminal write p50/p99 (missing)', `${f.keyToWriteMs?.p50} / ${f.keyToWriteMs?.p99} ms (${f.framesMissing})`],
				['heap after GC; resident memory', `${f.heapAfterGcMb} MB (${f.liveKbPerPipeline} KB a pipeline); ${f.rssMb} MB`],
			];
		case 'feed': {
			const perMinute = rest => `${rest?.callsPerMinute} calls/min (${Object.entries(rest?.callsPerMinuteByOperation ?? {}).filter(([, count]) => count > 0).map(([operation, count]) => `${operation} ${count}`).join(', ')})`;
			return [
				['at rest, safety net 10 min', perMinute(f.rest)],
				['at rest, safety net 60 min', perMinute(f.restLong)],
				['~5% running: calls/min; a start shown after its event p50/p95', `${f.running?.callsPerMinute}; ${f.running?.startShownAfterSeconds?.p50} / ${f.running?.startShownAfterSeconds?.p95} s (${f.running?.startShownAfterSeconds?.starts} starts, ${f.running?.startShownAfterSeconds?.unseen} unseen)`],
				['~5% running: data age p50/p95, running in truth / idle', `${f.running?.ageSeconds?.truthRunning.p50} / ${f.running?.ageSeconds?.truthRunning.p95} s; ${f.running?.ageSeconds?.idle.p50} / ${f.running?.ageSeconds?.idle.p95} s`],
				['console at idle with the feed (real time)', `${f.console?.cpuSecondsPerMinute} CPU s/min (${((f.console?.cpuShareOfCore ?? 0) * 100).toFixed(2)}% of a core) over ${f.console?.windowSeconds ?? 60} s, ${f.console?.callsPerMinute} calls/min, ${f.console?.rssMb} MB`],
				...(f.console?.first ? [['  its first minute after the load', `${f.console.first.cpuSecondsPerMinute} CPU s/min (${(f.console.first.cpuShareOfCore * 100).toFixed(2)}% of a core), ${f.console.first.callsPerMinute} calls/min`]] : []),
			];
		}
		default:
			return [];
	}
}

export function goalsTable(results) {
	const lines = ['| benchmark | goal | target | measured | met |', '| --- | --- | --- | --- | --- |'];
	for (const result of results) {
		if (result.error) {
			lines.push(`| ${TITLES[result.name] ?? result.name} | (failed to run) | - | ${cell(result.error.split('\n')[0])} | no |`);
			continue;
		}
		for (const goal of result.goals ?? []) lines.push(`| ${TITLES[result.name]} | ${cell(goal.what)} | ${cell(goal.target)} | ${cell(goal.value)}${goal.unit ? ` ${goal.unit}` : ''} | ${goal.met ? 'yes' : '**no**'} |`);
	}
	return lines.join('\n');
}

export function figuresTable(results) {
	const lines = ['| benchmark | figure | measured |', '| --- | --- | --- |'];
	for (const result of results) {
		if (result.error) continue;
		for (const [label, value] of keyFigures(result)) lines.push(`| ${TITLES[result.name]} | ${cell(label)} | ${cell(value)} |`);
		lines.push(`| ${TITLES[result.name]} | time this benchmark took | ${result.wallSeconds} s |`);
	}
	return lines.join('\n');
}

/** This build against the previous one, run alternately in the same run (bench/lib/ab.js). */
export function abTable(results) {
	const lines = ['| benchmark | figure (median of rounds) | previous build | this build | ratio |', '| --- | --- | --- | --- | --- |'];
	for (const result of results) {
		if (!result.ab) continue;
		for (const row of result.ab.figures) lines.push(`| ${TITLES[result.name]} | ${cell(row.what)} | ${cell(row.previous)} | ${cell(row.current)} | ${cell(row.ratio)}x |`);
	}
	return lines.length > 2 ? lines.join('\n') : '';
}

/** The README section between the results markers. */
export function resultsSection(document) {
	const {machine, noise} = document;
	return [
		`Measured ${document.date} on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}, commit ${machine.commit ?? 'unknown'}; the whole run took ${document.totalSeconds} s${document.quick ? ' (--quick: smaller fleets, not the figures the goals are about)' : ''}.`,
		`Noise: load average ${noise.before.loadAverage1m} before and ${noise.after.loadAverage1m} after; a fixed 4 MB hash took ${noise.before.probeMedianMs} / ${noise.after.probeMedianMs} ms (p90/min spread ${noise.before.probeSpread} / ${noise.after.probeSpread}, wall/CPU ${noise.before.wallOverCpu} / ${noise.after.wallOverCpu}; 1.0 = never waited for a core).`,
		'',
		goalsTable(document.results),
		'',
		figuresTable(document.results),
		...(abTable(document.results) ? ['', 'A/B against the previous build (the dependencies as published, the launcher without heap limits), alternating in the run that measured each benchmark:', '', abTable(document.results)] : []),
	].join('\n');
}
