/** What the store keeps of ListRuleExecutions: the recent results of a pipeline's stage condition rules. */
import type {SourceError} from './types.js';

/** One run of one rule (of a stage's condition), as the pipeline view tells it. */
export type RuleResultView = {
	stageName: string;
	ruleName: string;
	pipelineExecutionId?: string;
	/** InProgress, Succeeded, Failed, Abandoned (or what AWS adds later). */
	status?: string;
	/** The rule's own words on its result (output.executionResult.externalExecutionSummary). */
	summary?: string;
	/** When it last changed (else when it started), ms. */
	at?: number;
};

/** A pipeline's rule results, newest first; read while the pipeline is on screen. */
export type RuleResults = {items: RuleResultView[]; loading: boolean; fetchedAt?: number; error?: SourceError};
