/**
 * The text prompt (filter, command, search): it takes every key while open. The filter applies
 * as it is typed; Enter keeps it and Esc puts back the one before.
 */
import {useApp} from 'ink';
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import {topOf} from '../model/ui-store.js';
import type {BindingWord} from '../model/prompt-command.js';
import {runPromptCommand} from './run-prompt-command.js';
import {completePrompt, describeCandidates} from '../model/prompt-complete.js';
import {recallCommand} from '../model/prompt-history.js';
import {fleetScrollKeepingSelection} from '../model/fleet-cursor.js';
import {runShellCommand} from './shell-keys.js';
import {useServices} from './services.js';

export function usePromptKeys(): void {
	const services = useServices();
	const {ui, store, keymap} = services;
	const {exit} = useApp();
	const runBinding = (command: BindingWord) => {
		const spec = keymap.specs.find(each => each.command === command);
		if (spec) runShellCommand(spec, services, () => exit());
	};
	useKeyLayer(
		KeyPriority.prompt,
		event => {
			const prompt = ui.getState().prompt;
			if (!prompt) return false;
			// The prompt's own bindings (the keymap's `prompt` scope); every other key types.
			const command = event.name === undefined ? undefined : keymap.commandFor(event.name, 'prompt')?.command;
			// The filter changes as it is typed: the selected pipeline stays selected while it is shown.
			const kept = fleetScrollKeepingSelection(ui.getState(), store.getState());
			const edit = (text: string, hint?: string) => {
				ui.dispatch({type: 'editPrompt', text, hint});
				if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: kept});
			};
			switch (command) {
				case 'promptCancel':
					ui.dispatch({type: 'closePrompt', restore: true});
					if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: kept});
					return true;
				case 'promptAccept': {
					const text = prompt.text.trim();
					ui.dispatch({type: 'closePrompt'});
					if (prompt.mode === 'command' && text) ui.dispatch({type: 'rememberCommand', text});
					if (prompt.mode === 'command' && text) runPromptCommand(text, store.getState(), ui, {now: services.now, runBinding});
					if (prompt.mode === 'search') {
						const top = topOf(ui.getState());
						if (top.kind === 'logs' || top.kind === 'definition' || top.kind === 'cause') ui.dispatch({type: 'update', patch: {search: text || undefined}});
					}
					if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: kept});
					return true;
				}
				case 'promptComplete': {
					if (prompt.mode !== 'command') return true;
					const completion = completePrompt(prompt.text, store.getState());
					edit(completion.text, describeCandidates(completion.candidates));
					return true;
				}
				case 'promptHistoryBack':
				case 'promptHistoryForward': {
					if (prompt.mode !== 'command') return true;
					const recalled = recallCommand(ui.getState().promptHistory, prompt.historyIndex, command === 'promptHistoryBack' ? 1 : -1);
					ui.dispatch({type: 'editPrompt', text: recalled.text, historyIndex: recalled.index});
					return true;
				}
				case 'promptErase':
					if (prompt.text === '') {
						ui.dispatch({type: 'closePrompt', restore: true});
						if (prompt.mode === 'filter') ui.dispatch({type: 'update', patch: kept});
					} else edit([...prompt.text].slice(0, -1).join(''));
					return true;
				case 'promptClear':
					edit('');
					return true;
				case 'promptEraseWord':
					edit(prompt.text.replace(/\S+\s*$/, ''));
					return true;
				default:
					break;
			}
			// Printable text (a paste arrives whole); control and alt combinations are ignored.
			if (!event.key.ctrl && !event.key.meta && event.input && !/[\u0000-\u001F\u007F]/.test(event.input)) {
				edit(prompt.text + event.input);
			}
			return true;
		},
	);
}
