/**
 * A stage's condition states (V2: beforeEntry, onSuccess, onFailure) from GetPipelineState: the
 * condition's status and each rule's, so the pipeline view can say what holds an execution at a
 * stage's door and the override action knows when there is something to override.
 */
import type {StageConditionView} from '../store/types.js';
import {list, obj, str} from './map-util.js';

const members = [
	['beforeEntryConditionState', 'BEFORE_ENTRY'],
	['onSuccessConditionState', 'ON_SUCCESS'],
	['onFailureConditionState', 'ON_FAILURE'],
] as const;

export function mapConditions(stage: Record<string, unknown>): StageConditionView[] {
	const out: StageConditionView[] = [];
	for (const [member, type] of members) {
		if (stage[member] === undefined || stage[member] === null) continue;
		const state = obj(stage[member]);
		const latest = obj(state.latestExecution);
		const rules = list(state.conditionStates).flatMap(condition =>
			list(obj(condition).ruleStates).map(rule => {
				const ruleLatest = obj(obj(rule).latestExecution);
				return {name: str(obj(rule).ruleName) ?? '', status: str(ruleLatest.status), summary: str(ruleLatest.summary)};
			}),
		);
		out.push({type, status: str(latest.status), summary: str(latest.summary), rules});
	}
	return out;
}
