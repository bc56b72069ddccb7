/**
 * What a cause reader is asked about (the failed action as the store or ListActionExecutions
 * knows it) and what it may do (reads under the source's request budget, nothing else).
 */

import type {SourceApi} from '../../aws/index.js';
import type {PipelineKey} from '../../store/types.js';

export type CauseSubject = {
	key: PipelineKey;
	/** The pipeline's name (the key's last part), for log groups and messages. */
	pipelineName: string;
	stageName: string;
	actionName: string;
	provider: string;
	category?: string;
	configuration: Record<string, string>;
	status?: string;
	executionId?: string;
	actionExecutionId?: string;
	externalExecutionId?: string;
	externalExecutionUrl?: string;
	/** A Commands action's log stream, when the action execution is known. */
	logStreamArn?: string;
	summary?: string;
	errorCode?: string;
	errorMessage?: string;
	/** Epoch ms: when the action started and last changed (the time window of its logs). */
	startTime?: number;
	endTime?: number;
};

/** One budgeted read: the operation's name (counted, throttled as one) and how to send it. */
export type CauseRead = <R>(operation: string, send: (api: SourceApi, signal: AbortSignal) => Promise<R>) => Promise<R>;

export type CauseContext = {subject: CauseSubject; read: CauseRead};
