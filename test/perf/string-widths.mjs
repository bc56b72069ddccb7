/**
 * Prints, as JSON, string-width's answer for every BMP code unit alone and beside neighbours
 * that join or do not (a mark, a variation selector, a joiner, itself, symbols), using the
 * string-width at the path given: test/perf/patched-output.test.ts compares the installed
 * (patched) one with the published one.
 *
 *   node test/perf/string-widths.mjs PATH/TO/string-width/index.js
 */
import {pathToFileURL} from 'node:url';

const {default: stringWidth} = await import(pathToFileURL(process.argv[2]).href);
const widths = [];
for (let codeUnit = 0; codeUnit < 0x1_00_00; codeUnit++) {
	const x = String.fromCharCode(codeUnit);
	for (const text of [x, `a${x}a`, x + x, `${x}\u0301`, `${x}\uFE0F\u200D${x}`, `\u2713${x}\u203A\u1160`]) widths.push(stringWidth(text));
}
process.stdout.write(JSON.stringify(widths));
