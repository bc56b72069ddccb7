// V8 heap settings for the console, chosen by the launcher (bin/pipetop.js): V8 reads them only
// when Node starts, so the launcher passes them to the Node it hands over to.
//
// Why: with V8's defaults on a machine with gigabytes of memory the old generation may grow to
// four times what is live before a full GC (its growing factor scales with the heap limit), so
// an idle console with 2,000 pipelines (~50 MB live, ~25 KB a pipeline) sat at ~280-350 MB,
// mostly garbage from the first load. A small fixed limit would fix that, but would run a large
// fleet (20,000 pipelines: ~500 MB live) out of memory, and the fleet's size is unknown at launch.
// So the limit stays generous and the growth is made tight instead: the heap grows 20% over
// what is live after each full GC, whatever the fleet, and resident memory scales with the fleet.
// The young generation is capped too: its default semi-spaces (16 MB each, three of them in use
// at once) are resident memory a console does not need.
// Measured (bench/README.md, docs/performance.md): 2,000 pipelines idle at ~165 MB instead of
// ~280 MB, with no measurable rise in CPU.
// Written in plain JavaScript that Node 20 can still parse.
import {totalmem} from 'node:os';

const MB = 1024 * 1024;
/** How far the old generation grows past the live heap after a full GC (V8's --heap-growing-percent). */
export const GROWING_PERCENT = 20;
/** Young-generation semi-space size in MB (V8's default reaches 16). */
export const SEMI_SPACE_MB = 1;
/** The old generation's limit, there so a large fleet never runs out: 4 GB (~150,000 pipelines), at most half the machine's memory. */
export const CEILING_MB = 4096;
const MIN_CEILING_MB = 512;

const OWN_FLAGS = /--(max-old-space-size|max-semi-space-size|heap-growing-percent)\b/;

/**
 * The V8 flags to start the console with, or [] when the user gave heap flags of their own (on
 * the node command line or in NODE_OPTIONS): those win, and the launcher then has nothing to do.
 */
export function heapFlags({execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '', memoryBytes = totalmem()} = {}) {
	if (execArgv.some(flag => OWN_FLAGS.test(flag)) || OWN_FLAGS.test(nodeOptions)) return [];
	const ceiling = Math.max(MIN_CEILING_MB, Math.min(CEILING_MB, Math.floor(memoryBytes / MB / 2)));
	return [`--max-old-space-size=${ceiling}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, `--heap-growing-percent=${GROWING_PERCENT}`];
}
