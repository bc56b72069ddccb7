/**
 * botocore's CodePipeline model, read from the copy installed on this machine, so that tests can
 * hold every error the embedded service answers to the list the model gives for the operation.
 * undefined where botocore is not installed (tests then say they are skipped).
 */

import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';

type Model = {operations: Record<string, {errors?: Array<{shape: string}>}>; shapes: Record<string, unknown>};

function load(): Model | undefined {
	try {
		const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
		const base = join(dir, 'data', 'codepipeline', '2015-07-09');
		for (const [name, read] of [['service-2.json.gz', (path: string) => gunzipSync(readFileSync(path)).toString('utf8')], ['service-2.json', (path: string) => readFileSync(path, 'utf8')]] as const) {
			try {
				return JSON.parse(read(join(base, name))) as Model;
			} catch {
				// Try the other file name.
			}
		}
	} catch {
		// No python3 or no botocore.
	}
	return undefined;
}

export const MODEL = load();

/** The errors the model lists for an operation. */
export function modelledErrors(operation: string): string[] {
	const entry = MODEL?.operations[operation];
	if (!entry) throw new Error(`the model has no operation ${operation}`);
	return (entry.errors ?? []).map(error => error.shape);
}
