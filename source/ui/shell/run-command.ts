/**
 * Running what was typed at the `:` prompt: scopes (:profile, :region, :failed, :approvals),
 * jumps (:pipeline NAME), :sources, :all to clear, :help, :quit. Answers go to the status line.
 */
import type {FleetState} from '../../store/types.js';
import {findPipeline, knownValues, parseCommand} from '../model/prompt-command.js';
import {describeScope, type Scope} from '../model/filter.js';
import {initialScroll, topOf, type UiStore} from '../model/ui-store.js';
import {visibleOrder} from '../model/fleet-queries.js';

/** Back to the fleet, at its top, narrowed to a scope (`:profile`, Enter on a source). */
export function showFleetScoped(ui: UiStore, scope: Scope, at: number): void {
	while (ui.getState().stack.length > 1) ui.dispatch({type: 'pop'});
	ui.dispatch({type: 'update', patch: {...initialScroll}});
	ui.dispatch({type: 'setScope', scope});
	ui.dispatch({type: 'message', text: `scope: ${describeScope(scope)}`, kind: 'info', at});
}

export function runCommandLine(text: string, state: FleetState, ui: UiStore, exit: () => void): void {
	const command = parseCommand(text);
	const at = Date.now();
	const say = (message: string, kind: 'info' | 'error' = 'info') => ui.dispatch({type: 'message', text: message, kind, at});
	const toFleet = () => {
		while (ui.getState().stack.length > 1) ui.dispatch({type: 'pop'});
		ui.dispatch({type: 'update', patch: {...initialScroll}});
	};
	const scope = ui.getState().scope;
	switch (command.kind) {
		case 'error':
			say(command.message, 'error');
			return;
		case 'quit':
			exit();
			return;
		case 'help':
			if (topOf(ui.getState()).kind !== 'help') ui.dispatch({type: 'push', entry: {kind: 'help', of: topOf(ui.getState()).kind, ...initialScroll}});
			return;
		case 'sources':
			if (topOf(ui.getState()).kind !== 'sources') ui.dispatch({type: 'push', entry: {kind: 'sources', ...initialScroll}});
			return;
		case 'all':
			ui.dispatch({type: 'setScope', scope: {}});
			ui.dispatch({type: 'setFilter', filter: ''});
			toFleet();
			say('showing every pipeline');
			return;
		case 'profile':
		case 'region': {
			const field = command.kind;
			if (command.name === undefined) {
				ui.dispatch({type: 'setScope', scope: {...scope, [field]: undefined}});
				say(`every ${field}`);
				toFleet();
				return;
			}
			const known = knownValues(state, field);
			const match = known.find(value => value === command.name) ?? known.find(value => value.toLowerCase() === command.name!.toLowerCase());
			if (!match) {
				say(`no ${field} "${command.name}" (known: ${known.join(', ') || 'none'})`, 'error');
				return;
			}
			showFleetScoped(ui, {...scope, [field]: match}, at);
			return;
		}
		case 'attention': {
			// The same command again clears it: :failed toggles.
			const attention = scope.attention === command.attention ? undefined : command.attention;
			const next = {...scope, attention};
			ui.dispatch({type: 'setScope', scope: next});
			toFleet();
			say(attention ? `scope: ${describeScope(next)}` : 'every status');
			return;
		}
		case 'pipeline': {
			// Within the current filter first, then anywhere.
			const key = findPipeline(state, command.name, visibleOrder(state, ui.getState())) ?? findPipeline(state, command.name);
			if (!key) {
				say(`no pipeline matches "${command.name}"`, 'error');
				return;
			}
			toFleet();
			const keys = visibleOrder(state, ui.getState());
			const index = keys.indexOf(key);
			if (index !== -1) ui.dispatch({type: 'update', patch: {cursor: {index, id: key}}});
			ui.dispatch({type: 'push', entry: {kind: 'pipeline', key, ...initialScroll}});
			return;
		}
	}
}
