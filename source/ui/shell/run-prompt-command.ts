/**
 * Running what was typed at the `:` prompt: scopes (:profile, :region, :failed, :approvals),
 * jumps (:pipeline NAME, :commit REV), :sources, :all to clear, :help, :quit. Answers go to the status line.
 */
import type {FleetState, PipelineKey} from '../../store/types.js';
import {pipelineChooser} from '../model/chooser.js';
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

/** The fleet with its cursor on the pipeline, and the pipeline's view opened over it. */
export function jumpToPipeline(ui: UiStore, state: FleetState, key: PipelineKey): void {
	while (ui.getState().stack.length > 1) ui.dispatch({type: 'pop'});
	const keys = visibleOrder(state, ui.getState());
	const index = keys.indexOf(key);
	ui.dispatch({type: 'update', patch: index === -1 ? {...initialScroll} : {cursor: {index, id: key}, offset: 0}});
	ui.dispatch({type: 'push', entry: {kind: 'pipeline', key, ...initialScroll}});
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
		case 'freeze': {
			// The marked pipelines, or else every one the fleet shows (the filter and scope apply).
			const marks = ui.getState().marks;
			const keys = marks.length > 0 ? marks : visibleOrder(state, ui.getState());
			if (keys.length === 0) say('freeze: no pipeline is shown', 'error');
			else ui.dispatch({type: 'openBulk', request: {kind: 'freeze', keys: [...keys]}});
			return;
		}
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
			// Several: the operator chooses (`orders` may be a production pipeline in another region).
			if ('candidates' in match) ui.dispatch({type: 'openChooser', chooser: pipelineChooser(command.name, match.candidates)});
			else jumpToPipeline(ui, state, match.key);
			return;
		}
	}
}
