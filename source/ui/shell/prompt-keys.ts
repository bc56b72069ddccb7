/**
 * The text prompt (filter, command, search): it takes every key while open. The filter applies
 * as it is typed; Enter keeps it and Esc puts back the one before.
 */
import {useApp} from 'ink';
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import {topOf} from '../model/ui-store.js';
import {runCommandLine} from './run-command.js';
import {useServices} from './services.js';

export function usePromptKeys(): void {
	const {ui, store} = useServices();
	const {exit} = useApp();
	useKeyLayer(
		KeyPriority.prompt,
		event => {
			const prompt = ui.getState().prompt;
			if (!prompt) return false;
			const edit = (text: string) => ui.dispatch({type: 'editPrompt', text});
			switch (event.name) {
				case 'esc':
					ui.dispatch({type: 'closePrompt', restore: true});
					return true;
				case 'enter': {
					const text = prompt.text.trim();
					ui.dispatch({type: 'closePrompt'});
					if (prompt.mode === 'command' && text) runCommandLine(text, store.getState(), ui, () => exit());
					if (prompt.mode === 'search') {
						const top = topOf(ui.getState());
						if (top.kind === 'logs' || top.kind === 'definition') ui.dispatch({type: 'update', patch: {search: text || undefined}});
					}
					if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: {cursor: {index: 0}, offset: 0}});
					return true;
				}
				case 'backspace':
				case 'delete':
					if (prompt.text === '') ui.dispatch({type: 'closePrompt', restore: true});
					else edit([...prompt.text].slice(0, -1).join(''));
					return true;
				case 'ctrl+u':
					edit('');
					return true;
				case 'ctrl+w':
					edit(prompt.text.replace(/\S+\s*$/, ''));
					return true;
				default:
					break;
			}
			// Printable text (a paste arrives whole); control and alt combinations are ignored.
			if (!event.key.ctrl && !event.key.meta && event.input && !/[\u0000-\u001F\u007F]/.test(event.input)) {
				edit(prompt.text + event.input);
				if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: {cursor: {index: 0}, offset: 0}});
			}
			return true;
		},
	);
}
