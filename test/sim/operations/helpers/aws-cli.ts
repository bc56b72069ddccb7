/** The real AWS CLI against a running harness, with the sim's config files and none of the user's AWS_* settings. */

import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {SimHarness} from './sim.js';

const run = promisify(execFile);

/** `aws ... --output json` for a profile, parsed; rejects (with stderr) when the CLI fails. */
export function awsCli(harness: SimHarness): (profile: string, ...args: string[]) => Promise<any> {
	return async (profile, ...args) => {
		const env: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
		Object.assign(env, {AWS_CONFIG_FILE: harness.configFile, AWS_SHARED_CREDENTIALS_FILE: harness.credentialsFile, AWS_PROFILE: profile, AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true'});
		const {stdout} = await run('aws', ['--endpoint-url', harness.sim.url, '--output', 'json', ...args], {env, timeout: 60_000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	};
}
