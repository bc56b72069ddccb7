/**
 * Each benchmark is a module with `run(options)` returning its result, runnable alone:
 *   node bench/cold-start.js [--out FILE] [--quick]
 * prints the result as JSON (or writes it to FILE). bench/run.js runs each in a process of its
 * own, so that one benchmark's heap, sockets and JIT state never colour the next one's figures.
 */
import {writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';

export function isMain(meta) {
	return process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === meta.url;
}

/** Progress on stderr (stdout is the result when run alone). */
export function log(name, message) {
	process.stderr.write(`[${name}] ${message}\n`);
}

/** Runs `run` when the module is the entry point; exits when done so no stray socket holds the process. */
export async function runIfMain(meta, run) {
	if (!isMain(meta)) return;
	// --console-only: idle.js measures the console alone (the A side of run.js's A/B).
	const {values} = parseArgs({options: {out: {type: 'string'}, quick: {type: 'boolean', default: false}, 'console-only': {type: 'boolean', default: false}}, strict: true});
	try {
		const result = await run({quick: values.quick, consoleOnly: values['console-only']});
		const text = `${JSON.stringify(result, null, 2)}\n`;
		if (values.out) await writeFile(values.out, text);
		else process.stdout.write(text);
		process.exit(0);
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	}
}

/** A goal line for the report: what, the target, the measured value, and whether it was met. */
export function goal(what, target, value, met, unit = '') {
	return {what, target, value, unit, met: value === undefined || value === null ? false : met};
}
