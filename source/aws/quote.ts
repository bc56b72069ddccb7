/**
 * Quoting what a user wrote back to them, safely: one line, cut short, so a 2 MB line cannot
 * become a 2 MB error message and a value pasted into the wrong place cannot fill a screen.
 */

/** At most this many characters of quoted text in any message. */
const QUOTE_MAX = 60;

/** The text on one line, cut to `max` characters with an ellipsis (and its full length) when longer. */
export function shortQuote(text: string, max = QUOTE_MAX): string {
	const line = text.replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	return `${line.slice(0, max - 1)}… (${line.length} characters)`;
}

/**
 * The setting name a malformed ini line starts with, when it starts with something that looks like
 * one and something follows it (`aws_secret_access_key: ...` gives `aws_secret_access_key`); what follows is never
 * returned, since in a credentials file it is most likely a secret.
 */
export function settingName(line: string): string | undefined {
	// Settings are lowercase snake_case; a word alone on its line, or in mixed case, may be the secret itself.
	return /^\s*([a-z][a-z0-9_.-]{0,63})(?=\s*[\s:=]\s*\S)/.exec(line)?.[1];
}
