/**
 * Source revision summaries as a person wants to read them. CodeStar connections (GitHub,
 * Bitbucket...) put a JSON document in revisionSummary ({"ProviderType":"GitHub",
 * "CommitMessage":"..."}); CodeCommit and S3 give plain text.
 */
import {firstLine} from './text.js';

export function commitMessage(summary: string | undefined): string {
	if (!summary) return '';
	const trimmed = summary.trim();
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as Record<string, unknown>;
			const message = parsed.CommitMessage ?? parsed.commitMessage;
			if (typeof message === 'string') return firstLine(message);
		} catch {
			// Not JSON after all: show it as text.
		}
	}
	return firstLine(summary);
}
