/**
 * Whether a command applies now, and why not: the keymap's own checks plus, for operator
 * commands, the action layer's `disabledReason` (read-only, nothing to approve...).
 */
import {disabledReason, readOnlyReason} from '../../actions/availability.js';
import type {OperatorCommand} from '../../actions/types.js';
import type {FleetState, PipelineKey} from '../../store/types.js';
import {bulkRequestFor} from '../model/bulk-request.js';
import type {AvailabilityContext} from '../keymap.js';
import {actionRequest, type Selection} from '../model/selection.js';
import type {ViewKind} from '../views/registry.js';

export function availabilityContext(
	view: ViewKind,
	selection: Selection,
	state: FleetState,
	readOnly: (profile: string) => boolean,
	/** The fleet's marks: with some, a bulk action applies (its pre-flight table says why per target). */
	marks: readonly PipelineKey[] = [],
): AvailabilityContext {
	return {
		view,
		selection,
		operatorReason(command: OperatorCommand) {
			if (view === 'fleet' && bulkRequestFor(command, {marks})) return undefined;
			const request = actionRequest(command, selection, state);
			if (!request) return 'no pipeline selected';
			const entry = state.pipelines[request.pipelineKey];
			if (!entry) return 'pipeline not found';
			const options = {readOnly: readOnly(entry.profile)};
			// A fleet row stands for no one stage: in the fleet, t acts on marked pipelines and asks which
			// stages. Read-only still comes first, as for every action.
			if (view === 'fleet' && command === 'transition') return readOnlyReason(request, state, options) ?? 'mark pipelines first (Space): t then asks which stages';
			return disabledReason(request, state, options);
		},
	};
}

