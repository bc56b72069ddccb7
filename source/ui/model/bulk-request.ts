import type {BulkKind} from '../../actions/bulk-steps.js';
import {bulkCommands} from '../../actions/bulk-plan.js';
import type {OperatorCommand} from '../../actions/types.js';
import type {PipelineKey} from '../../store/types.js';
import type {UiState} from './ui-store.js';

/** What the bulk dialog acts on: fixed when it opens, so a mark changed meanwhile changes nothing. */
export type BulkRequest = {kind: BulkKind; keys: readonly PipelineKey[]};

/** The bulk request an operator key makes in the fleet while rows are marked (undefined: none marked, or not a bulk action). */
export function bulkRequestFor(command: OperatorCommand, ui: Pick<UiState, 'marks'>): BulkRequest | undefined {
	if (ui.marks.length === 0) return undefined;
	const kind = bulkCommands.find(candidate => candidate === command);
	return kind ? {kind, keys: [...ui.marks]} : undefined;
}
