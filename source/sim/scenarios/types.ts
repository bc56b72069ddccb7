/**
 * The scenario format is contract.ts's `Scenario`; the world also reads one optional extension
 * per pipeline, `transitions`, to open a scenario with a disabled transition (the contract has no
 * field for it yet).
 */

import type {ScenarioPipeline} from '../contract.js';

export type ScenarioTransition = {stage: string; reason: string; type?: 'Inbound' | 'Outbound'};

export type WorldScenarioPipeline = ScenarioPipeline & {transitions?: ScenarioTransition[]};
