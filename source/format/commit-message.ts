/**
 * The message in a source revision summary. CodeStar connections (GitHub, Bitbucket...) put a JSON
 * document in revisionSummary ({"ProviderType":"GitHub","CommitMessage":"..."}); CodeCommit and S3
 * give plain text. The whole message, bodies included: callers take the first line their own way.
 */
export function commitMessageText(summary: string | undefined): string {
	if (!summary) return '';
	const trimmed = summary.trim();
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as Record<string, unknown>;
			const message = parsed.CommitMessage ?? parsed.commitMessage;
			if (typeof message === 'string') return message;
		} catch {
			// Not JSON after all: show it as text.
		}
	}
	return summary;
}

/** The first line of it, for one-line output (control characters become spaces). */
export function commitHeadline(summary: string | undefined): string {
	const text = commitMessageText(summary);
	const end = text.search(/[\r\n]/);
	return (end === -1 ? text : text.slice(0, end)).replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}
