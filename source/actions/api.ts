/**
 * The writes the action layer needs from one source (profile × region). source/aws/ is the only
 * place that talks to AWS; these are the plain shapes the layer calls, named and shaped like the
 * CodePipeline operations so an adapter over source/aws stays a few lines (see adapter.ts).
 *
 * Errors are thrown as they come: anything with a `name` (the AWS error code, e.g.
 * `InvalidApprovalTokenException`), a `message`, and where known `$metadata.requestId` /
 * `$metadata.httpStatusCode`. errors.ts turns them into words.
 */

export type WriteResult = {
	/** The AWS request id (x-amzn-RequestId), for the audit log and for AWS support. */
	requestId?: string;
	/** The execution the write created or touched, when the operation answers with one. */
	pipelineExecutionId?: string;
};

export type SourceRevisionType = 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';

export type StartInput = {
	name: string;
	variables?: Array<{name: string; value: string}>;
	sourceRevisions?: Array<{actionName: string; revisionType: SourceRevisionType; revisionValue: string}>;
	/** Idempotency: the same token never starts a second execution. */
	clientRequestToken: string;
};

export type StopInput = {pipelineName: string; pipelineExecutionId: string; abandon: boolean; reason?: string};

export type RetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';
export type RetryInput = {pipelineName: string; stageName: string; pipelineExecutionId: string; retryMode: RetryMode};

export type ApprovalStatus = 'Approved' | 'Rejected';
export type ApprovalInput = {
	pipelineName: string;
	stageName: string;
	actionName: string;
	result: {summary: string; status: ApprovalStatus};
	token: string;
};

export type TransitionInput = {pipelineName: string; stageName: string; transitionType: 'Inbound' | 'Outbound'};
export type DisableTransitionInput = TransitionInput & {reason: string};

export type RollbackInput = {pipelineName: string; stageName: string; targetPipelineExecutionId: string};

export type ConditionType = 'BEFORE_ENTRY' | 'ON_SUCCESS';
export type OverrideConditionInput = {
	pipelineName: string;
	stageName: string;
	pipelineExecutionId: string;
	conditionType: ConditionType;
};

/**
 * The write side of one source's API. Implementations must not let the SDK re-send these on a
 * timeout or a 5xx (only StartPipelineExecution carries an idempotency token): a blind resend
 * could approve, stop or retry twice.
 */
export interface OperatorApi {
	startPipelineExecution(input: StartInput): Promise<WriteResult>;
	stopPipelineExecution(input: StopInput): Promise<WriteResult>;
	retryStageExecution(input: RetryInput): Promise<WriteResult>;
	putApprovalResult(input: ApprovalInput): Promise<WriteResult>;
	enableStageTransition(input: TransitionInput): Promise<WriteResult>;
	disableStageTransition(input: DisableTransitionInput): Promise<WriteResult>;
	rollbackStage(input: RollbackInput): Promise<WriteResult>;
	overrideStageCondition(input: OverrideConditionInput): Promise<WriteResult>;
}
