/**
 * A scripted stand-in for one source's AWS API, for property tests of the scheduler: an
 * in-memory fleet whose calls answer (on a later turn of the event loop, like a socket) with
 * whatever the script says next: success, throttling, a 5xx, a pipeline gone, access denied, or
 * a call that hangs until it is aborted. Errors are shaped as the AWS SDK shapes them and are
 * classified by pipetop's own classifier. Not a mock of the SDK: pipetop's API seam, faked.
 */

import {classifyError} from '../../../source/aws/errors.js';
import type {AwsSourceSpec, SourceApi} from '../../../source/aws/index.js';

export type Outcome = 'ok' | 'throttle' | 'server' | 'gone' | 'denied' | 'hang';

type CallOptions = {signal?: AbortSignal};

function sdkError(name: string, status: number, message: string): Error {
	return Object.assign(new Error(message), {name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status, requestId: 'req'}});
}

export class ScriptedApi {
	/** Calls in flight now, and the most there ever were. */
	inFlight = 0;
	maxInFlight = 0;
	calls = 0;
	/** Outcomes still to come; when empty, every call succeeds. */
	script: Outcome[] = [];
	readonly pipelines: string[];

	constructor(
		readonly spec: AwsSourceSpec,
		pipelines: number,
	) {
		this.pipelines = Array.from({length: pipelines}, (_, index) => `p${index}`);
	}

	private answer<R>(operation: string, options: CallOptions | undefined, value: () => R): Promise<R> {
		const outcome = this.script.shift() ?? 'ok';
		this.calls++;
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		return new Promise<R>((resolve, reject) => {
			let settled = false;
			const done = (run: () => void) => {
				if (settled) return;
				settled = true;
				this.inFlight--;
				options?.signal?.removeEventListener('abort', onAbort);
				run();
			};
			const onAbort = () => done(() => reject(options?.signal?.reason ?? Object.assign(new Error('aborted'), {name: 'AbortError'})));
			options?.signal?.addEventListener('abort', onAbort, {once: true});
			if (outcome === 'hang') return;
			setImmediate(() =>
				done(() => {
					switch (outcome) {
						case 'ok':
							resolve(value());
							return;
						case 'throttle':
							reject(sdkError('ThrottlingException', 400, 'Rate exceeded'));
							return;
						case 'server':
							reject(sdkError('InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.'));
							return;
						case 'gone':
							reject(operation === 'ListPipelines' ? sdkError('InternalFailure', 500, 'blip') : sdkError('PipelineNotFoundException', 400, 'no such pipeline'));
							return;
						case 'denied':
							reject(sdkError('AccessDeniedException', 400, 'not authorized'));
					}
				}),
			);
		});
	}

	private state(name: string) {
		return {
			pipelineName: name,
			pipelineVersion: 1,
			stageStates: [
				{stageName: 'Source', latestExecution: {pipelineExecutionId: `e-${name}`, status: 'Succeeded'}, actionStates: [{actionName: 'Checkout', latestExecution: {status: 'Succeeded', lastStatusChange: new Date(0)}}]},
				{stageName: 'Build', latestExecution: {pipelineExecutionId: `e-${name}`, status: 'Succeeded'}, actionStates: [{actionName: 'Compile', latestExecution: {status: 'Succeeded'}}]},
			],
			$metadata: {},
		};
	}

	private definition(name: string) {
		const action = (actionName: string, category: string) => ({name: actionName, actionTypeId: {category, owner: 'AWS', provider: 'X', version: '1'}, runOrder: 1, configuration: {}});
		return {
			pipeline: {name, version: 1, stages: [{name: 'Source', actions: [action('Checkout', 'Source')]}, {name: 'Build', actions: [action('Compile', 'Build')]}]},
			metadata: {pipelineArn: `arn:aws:codepipeline:${this.spec.region}:123456789012:${name}`},
			$metadata: {},
		};
	}

	/** The SourceApi the runner sees. Writes are never called by the scheduler. */
	api(): SourceApi {
		const refuse = () => Promise.reject(new Error('the scheduler never writes'));
		const api = {
			source: this.spec,
			classify: (error: unknown) => classifyError(error, {profile: this.spec.profile, region: this.spec.region}),
			destroy: () => undefined,
			listPipelines: (_input: unknown, options?: CallOptions) => this.answer('ListPipelines', options, () => ({pipelines: this.pipelines.map(name => ({name, version: 1})), $metadata: {}})),
			getPipeline: (name: string, options?: CallOptions) => this.answer('GetPipeline', options, () => this.definition(name)),
			getPipelineState: (name: string, options?: CallOptions) => this.answer('GetPipelineState', options, () => this.state(name)),
			listPipelineExecutions: (input: {pipelineName: string}, options?: CallOptions) =>
				this.answer('ListPipelineExecutions', options, () => ({pipelineExecutionSummaries: [{pipelineExecutionId: `e-${input.pipelineName}`, status: 'Succeeded', startTime: new Date(0), lastUpdateTime: new Date(0)}], $metadata: {}})),
			getPipelineExecution: refuse,
			listActionExecutions: (_input: unknown, options?: CallOptions) => this.answer('ListActionExecutions', options, () => ({actionExecutionDetails: [], $metadata: {}})),
			batchGetBuilds: refuse,
			getLogEvents: refuse,
			startPipelineExecution: refuse,
			stopPipelineExecution: refuse,
			retryStageExecution: refuse,
			putApprovalResult: refuse,
			enableStageTransition: refuse,
			disableStageTransition: refuse,
			rollbackStage: refuse,
			overrideStageCondition: refuse,
		};
		return api as unknown as SourceApi;
	}
}
