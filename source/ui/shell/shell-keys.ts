/**
 * The shell's key layers: Ctrl-C (always quits), the guard that keeps keys from the views while
 * a dialog is open, and the commands every view shares (back, quit, help, prompts, refresh,
 * history, logs, definition, sources, open, and the operator actions that open dialogs).
 */
import {useApp} from 'ink';
import type {CommandSpec} from '../keymap.js';
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import {actionRequest} from '../model/selection.js';
import {bulkRequestFor} from '../model/bulk-request.js';
import {initialScroll, topOf} from '../model/ui-store.js';
import type {ViewEntry} from '../views/registry.js';
import {logsEntryFor} from '../model/fleet-queries.js';
import {causeEntryFor, isFailedSelection} from '../model/cause-subject.js';
import {selectionFor} from '../views/registry.js';
import {availabilityContext} from './availability.js';
import {showFleetScoped} from './run-prompt-command.js';
import {runTargetCommand} from './target-keys.js';
import {fleetScrollKeepingSelection} from '../model/fleet-cursor.js';
import {useServices, type ConsoleServices} from './services.js';

/** Runs a shared command for the view on top; false when the command is not the shell's. */
export function runShellCommand(spec: CommandSpec, services: ConsoleServices, exit: () => void): boolean {
	const {ui, store, engine, readOnly} = services;
	const uiState = ui.getState();
	const fleet = store.getState();
	const top = topOf(uiState);
	const selection = selectionFor(uiState, fleet);
	const say = (text: string, kind: 'info' | 'error' = 'info') => ui.dispatch({type: 'message', text, kind, at: services.now()});
	// With rows marked in the fleet, an operator key acts on the marks, not the row under the cursor.
	const bulk = top.kind === 'fleet' && spec.operator ? bulkRequestFor(spec.operator, uiState) : undefined;
	if (bulk) {
		if (!services.actionLayer) say(`${spec.label}: operator actions are not available here`, 'error');
		else ui.dispatch({type: 'openBulk', request: bulk});
		return true;
	}
	const reason = spec.disabled?.(availabilityContext(top.kind, selection, fleet, readOnly));
	if (reason) {
		say(`${spec.label}: ${reason}`, 'error');
		return true;
	}
	const push = (entry: ViewEntry) => ui.dispatch({type: 'push', entry});
	const key = selection.pipelineKey;
	switch (spec.command) {
		case 'quit':
		case 'forceQuit':
			exit();
			return true;
		case 'back':
			if (top.kind !== 'fleet') ui.dispatch({type: 'pop'});
			else if (uiState.marks.length > 0) {
				ui.dispatch({type: 'clearMarks'});
				say('marks cleared');
			} else if (uiState.filter || Object.values(uiState.scope).some(value => value !== undefined)) {
				const kept = fleetScrollKeepingSelection(uiState, fleet);
				ui.dispatch({type: 'setFilter', filter: ''});
				ui.dispatch({type: 'setScope', scope: {}});
				ui.dispatch({type: 'update', patch: kept});
				say('filter cleared');
			}
			return true;
		case 'help':
			if (top.kind === 'help') ui.dispatch({type: 'pop'});
			else push({kind: 'help', of: top.kind, ...initialScroll});
			return true;
		case 'filter':
			ui.dispatch({type: 'openPrompt', mode: 'filter'});
			return true;
		case 'search':
			ui.dispatch({type: 'openPrompt', mode: 'search'});
			return true;
		case 'command':
			ui.dispatch({type: 'openPrompt', mode: 'command'});
			return true;
		case 'refresh':
			engine.refresh(top.kind === 'fleet' ? undefined : key);
			if (key && top.kind === 'history') void engine.loadHistory(key).catch(() => undefined);
			if (key && top.kind === 'definition') void engine.loadDefinition(key).catch(() => undefined);
			if (key && top.kind === 'execution' && selection.executionId) {
				void engine.loadActionExecutions(key, selection.executionId, {force: true}).catch(() => undefined);
			}
			say(top.kind === 'fleet' ? 'refreshing every pipeline' : top.kind === 'sources' ? 'asking every source again now' : 'refreshing');
			return true;
		case 'open':
			if (top.kind === 'sources') {
				const source = selection.sourceKey ? fleet.sources[selection.sourceKey] : undefined;
				if (source) showFleetScoped(ui, {...uiState.scope, profile: source.profile, region: source.region}, services.now());
				return true;
			}
			if (!key) return true;
			if (top.kind === 'fleet' || top.kind === 'commit') push({kind: 'pipeline', key, ...initialScroll});
			else if (top.kind === 'pipeline' && selection.executionId) {
				const focus = selection.stageName && selection.actionName ? {stageName: selection.stageName, actionName: selection.actionName} : undefined;
				push({kind: 'execution', key, executionId: selection.executionId, focus, ...initialScroll});
			} else if (top.kind === 'history' && selection.executionId) {
				push({kind: 'execution', key, executionId: selection.executionId, ...initialScroll});
			}
			return true;
		case 'history':
			if (key) push({kind: 'history', key, ...initialScroll});
			return true;
		case 'definition':
			if (key) push({kind: 'definition', key, ...initialScroll});
			return true;
		case 'sources':
			// The same key closes it, as `?` does help.
			if (top.kind === 'sources') ui.dispatch({type: 'pop'});
			else push({kind: 'sources', ...initialScroll});
			return true;
		case 'links':
		case 'copy':
			runTargetCommand(spec.command, services);
			return true;
		case 'logs': {
			const entry = isFailedSelection(top.kind, selection, fleet) ? causeEntryFor(top.kind, selection, fleet) : logsEntryFor(top.kind, selection, fleet);
			if (entry) push(entry);
			return true;
		}
		case 'why': {
			const entry = causeEntryFor(top.kind, selection, fleet);
			if (entry) push(entry);
			else say('why: no action selected', 'error');
			return true;
		}
		default:
			break;
	}
	if (spec.operator) {
		const request = actionRequest(spec.operator, selection, fleet);
		if (!services.actionLayer) say(`${spec.label}: operator actions are not available here`, 'error');
		else if (request) ui.dispatch({type: 'openModal', request});
		return true;
	}
	return false;
}

export function useShellKeys(): void {
	const services = useServices();
	const {exit} = useApp();
	// Ctrl-C quits from anywhere, dialogs and prompts included.
	useKeyLayer(KeyPriority.global, event => {
		if (event.name !== 'ctrl+c') return false;
		exit();
		return true;
	});
	// While a dialog is open nothing under it sees a key (the dialog reads its own).
	useKeyLayer(KeyPriority.modal - 1, () => services.ui.getState().modal !== undefined || services.ui.getState().chooser !== undefined || services.ui.getState().bulk !== undefined);
	useKeyLayer(KeyPriority.shell, event => {
		if (!event.name) return false;
		const spec = services.keymap.commandFor(event.name, topOf(services.ui.getState()).kind);
		return spec ? runShellCommand(spec, services, () => exit()) : false;
	});
}
