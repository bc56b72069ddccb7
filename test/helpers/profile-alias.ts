/**
 * A second profile for an account the service already wrote one for: the same keys under
 * another name, as an SSO user's admin and read-only roles of one account are.
 */
import {appendFile, readFile} from 'node:fs/promises';
import type {AwsDirFiles} from '../../source/sim/aws-dir.js';

function section(text: string, header: string): string {
	const start = text.indexOf(`${header}\n`);
	if (start === -1) throw new Error(`no ${header} section`);
	const end = text.indexOf('\n[', start + header.length);
	return text.slice(start + header.length + 1, end === -1 ? undefined : end + 1);
}

export async function addProfileAlias(files: AwsDirFiles, profile: string, alias: string): Promise<void> {
	const config = await readFile(files.configFile, 'utf8');
	const credentials = await readFile(files.credentialsFile, 'utf8');
	await appendFile(files.configFile, `\n[profile ${alias}]\n${section(config, `[profile ${profile}]`)}`);
	await appendFile(files.credentialsFile, `\n[${alias}]\n${section(credentials, `[${profile}]`)}`);
}
