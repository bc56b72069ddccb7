import type {FleetState} from '../store/types.js';
import {actionModules} from './registry.js';
import type {ActionRequest} from './types.js';

/** Why changes are refused for this request's pipeline, or undefined when they are allowed. */
export function readOnlyReason(request: ActionRequest, state: FleetState, options: {readOnly: boolean}): string | undefined {
	const entry = state.pipelines[request.pipelineKey];
	// No source reads it: there are no credentials to act with, whatever the mode.
	if (entry?.seenThroughEvents) return `seen through events only (no profile reads account ${entry.accountId ?? '?'} in ${entry.region})`;
	if (options.readOnly) return 'read-only mode';
	const source = entry ? state.sources[entry.sourceKey] : undefined;
	if (source?.readOnly) return `profile ${source.profile} is read-only`;
	return undefined;
}

/**
 * Why the key for this action is disabled right now, in a few words for the footer and the help
 * overlay ("read-only mode", "no pending approval"); undefined when the dialog may open. Read-only
 * comes first: in read-only mode every mutation is refused whatever the state.
 */
export function disabledReason(request: ActionRequest, state: FleetState, options: {readOnly: boolean}): string | undefined {
	return readOnlyReason(request, state, options) ?? actionModules[request.command].check(state, request);
}
