/**
 * Whether a command applies now, and why not: the keymap's own checks plus, for operator
 * commands, the action layer's `disabledReason` (read-only, nothing to approve...).
 */
import {disabledReason} from '../../actions/availability.js';
import type {OperatorCommand} from '../../actions/types.js';
import type {FleetState} from '../../store/types.js';
import type {AvailabilityContext, CommandSpec} from '../keymap.js';
import {actionRequest, type Selection} from '../model/selection.js';
import type {ViewKind} from '../views/registry.js';

export function availabilityContext(
	view: ViewKind,
	selection: Selection,
	state: FleetState,
	readOnly: (profile: string) => boolean,
): AvailabilityContext {
	return {
		view,
		selection,
		operatorReason(command: OperatorCommand) {
			const request = actionRequest(command, selection, state);
			if (!request) return 'no pipeline selected';
			const entry = state.pipelines[request.pipelineKey];
			if (!entry) return 'pipeline not found';
			return disabledReason(request, state, {readOnly: readOnly(entry.profile)});
		},
	};
}

export function reasonDisabled(spec: CommandSpec, context: AvailabilityContext): string | undefined {
	return spec.disabled?.(context);
}
