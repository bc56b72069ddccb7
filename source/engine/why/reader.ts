/**
 * Reads causes when the operator asks (the cause view, `pipetop why`): each read goes at the
 * operator's priority under the source's request budget, and the result lands in the store's
 * `causes`. A second ask while one is reading joins it.
 */

import {Priority} from '../defaults.js';
import {JoinedLoads, operatorReadError} from '../operator-reads.js';
import type {SourceRunner} from '../source-runner.js';
import type {FleetStore} from '../../store/create.js';
import type {FleetUpdate} from '../../store/reducers.js';
import type {PipelineKey} from '../../store/types.js';
import {causeId} from './cause-id.js';
import {explain} from './explain.js';
import type {CauseSubject} from './types.js';

export type CauseHost = {
	store: FleetStore;
	emit: (update: FleetUpdate) => void;
	locate: (key: PipelineKey) => {runner: SourceRunner; name: string} | undefined;
};

export class CauseReader {
	private readonly reading = new JoinedLoads();

	constructor(private readonly host: CauseHost) {}

	readCause(subject: CauseSubject, options: {force?: boolean} = {}): Promise<void> {
		const id = causeId(subject);
		const running = this.reading.get(id);
		if (running) return running;
		const known = this.host.store.getState().causes[id];
		if (known?.cause && !options.force) return Promise.resolve();
		const located = this.host.locate(subject.key);
		if (!located) {
			this.host.emit({type: 'cause', id, value: {loading: false, error: {code: 'PipelineNotFound', message: `pipetop does not know ${subject.key}`}}});
			return Promise.resolve();
		}
		return this.reading.run(id, () => this.read(id, subject, located.runner));
	}

	private async read(id: string, subject: CauseSubject, runner: SourceRunner): Promise<void> {
		const previous = this.host.store.getState().causes[id];
		this.host.emit({type: 'cause', id, value: {...previous, loading: true}});
		try {
			const cause = await explain({subject, read: (operation, send) => runner.call(Priority.user, operation, signal => send(runner.api, signal))});
			this.host.emit({type: 'cause', id, value: {loading: false, cause}});
		} catch (error) {
			this.host.emit({type: 'cause', id, value: {...previous, loading: false, error: operatorReadError(runner, error)}});
		}
	}
}
