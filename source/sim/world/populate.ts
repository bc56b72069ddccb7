/**
 * Fills a new world from its scenario: pipelines created in the past, `history` executions played
 * through (with the same engine, in virtual time before the clock's present, so what is still
 * running or waiting for approval when the scenario opens is exactly what the engine left), any
 * disabled transitions, and the first scheduled start of each pipeline with `startEverySeconds`.
 */

import type {Scenario, SimAccount} from '../contract.js';
import type {WorldScenarioPipeline} from '../scenarios/types.js';
import {parseDeclaration} from './declaration.js';
import type {Engine} from './execution/context.js';
import type {PipelineDeclaration} from './model.js';
import {setTransition} from './execution/transitions.js';
import {automaticTrigger, defaultVariables, startExecution} from './execution/triggers.js';
import {addPipeline, startSchedule} from './pipelines.js';
import {Rng} from './random.js';

/** Spacing of history when the pipeline has no schedule (one run an hour). */
const HISTORY_SPACING_S = 3600;

export function populate(engine: Engine, scenario: Scenario, accounts: SimAccount[], declarations?: PipelineDeclaration[]): void {
	const scheduler = engine.scheduler;
	const now = scheduler.now();
	const rng = Rng.derive(engine.seed, 'populate');
	(scenario.pipelines as WorldScenarioPipeline[]).forEach((entry, index) => {
		const account = accounts.find(candidate => candidate.profile === entry.profile);
		if (!account || !entry.definition) return;
		const person = `arn:aws:iam::${account.accountId}:user/${account.profile}`;
		const regionState = engine.region(account.accountId, entry.region);
		const declaration = declarations?.[index] ?? parseDeclaration(entry.definition as Record<string, unknown>, 1, entry.region);
		const history = entry.history ?? 0;
		const spacing = (entry.startEverySeconds ?? HISTORY_SPACING_S) * 1000;
		const created = Math.round(history > 0 ? now - (history + 1) * spacing - rng.int(0, spacing) : now - rng.int(1, 60) * 86_400_000);
		const pipeline = addPipeline(engine, regionState, declaration, {
			tags: entry.definition.tags as Array<{key: string; value: string}> | undefined,
			behaviour: entry.behaviour,
			startEverySeconds: entry.startEverySeconds,
			created,
		});
		for (let index = 0; index < history; index++) {
			const at = index === 0 ? created + 2000 : created + spacing * (index + rng.real(-0.3, 0.3));
			scheduler.at(at, () => {
				const trigger = index === 0 ? {triggerType: 'CreatePipeline', triggerDetail: person} : automaticTrigger(pipeline);
				if (!pipeline.deleted) startExecution(engine, pipeline, {trigger, variables: defaultVariables(pipeline)});
			});
		}
		for (const transition of entry.transitions ?? []) {
			// Disabled a while before the scenario opens, so history both flowed through and piled up.
			const at = Math.max(created + 1000, now - Math.round(spacing * rng.real(1, 2)));
			scheduler.at(at, () => setTransition(engine, pipeline, transition.stage, transition.type ?? 'Inbound', false, person, transition.reason));
		}
		if (entry.startEverySeconds) startSchedule(engine, pipeline, Math.round(entry.startEverySeconds * 1000 * rng.real(0.05, 1)));
	});
}
