/**
 * Prints, as JSON, what Ink's lineUpdate (the incremental renderer's rewrite of one changed
 * line) writes for a fixed set of line pairs, using the line-update.js at the path given:
 * test/perf/patched-output.test.ts compares the installed (patched) one with the published one.
 * The pairs share a prefix and then differ, with SGR codes, wide characters and characters that
 * join into one grapheme cluster (marks, joiners, variation selectors, flags, Hangul jamo,
 * Indic conjuncts, surrogate pairs) on both sides of the first difference.
 *
 *   node test/perf/line-updates.mjs PATH/TO/ink/build/line-update.js
 */
import {pathToFileURL} from 'node:url';

const {default: lineUpdate} = await import(pathToFileURL(process.argv[2]).href);

const PIECES = [
	'a', 'b', 'Z', ' ', '  ', '7', 'svc-0001', '✓', '●', '‖', '›', '─', 'é', 'e\u0301', '\u0301', '\u200D', '\uFE0F',
	'👩\u200D💻', '👍🏽', '🇩🇪', '🇫', '漢', '中文', 'ｱ', '\uFF9E', 'ᄀ', 'ᅡ', '각', 'क', '्', 'ष', 'क्ष', '\u0E33', '😀', '\uD83D',
	'\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[7m', '\u001B[0m', '\u001B[38;5;208m', '\u001B[38;2;1;2;3m',
];

// A small deterministic generator (mulberry32), so both trees see the same pairs.
let seed = 0x5eed;
const random = () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = () => PIECES[Math.floor(random() * PIECES.length)];
const text = count => Array.from({length: count}, pick).join('');

const pairs = [];
for (let index = 0; index < 20_000; index++) {
	const prefix = text(Math.floor(random() * 12));
	const previous = prefix + text(Math.floor(random() * 6));
	const next = prefix + text(Math.floor(random() * 6));
	pairs.push([previous, next]);
}
// Lines as the fleet draws them, a clock tick apart.
for (let second = 0; second < 120; second++) {
	const row = s => ` \u001B[36m●\u001B[39m prod    \u001B[2m471120983365\u001B[22m us-east-1  orders-api-prod  \u001B[32m✓✓\u001B[36m●\u001B[39m  InProgress  ${s}s  ›  commit message…`;
	pairs.push([row(second), row(second + 1)], [row(second), `${row(second)}\u0301`]);
}

const results = [];
for (const [previous, next] of pairs) for (const columns of [200, 40, 12, 3]) results.push(lineUpdate(previous, next, columns));
process.stdout.write(JSON.stringify(results));
