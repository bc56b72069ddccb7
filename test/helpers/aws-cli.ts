/** Whether the real AWS CLI is on PATH (asked once): the tests that run it skip (and say so) where it is not. */

import {execFileSync} from 'node:child_process';

let available: boolean | undefined;

export function awsCliAvailable(): boolean {
	if (available === undefined) {
		try {
			execFileSync('aws', ['--version'], {stdio: 'ignore'});
			available = true;
		} catch {
			available = false;
		}
	}
	return available;
}
