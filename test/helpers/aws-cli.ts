/** Whether the real AWS CLI is on PATH: the tests that run it skip (and say so) where it is not. */

import {execFileSync} from 'node:child_process';

export function awsCliAvailable(): boolean {
	try {
		execFileSync('aws', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}
