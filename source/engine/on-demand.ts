/**
 * Reads made only when the operator asks: execution history, the action executions of one
 * execution, a pipeline's definition. Cached in the store; a second ask while one is loading
 * joins it; all go at the operator's priority under the source's budget.
 */

import {Priority} from './defaults.js';
import {isFinalExecutionStatus, mapActionExecution, mapExecutionDetail, mapExecutionSummary} from './map-execution.js';
import {arrayField, str} from './map-util.js';
import {JoinedLoads, operatorReadError} from './operator-reads.js';
import type {SourceRunner} from './source-runner.js';
import type {Clock} from '../shared/clock.js';
import type {FleetStore} from '../store/create.js';
import {executionKeyOf} from '../format/keys.js';
import type {FleetUpdate} from '../store/reducers.js';
import type {ActionExecutionView, ExecutionSummaryView, Paged, PipelineKey, SourceError} from '../store/types.js';

const HISTORY_PAGE = 25;
const MAX_PAGES = 20;

export type OnDemandHost = {
	store: FleetStore;
	clock: Clock;
	activeInterval: number;
	emit: (update: FleetUpdate) => void;
	locate: (key: PipelineKey) => {runner: SourceRunner; name: string} | undefined;
};

export class OnDemand {
	private readonly loads = new JoinedLoads();

	constructor(private readonly host: OnDemandHost) {}

	/** Runs `load` unless the same id is loading already (then waits for that one). */
	private once(id: string, load: () => Promise<void>): Promise<void> {
		return this.loads.run(id, load);
	}

	private errorOf(runner: SourceRunner, key: PipelineKey, error: unknown): SourceError {
		return operatorReadError(runner, error, this.host.store.getState().sources[runner.key]?.error);
	}

	loadHistory(key: PipelineKey, options: {more?: boolean} = {}): Promise<void> {
		const located = this.host.locate(key);
		if (!located) return Promise.resolve();
		const {runner, name} = located;
		return this.once(`history:${key}:${options.more ? 'more' : 'first'}`, async () => {
			const now = this.host.clock.now();
			const existing = this.host.store.getState().histories[key];
			if (options.more && !existing?.nextToken) return;
			if (!options.more && existing?.fetchedAt !== undefined && now - existing.fetchedAt < this.host.activeInterval) return;
			const base: Paged<ExecutionSummaryView> = existing ?? {items: [], loading: false};
			this.host.emit({type: 'history', key, value: {...base, loading: true}});
			try {
				const nextToken = options.more ? existing?.nextToken : undefined;
				const output = await runner.call(Priority.user, 'ListPipelineExecutions', signal =>
					runner.api.listPipelineExecutions({pipelineName: name, maxResults: HISTORY_PAGE, nextToken}, {signal}),
				);
				const page = arrayField(output.pipelineExecutionSummaries, 'pipelineExecutionSummaries')
					.map(item => mapExecutionSummary(item as never))
					.filter((item): item is ExecutionSummaryView => item !== undefined);
				const items = options.more ? mergeById(base.items, page, 'append') : mergeById(base.items, page, 'replaceHead');
				// A refresh of the first page keeps the place of pages loaded earlier.
				const token = options.more || base.items.length <= page.length ? str(output.nextToken) : base.nextToken;
				this.host.emit({type: 'history', key, value: {items, nextToken: token, loading: false, fetchedAt: this.host.clock.now()}});
			} catch (error) {
				this.host.emit({type: 'history', key, value: {...base, loading: false, error: this.errorOf(runner, key, error)}});
			}
		});
	}

	loadActionExecutions(key: PipelineKey, executionId: string, options: {force?: boolean} = {}): Promise<void> {
		const located = this.host.locate(key);
		if (!located) return Promise.resolve();
		const {runner, name} = located;
		const id = executionKeyOf(key, executionId);
		// The execution view shows the values the run got: read with its actions, once.
		void this.loadExecutionVariables(key, executionId);
		return this.once(`actions:${id}`, async () => {
			const state = this.host.store.getState();
			const existing = state.actionExecutions[id];
			if (!options.force && existing?.fetchedAt !== undefined && !existing.error) {
				const final = this.executionIsFinal(key, executionId) && !existing.items.some(item => item.status === 'InProgress');
				if (final || this.host.clock.now() - existing.fetchedAt < this.host.activeInterval) return;
			}
			const base: Paged<ActionExecutionView> = existing ?? {items: [], loading: false};
			this.host.emit({type: 'actionExecutions', id, value: {...base, loading: true}});
			try {
				const items: ActionExecutionView[] = [];
				let nextToken: string | undefined;
				let pages = 0;
				do {
					const output = await runner.call(Priority.user, 'ListActionExecutions', signal =>
						runner.api.listActionExecutions({pipelineName: name, filter: {pipelineExecutionId: executionId}, maxResults: 100, nextToken}, {signal}),
					);
					for (const raw of arrayField(output.actionExecutionDetails, 'actionExecutionDetails')) {
						const item = mapActionExecution(raw as never);
						if (item) items.push(item);
					}
					nextToken = str(output.nextToken);
					pages++;
				} while (nextToken && pages < MAX_PAGES);
				this.host.emit({type: 'actionExecutions', id, value: {items, loading: false, fetchedAt: this.host.clock.now()}});
			} catch (error) {
				this.host.emit({type: 'actionExecutions', id, value: {...base, loading: false, error: this.errorOf(runner, key, error)}});
			}
		});
	}

	/** GetPipelineExecution's resolved variables of one execution, for a pipeline that declares variables. */
	loadExecutionVariables(key: PipelineKey, executionId: string): Promise<void> {
		const located = this.host.locate(key);
		const state = this.host.store.getState();
		const id = executionKeyOf(key, executionId);
		if (!located || !state.pipelines[key]?.variables.length || state.executionVariables[id]) return Promise.resolve();
		const {runner, name} = located;
		return this.once(`variables:${id}`, async () => {
			try {
				const output = await runner.call(Priority.user, 'GetPipelineExecution', signal => runner.api.getPipelineExecution(name, executionId, {signal}));
				this.host.emit({type: 'executionVariables', id, value: mapExecutionDetail(output).variables});
			} catch {
				// Not shown rather than wrong: the view says the values are not known.
			}
		});
	}

	loadDefinition(key: PipelineKey): Promise<void> {
		const located = this.host.locate(key);
		if (!located) return Promise.resolve();
		const {runner, name} = located;
		return this.once(`definition:${key}`, async () => {
			if (this.host.store.getState().definitions[key] !== undefined) return;
			try {
				const output = await runner.call(Priority.user, 'GetPipeline', signal => runner.api.getPipeline(name, {signal}));
				this.host.emit({type: 'definition', key, value: output.pipeline});
			} catch {
				// The definition view shows the pipeline's (or source's) error; nothing to add here.
			}
		});
	}

	private executionIsFinal(key: PipelineKey, executionId: string): boolean {
		const state = this.host.store.getState();
		const latest = state.pipelines[key]?.latestExecution;
		if (latest?.executionId === executionId) return isFinalExecutionStatus(latest.status);
		const known = state.histories[key]?.items.find(item => item.executionId === executionId);
		if (known) return isFinalExecutionStatus(known.status);
		// Not the latest and not in the loaded history: an older execution, over by now.
		return latest !== undefined;
	}
}

function mergeById(existing: ExecutionSummaryView[], page: ExecutionSummaryView[], mode: 'append' | 'replaceHead'): ExecutionSummaryView[] {
	const ids = new Set(page.map(item => item.executionId));
	const rest = existing.filter(item => !ids.has(item.executionId));
	return mode === 'append' ? [...rest, ...page] : [...page, ...rest.filter(item => (item.startTime ?? 0) <= (page.at(-1)?.startTime ?? Number.POSITIVE_INFINITY))];
}
