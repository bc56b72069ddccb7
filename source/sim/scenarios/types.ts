/**
 * The scenario format is contract.ts's `Scenario`; the world also reads optional extensions the
 * contract has no field for yet: per pipeline `transitions`, to open a scenario with a disabled
 * transition, and `pushes`, commits pushed to a repository at given times.
 */

import type {Scenario, ScenarioPipeline} from '../contract.js';

export type ScenarioTransition = {stage: string; reason: string; type?: 'Inbound' | 'Outbound'};

export type WorldScenarioPipeline = ScenarioPipeline & {transitions?: ScenarioTransition[]};

/**
 * A push to a branch at a time relative to the scenario's opening (negative: before, played with
 * the history): every pipeline whose source follows the repository and branch starts on the commit.
 */
export type ScenarioPush = {repository: string; branch?: string; afterSeconds: number; commitId?: string; message?: string};

/** The scenario with the world's extensions: `pushes` (not in contract.ts yet). */
export type WorldScenario = Scenario & {pushes?: ScenarioPush[]};
