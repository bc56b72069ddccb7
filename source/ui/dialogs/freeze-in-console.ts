/**
 * `:freeze` in the console keeps the same record as `pipetop freeze` (actions/freeze-record.ts),
 * and the fleet marks the pipelines it holds frozen.
 */
import type {BulkPlan} from '../../actions/bulk-plan.js';
import type {BulkResult} from '../../actions/bulk-run.js';
import {readFreezeRecord, recordFreeze, writeFreezeRecord, type FreezeRecord} from '../../actions/freeze-record.js';
import {reasonStepId} from '../../actions/transition.js';
import type {ConsoleServices} from '../shell/services.js';


function frozenKeys(record: FreezeRecord): string[] {
	return [...new Set(record.frozen.map(entry => entry.pipelineKey))];
}

/** Reads the record once the console opens, so pipelines frozen earlier (or headless) show as such. */
export async function loadFrozen(services: Pick<ConsoleServices, 'freezeRecordPath' | 'ui' | 'now'>): Promise<void> {
	// A console without a record (one made for a test, or for viewing only) neither reads nor writes one.
	if (!services.freezeRecordPath) return;
	try {
		services.ui.dispatch({type: 'setFrozen', keys: frozenKeys(await readFreezeRecord(services.freezeRecordPath))});
	} catch (error) {
		services.ui.dispatch({type: 'message', text: `freeze record: ${(error as Error).message}`, kind: 'error', at: services.now()});
	}
}

/** After `:freeze` ran: what it disabled and what it found disabled, into the record; lines for the dialog. */
export async function recordConsoleFreeze(services: Pick<ConsoleServices, 'freezeRecordPath' | 'ui' | 'now'>, plan: BulkPlan, results: BulkResult[]): Promise<string[]> {
	const path = services.freezeRecordPath;
	if (!path) return ['Warning: this console keeps no freeze record: unfreeze will not know these.'];
	try {
		const record = recordFreeze(await readFreezeRecord(path), results, new Date(services.now()).toISOString(), plan.spec.answers[reasonStepId] ?? '');
		await writeFreezeRecord(path, record);
		services.ui.dispatch({type: 'setFrozen', keys: frozenKeys(record)});
		return [`Recorded in ${path}: pipetop unfreeze enables exactly these.`];
	} catch (error) {
		return [`Warning: the freeze record could not be written (${(error as Error).message}): unfreeze will not know these.`];
	}
}
