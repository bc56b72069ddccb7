/**
 * Running what was typed at the `:` prompt: scopes (:profile, :region, :failed, :approvals),
 * jumps (:pipeline NAME, :commit REV), :sources, :all to clear, :help, :quit. Answers go to the status line.
 */
import type {FleetState} from '../../store/types.js';
import {parseRevisionQuery} from '../../store/revisions/query.js';
import {knownValues, matchPipeline, parsePromptCommand, type BindingWord} from '../model/prompt-command.js';
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

export type PromptHost = {
	/** The console's clock (status messages are stamped with it). */
	now: () => number;
	/** Runs a keymap binding exactly as its key would (`:help`, `:sources`, `:quit`). */
	runBinding(command: BindingWord): void;
};

export function runPromptCommand(text: string, state: FleetState, ui: UiStore, host: PromptHost): void {
	const command = parsePromptCommand(text);
	const at = host.now();
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
		case 'binding':
			host.runBinding(command.command);
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
		case 'commit': {
			const query = parseRevisionQuery(command.revision);
			if ('error' in query) {
				say(query.error, 'error');
				return;
			}
			ui.dispatch({type: 'push', entry: {kind: 'commit', revision: query.text, ...initialScroll}});
			return;
		}
		case 'pipeline': {
			// Within the current filter first, then anywhere.
			const match = matchPipeline(state, command.name, visibleOrder(state, ui.getState())) ?? matchPipeline(state, command.name);
			if (!match) {
				say(`no pipeline matches "${command.name}"`, 'error');
				return;
			}
			if ('candidates' in match) {
				const shown = match.candidates.slice(0, 4).join(', ');
				const more = match.candidates.length > 4 ? ` and ${match.candidates.length - 4} more` : '';
				say(`${match.candidates.length} pipelines match "${command.name}": ${shown}${more}; give more of the name, or PROFILE/REGION/NAME`, 'error');
				return;
			}
			const {key} = match;
			toFleet();
			const keys = visibleOrder(state, ui.getState());
			const index = keys.indexOf(key);
			if (index !== -1) ui.dispatch({type: 'update', patch: {cursor: {index, id: key}}});
			ui.dispatch({type: 'push', entry: {kind: 'pipeline', key, ...initialScroll}});
			return;
		}
	}
}
