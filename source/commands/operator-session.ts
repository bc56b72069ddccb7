import {UsageError} from '../config/usage-error.js';
import type {FleetEngine} from '../engine/types.js';
import type {FleetState, PipelineKey} from '../store/types.js';


/** Resolves once the store satisfies `done` (checked now and on every change). */
export function waitForState(engine: FleetEngine, done: (state: FleetState) => boolean): Promise<FleetState> {
	const {store} = engine;
	if (done(store.getState())) return Promise.resolve(store.getState());
	return new Promise(resolve => {
		const unsubscribe = store.subscribe(state => {
			if (!done(state)) return;
			unsubscribe();
			resolve(state);
		});
	});
}

function sourceProblems(state: FleetState): string {
	const failed = state.sourceOrder.map(key => state.sources[key]).filter(source => source?.error);
	return failed.map(source => `${source.key}: ${source.error?.message}${source.error?.hint ? ` (${source.error.hint})` : ''}`).join('; ');
}

/**
 * Finds the pipeline by name in the sources the flags chose, and waits until its state was read.
 * A name found in several profiles or regions is refused: the operator must say which.
 */
export async function locatePipeline(app: {engine: FleetEngine}, name: string): Promise<PipelineKey> {
	const {engine} = app;
	engine.start();
	const listed = await waitForState(engine, state => !state.initialLoad);
	const matches = Object.values(listed.pipelines).filter(entry => entry.name === name);
	if (matches.length === 0) {
		const problems = sourceProblems(listed);
		const where = listed.sourceOrder.join(', ') || 'no source';
		throw new UsageError(`no pipeline named "${name}" in ${where}${problems ? ` (failed: ${problems})` : ''}`);
	}
	if (matches.length > 1) {
		throw new UsageError(`"${name}" exists in ${matches.map(entry => entry.sourceKey).join(', ')}: choose one with --profile and --region`);
	}
	const key = matches[0].key;
	engine.setFocus([key]);
	// Every read so far was made after the command started; hurry the state along if not read yet.
	if (listed.pipelines[key]?.fetchedAt === undefined) engine.refresh(key);
	await waitForState(engine, state => {
		const entry = state.pipelines[key];
		return Boolean(entry && (entry.fetchedAt !== undefined || entry.error));
	});
	return key;
}
