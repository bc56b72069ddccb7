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

/**
 * Imports dist/<path> (e.g. 'engine/engine.js'), with a clear message when it was not built.
 * A list names the same module at its path now and at earlier paths, so that a build from before
 * a file moved can still be measured against this one (PIPETOP_BENCH_DIST).
 */
export async function load(paths) {
	const candidates = (Array.isArray(paths) ? paths : [paths]).map(path => join(DIST, path));
	const file = candidates.find(candidate => existsSync(candidate));
	if (!file) throw new Error(`bench: ${candidates[0]} is missing; run "npm run build" first (npm run bench does)`);
	return import(pathToFileURL(file).href);
}
