/**
 * The built app, imported from dist/ (the benchmarks measure what ships, and plain JavaScript
 * needs no compile step of its own). `npm run bench` builds first; run alone, build first.
 */
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** PIPETOP_BENCH_DIST points at another build (a scratch copy with a prototyped fix) to compare. */
export const DIST = process.env.PIPETOP_BENCH_DIST ?? join(ROOT, 'dist');

/** Imports dist/<path> (e.g. 'engine/engine.js'), with a clear message when it was not built. */
export async function load(path) {
	const file = join(DIST, path);
	if (!existsSync(file)) throw new Error(`bench: ${file} is missing; run "npm run build" first (npm run bench does)`);
	return import(pathToFileURL(file).href);
}
