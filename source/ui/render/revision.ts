/** Source revision summaries as a person wants to read them: the commit message's first line. */
import {commitMessageText} from '../../format/commit-message.js';
import {firstLine} from './text.js';

export function commitMessage(summary: string | undefined): string {
	return firstLine(commitMessageText(summary));
}
