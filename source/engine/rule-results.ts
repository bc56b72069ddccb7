/**
 * The recent results of a pipeline's stage condition rules (ListRuleExecutions), read only for
 * the pipeline on screen and at the operator's priority under its source's budget: GetPipelineState
 * tells a rule's current state, this tells what it found each time it ran, and when.
 */

import {BudgetCancelled} from './budget.js';
import {Priority} from './defaults.js';
import {arrayField, ms, obj, str} from './map-util.js';
import type {OnDemandHost} from './on-demand.js';
import {toSourceError} from './source-health.js';
import type {SourceRunner} from './source-runner.js';
import type {RuleResults, RuleResultView} from '../store/rule-types.js';
import type {PipelineKey} from '../store/types.js';

/** One page, newest first (the most the API gives): several results per rule of a busy pipeline. */
const PAGE = 100;

function mapRuleExecution(raw: unknown): RuleResultView | undefined {
	const detail = obj(raw);
	const stageName = str(detail.stageName);
	const ruleName = str(detail.ruleName);
	if (!stageName || !ruleName) return undefined;
	const result = obj(obj(detail.output).executionResult);
	return {
		stageName,
		ruleName,
		pipelineExecutionId: str(detail.pipelineExecutionId),
		status: str(detail.status),
		summary: str(result.externalExecutionSummary) ?? str(obj(result.errorDetails).message),
		at: ms(detail.lastUpdateTime) ?? ms(detail.startTime),
	};
}

export class RuleResultsReader {
	private readonly loading = new Map<PipelineKey, Promise<void>>();

	constructor(private readonly host: OnDemandHost) {}

	load(key: PipelineKey, options: {force?: boolean} = {}): Promise<void> {
		const running = this.loading.get(key);
		if (running) return running;
		const located = this.host.locate(key);
		if (!located) return Promise.resolve();
		const promise = this.read(key, located, options.force ?? false).finally(() => this.loading.delete(key));
		this.loading.set(key, promise);
		return promise;
	}

	private async read(key: PipelineKey, {runner, name}: {runner: SourceRunner; name: string}, force: boolean): Promise<void> {
		const {host} = this;
		const existing = host.store.getState().ruleResults[key];
		if (!force && existing?.fetchedAt !== undefined && !existing.error && host.clock.now() - existing.fetchedAt < host.activeInterval) return;
		const base: RuleResults = existing ?? {items: [], loading: false};
		host.emit({type: 'ruleResults', key, value: {...base, loading: true}});
		try {
			const output = await runner.call(Priority.user, 'ListRuleExecutions', signal => runner.api.listRuleExecutions({pipelineName: name, maxResults: PAGE}, {signal}));
			const items = arrayField(output.ruleExecutionDetails, 'ruleExecutionDetails')
				.map(mapRuleExecution)
				.filter((item): item is RuleResultView => item !== undefined);
			host.emit({type: 'ruleResults', key, value: {items, loading: false, fetchedAt: host.clock.now()}});
		} catch (error) {
			const why = error instanceof BudgetCancelled ? {code: 'SourceUnavailable', message: `${runner.key} is not answering now`} : toSourceError(runner.api.classify(error));
			host.emit({type: 'ruleResults', key, value: {...base, loading: false, error: why}});
		}
	}
}
