/**
 * How often an idle pipeline is read while the change feed is healthy (the safety net), and its
 * tags. The configured period (default 10 minutes) is a floor; the safety net also has a call
 * budget, so a big fleet stretches the period instead of spending more calls: at 40 reads a
 * minute, 380 pipelines keep 10 minutes and 2,000 are read every 53 (docs/events.md, "Costs").
 * Whatever the period, the safety net is not what finds most changes: events do, and what no
 * event carries has its own way (a definition edit shows in the listing's version, a run or an
 * approval is read at the active cadence); a transition enabled or disabled waits for it.
 */

export const DEFAULT_SAFETY_NET_MS = 600_000;
/** GetPipelineState calls a minute the safety net spends on average, at most (config `safetyNetCallsPerMinute`). */
export const DEFAULT_SAFETY_NET_CALLS_PER_MINUTE = 40;
/**
 * Tags change rarely and no event carries them: while the feed is healthy a pipeline's tags are
 * read once every this many safety-net periods (an hour at 10 minutes), not with every listing.
 */
export const TAG_PERIODS_PER_READ = 6;

/** Reads come a little early (the jitter: up to a tenth of the period, a twentieth on average): the budget allows for it. */
const MEAN_EARLY_SHARE = 0.05;

/** The safety net's period for a fleet of this many pipelines: the floor, or longer to keep within the budget. */
export function safetyNetPeriod(floorMs: number, callsPerMinute: number, pipelines: number): number {
	const budgeted = Math.ceil((pipelines / callsPerMinute / (1 - MEAN_EARLY_SHARE)) * 60) * 1000;
	return Math.max(floorMs, budgeted);
}
