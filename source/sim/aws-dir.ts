/**
 * Writes an AWS config directory for the embedded service: `config` and `credentials` in the
 * format the AWS CLI and SDKs read, one profile per simulated account, so that anything pointed
 * at them with AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE talks to the sim.
 */

import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {SimAccount} from './contract.js';

export type AwsDirFiles = {configFile: string; credentialsFile: string};

/** Anything that would break the ini layout (brackets, line breaks, '=' and ';' in names) is refused. */
function checkIniSafe(what: string, value: string): void {
	if (!/^[A-Za-z0-9_.@+\-/:]+$/.test(value)) throw new Error(`cannot write ${what} ${JSON.stringify(value)} to an AWS config file`);
}

function configSection(profile: string): string {
	return profile === 'default' ? '[default]' : `[profile ${profile}]`;
}

/**
 * Writes DIR/config and DIR/credentials (mode 0600, the directory 0700). The config carries
 * `endpoint_url`, honoured by the AWS SDK for JavaScript v3, by botocore >= 1.31 and so by the
 * AWS CLI v1 installed here (checked by test/sim/http/aws-dir.test.ts); older tools need
 * `--endpoint-url` instead.
 */
export async function writeAwsDir(dir: string, accounts: SimAccount[], endpointUrl: string): Promise<AwsDirFiles> {
	const header = `# Written by pipetop sim for the embedded service at ${endpointUrl}.\n# These keys are made up and only work against that service.\n`;
	const config: string[] = [header];
	const credentials: string[] = [header];
	for (const account of accounts) {
		checkIniSafe('profile name', account.profile);
		checkIniSafe('region', account.regions[0] ?? '');
		checkIniSafe('access key id', account.accessKeyId);
		checkIniSafe('secret access key', account.secretAccessKey);
		config.push(`${configSection(account.profile)}\nregion = ${account.regions[0]}\noutput = json\nendpoint_url = ${endpointUrl}\n`);
		credentials.push(`[${account.profile}]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n`);
	}
	await mkdir(dir, {recursive: true, mode: 0o700});
	const configFile = join(dir, 'config');
	const credentialsFile = join(dir, 'credentials');
	await writePrivate(configFile, config.join('\n'));
	await writePrivate(credentialsFile, credentials.join('\n'));
	return {configFile, credentialsFile};
}

/** The mode given to writeFile applies only when it creates the file; chmod covers an old one. */
async function writePrivate(path: string, text: string): Promise<void> {
	await writeFile(path, text, {mode: 0o600});
	await chmod(path, 0o600);
}
