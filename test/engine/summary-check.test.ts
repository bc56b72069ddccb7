/**
 * When a poll reads the latest execution's summary again (pure rules; summary-truth.test.ts runs
 * the same through the engine and the embedded service). AWS may answer a summary read with the
 * status from just before a change: a summary the state contradicts is read again at every poll,
 * while a quiet pipeline whose state agrees costs no summary read at all.
 */
import {describe, expect, it} from 'vitest';
import type {StateSnapshot} from '../../source/engine/map-pipeline.js';
import {stateFingerprint} from '../../source/engine/map-pipeline.js';
import {executionIdsIn, needsSummary} from '../../source/engine/summary-check.js';
import {newTracked, type Tracked} from '../../source/engine/tracked.js';
import type {ExecutionSummaryView, PipelineExecutionStatus, StageStatus} from '../../source/store/types.js';

type StageSpec = [name: string, executionId: string | undefined, status: StageStatus | undefined, waiting?: string[]];

function state(...stages: StageSpec[]): StateSnapshot {
	return {
		stages: stages.map(([name, executionId, status, waiting = []]) => ({
			name,
			executionId,
			status,
			inboundTransition: {enabled: true},
			inboundExecutions: waiting.map(id => ({executionId: id, status: 'InProgress'})),
			conditions: [],
			actions: [],
		})),
	};
}

const summary = (executionId: string, status: PipelineExecutionStatus): ExecutionSummaryView => ({executionId, status, sourceRevisions: []});

/** A pipeline whose summary was read at `read` and said `status`. */
function readAt(read: StateSnapshot, latest: ExecutionSummaryView): Tracked {
	const t = newTracked('p', 'ops/eu-west-1/p', 0);
	t.summary = latest;
	t.summaryFor = read.stages[0].executionId;
	t.summaryFingerprint = stateFingerprint(read);
	t.summaryIds = executionIdsIn(read);
	return t;
}

const asks = (t: Tracked, now: StateSnapshot) => needsSummary(t, now, stateFingerprint(now));

describe('the execution summary is read again', () => {
	it('not while the state agrees with it (a quiet pipeline: one call per poll)', () => {
		const running = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'InProgress']);
		expect(asks(readAt(running, summary('e1', 'InProgress')), running)).toBe(false);
		const done = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'Succeeded']);
		expect(asks(readAt(done, summary('e1', 'Succeeded')), done)).toBe(false);
		const waiting = state(['Source', 'e2', 'Succeeded'], ['Build', 'e1', 'InProgress', ['e2']]);
		expect(asks(readAt(waiting, summary('e2', 'InProgress')), waiting)).toBe(false);
	});

	it('when a Failed run runs again (a retry), even if the last read already saw that state', () => {
		const retried = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'InProgress']);
		// The read right after the retry still said Failed (AWS a moment behind): ask again.
		expect(asks(readAt(retried, summary('e1', 'Failed')), retried)).toBe(true);
	});

	it('when an InProgress run is stopped or has failed in a stage, or shows nowhere any more', () => {
		const stopped = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'Stopped']);
		expect(asks(readAt(stopped, summary('e1', 'InProgress')), stopped)).toBe(true);
		const failed = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'Failed']);
		expect(asks(readAt(failed, summary('e1', 'InProgress')), failed)).toBe(true);
		// Stopped while it waited in front of Build: only the queue changed.
		const gone = state(['Source', 'e2', 'Succeeded'], ['Build', 'e1', 'InProgress']);
		expect(asks(readAt(gone, summary('e2', 'InProgress')), gone)).toBe(true);
		const stopping = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'Stopped']);
		expect(asks(readAt(stopping, summary('e1', 'Stopping')), stopping)).toBe(true);
	});

	it('when an execution appears that the state did not show at the last read (a rollback enters a later stage)', () => {
		const before = state(['Source', 'e1', 'Succeeded'], ['Deploy', 'e1', 'Succeeded']);
		const t = readAt(before, summary('e1', 'Succeeded'));
		expect(asks(t, before)).toBe(false);
		expect(asks(t, state(['Source', 'e1', 'Succeeded'], ['Deploy', 'r1', 'InProgress']))).toBe(true);
	});

	it('after an operator action asked for it, whatever the state', () => {
		const quiet = state(['Source', 'e1', 'Succeeded'], ['Build', 'e1', 'InProgress']);
		const t = readAt(quiet, summary('e1', 'InProgress'));
		t.summaryWanted = true;
		expect(asks(t, quiet)).toBe(true);
	});
});
