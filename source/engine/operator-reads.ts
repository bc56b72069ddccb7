/**
 * What the reads made when the operator asks (on-demand history and details, causes) have in
 * common: a second ask while one is running joins it, and a failure becomes a store error.
 */

import {BudgetCancelled} from './budget.js';
import {toSourceError} from './source-health.js';
import type {SourceRunner} from './source-runner.js';
import type {SourceError} from '../store/types.js';

/** Loads by id: asking for one that is running returns the running one instead of reading twice. */
export class JoinedLoads {
	private readonly running = new Map<string, Promise<void>>();

	get(id: string): Promise<void> | undefined {
		return this.running.get(id);
	}

	run(id: string, load: () => Promise<void>): Promise<void> {
		const running = this.running.get(id);
		if (running) return running;
		const promise = load().finally(() => this.running.delete(id));
		this.running.set(id, promise);
		return promise;
	}
}

/** A read the budget cancelled says the source is not answering (or why, when the source knows); others say what AWS said. */
export function operatorReadError(runner: SourceRunner, error: unknown, sourceError?: SourceError): SourceError {
	if (error instanceof BudgetCancelled) return sourceError ?? {code: 'SourceUnavailable', message: `${runner.key} is not answering now`};
	return toSourceError(runner.api.classify(error));
}
