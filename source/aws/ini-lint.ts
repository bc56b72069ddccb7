/**
 * The SDK's ini parser skips lines it cannot read without a word, so a typo ("[profile prod"
 * unclosed) would surface as "unknown profile". Say where the file is broken instead, as the AWS
 * CLI does. Lenient where the formats are: comments, blank lines, indented sub-settings.
 *
 * A malformed line is never quoted: in a credentials file the line with a typo is as likely as
 * any to hold a secret (`aws_secret_access_key: wJalr...`). The message names the file, the line
 * number and, when the line starts with one, the setting's name.
 */

import {AwsConfigError} from './config-error.js';
import {settingName} from './quote.js';

/** A section header's name is shown only when it looks like one (a profile name, `sso-session x`). */
function sectionName(line: string): string | undefined {
	const name = /^\[\s*([A-Za-z0-9 _.@+-]{1,80})/.exec(line)?.[1]?.trim();
	return name || undefined;
}

function whatIsOn(line: string): string {
	const name = settingName(line);
	return name ? `the line for "${name}"` : 'the line';
}

export function lintIni(text: string, path: string): void {
	let inSection = false;
	let index = 0;
	for (const raw of text.split(/\r?\n/)) {
		index++;
		const line = raw.split(/(^|\s)[;#]/)[0].trimEnd();
		if (line.trim() === '') continue;
		const where = `${path}:${index}`;
		if (/^\s/.test(line)) {
			if (!inSection) throw new AwsConfigError(`${where}: an indented line outside any [section]`);
			continue;
		}
		if (line.startsWith('[')) {
			if (!line.endsWith(']')) {
				const name = sectionName(line);
				throw new AwsConfigError(`${where}: section header not closed${name ? `: [${name}` : ''}`);
			}
			inSection = true;
			continue;
		}
		if (!inSection) throw new AwsConfigError(`${where}: ${whatIsOn(line)} is outside any [section] (its value is not shown)`);
		if (!line.includes('=')) throw new AwsConfigError(`${where}: ${whatIsOn(line)} is not "name = value" (its value is not shown)`);
	}
}
