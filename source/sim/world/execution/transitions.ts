/**
 * EnableStageTransition / DisableStageTransition. An inbound transition guards entry into its
 * stage. An outbound transition of stage N is treated as the inbound transition of stage N+1 (a
 * documented choice: the state only reports inbound transitions); the last stage's outbound
 * transition is accepted and holds nothing.
 */

import type {Pipeline} from '../model.js';
import {slotOf, touch, type Engine} from './context.js';
import {admit} from './step.js';

export function setTransition(engine: Engine, pipeline: Pipeline, stageName: string, type: 'Inbound' | 'Outbound', enabled: boolean, caller: string, reason?: string): void {
	const stages = pipeline.declaration.stages;
	let target = stageName;
	if (type === 'Outbound') {
		const index = stages.findIndex(stage => stage.name === stageName);
		const next = stages[index + 1];
		if (!next) return;
		target = next.name;
	}
	const slot = slotOf(pipeline, target);
	slot.inbound = {enabled, lastChangedBy: caller, lastChangedAt: engine.scheduler.now(), ...(enabled || reason === undefined ? {} : {disabledReason: reason})};
	touch(pipeline);
	if (enabled) admit(engine, pipeline, slot);
}
