/**
 * Up and down at the `:` prompt walk the commands run this session, newest first; down past the
 * newest gives an empty prompt again, as a shell does.
 */
export function recallCommand(history: readonly string[], index: number | undefined, older: 1 | -1): {text: string; index?: number} {
	if (history.length === 0) return {text: ''};
	const next = Math.min(history.length - 1, (index ?? -1) + older);
	if (next < 0) return {text: ''};
	return {text: history[history.length - 1 - next], index: next};
}
