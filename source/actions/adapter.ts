import type {CallOptions, PipelineWriteApi} from '../aws/index.js';
import type {Clock} from '../shared/clock.js';
import type {OperatorApi, WriteResult} from './api.js';

/** How long a write may go unanswered before the operator is told the outcome is unknown. */
const defaultWriteTimeoutMs = 30_000;

/** Thrown when a write got no answer in time; errors.ts reads it as "outcome unknown". */
class WriteTimeoutError extends Error {
	override readonly name = 'TimeoutError';
	constructor(operation: string, ms: number) {
		super(`${operation} got no answer within ${Math.round(ms / 1000)} s`);
	}
}

type Answer = {$metadata?: {requestId?: string}; pipelineExecutionId?: string};

/**
 * The action layer's writes over source/aws's API. source/aws makes one attempt per call (no SDK
 * retries); this adds a time limit on the app's clock, so a write that hangs becomes an unknown
 * outcome the operator is told about instead of a dialog stuck on "sending".
 */
export function operatorApiFrom(api: PipelineWriteApi, clock: Clock, timeoutMs = defaultWriteTimeoutMs): OperatorApi {
	async function limited(operation: string, send: (options: CallOptions) => Promise<Answer>): Promise<WriteResult> {
		const controller = new AbortController();
		let timedOut = false;
		const timer = clock.setTimer(() => {
			timedOut = true;
			controller.abort();
		}, timeoutMs);
		try {
			const answer = await send({signal: controller.signal});
			return {
				...(answer.$metadata?.requestId ? {requestId: answer.$metadata.requestId} : {}),
				...(answer.pipelineExecutionId ? {pipelineExecutionId: answer.pipelineExecutionId} : {}),
			};
		} catch (error) {
			if (timedOut) throw new WriteTimeoutError(operation, timeoutMs);
			throw error;
		} finally {
			clock.clearTimer(timer);
		}
	}

	return {
		startPipelineExecution: input => limited('StartPipelineExecution', options => api.startPipelineExecution(input, options)),
		stopPipelineExecution: input => limited('StopPipelineExecution', options => api.stopPipelineExecution(input, options)),
		retryStageExecution: input => limited('RetryStageExecution', options => api.retryStageExecution(input, options)),
		putApprovalResult: input => limited('PutApprovalResult', options => api.putApprovalResult(input, options)),
		enableStageTransition: input => limited('EnableStageTransition', options => api.enableStageTransition(input, options)),
		disableStageTransition: input => limited('DisableStageTransition', options => api.disableStageTransition(input, options)),
		rollbackStage: input => limited('RollbackStage', options => api.rollbackStage(input, options)),
		overrideStageCondition: input => limited('OverrideStageCondition', options => api.overrideStageCondition(input, options)),
	};
}
