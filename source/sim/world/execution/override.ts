/**
 * OverrideStageCondition (BEFORE_ENTRY): the entry condition holding the execution at the stage's
 * door is abandoned and the execution goes in (the caller checked that one is in progress).
 */

import type {Execution, StageRun} from '../model.js';
import {closeGate} from './conditions.js';
import type {Engine} from './context.js';
import {advance} from './step.js';

export function overrideGate(engine: Engine, execution: Execution, run: StageRun, caller: string): void {
	closeGate(engine, execution, run, 'Overridden', caller);
	advance(engine, execution);
}
