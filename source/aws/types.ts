/**
 * The SDK types pipetop passes around, re-exported so that nothing outside source/aws/ imports
 * @aws-sdk/* (the engine maps these into the store's own types).
 */

import type {AwsService} from './endpoints.js';
import type {AwsFilePaths} from './profiles.js';

export type {
	ActionExecutionDetail,
	ActionState,
	DisableStageTransitionCommandInput,
	EnableStageTransitionCommandInput,
	GetPipelineCommandOutput,
	GetPipelineExecutionCommandOutput,
	GetPipelineStateCommandOutput,
	ListActionExecutionsCommandInput,
	ListActionExecutionsCommandOutput,
	ListRuleExecutionsCommandInput,
	ListRuleExecutionsCommandOutput,
	ListPipelineExecutionsCommandInput,
	ListPipelineExecutionsCommandOutput,
	ListPipelinesCommandOutput,
	ListTagsForResourceCommandOutput,
	OverrideStageConditionCommandInput,
	OverrideStageConditionCommandOutput,
	PipelineDeclaration,
	PipelineExecution,
	PipelineExecutionSummary,
	PipelineSummary,
	PutApprovalResultCommandInput,
	PutApprovalResultCommandOutput,
	RetryStageExecutionCommandInput,
	RetryStageExecutionCommandOutput,
	RollbackStageCommandInput,
	RollbackStageCommandOutput,
	StageState,
	StartPipelineExecutionCommandInput,
	StartPipelineExecutionCommandOutput,
	StopPipelineExecutionCommandInput,
	StopPipelineExecutionCommandOutput,
	EnableStageTransitionCommandOutput,
	DisableStageTransitionCommandOutput,
} from '@aws-sdk/client-codepipeline';
export type {BatchGetBuildsCommandOutput, Build} from '@aws-sdk/client-codebuild';
export type {GetLogEventsCommandInput, GetLogEventsCommandOutput} from '@aws-sdk/client-cloudwatch-logs';

/** One profile x region: one set of SDK clients, one request budget. */
export type AwsSourceSpec = {
	/** `profile/region`. */
	key: string;
	profile: string;
	region: string;
	/** Per service: an explicit endpoint, or undefined for AWS's own (configured endpoints then ignored). */
	endpoints: Partial<Record<AwsService, string | undefined>>;
	/** The files credentials are read from. */
	paths: AwsFilePaths;
	/** Use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN instead of the profile. */
	credentialsFromEnv?: boolean;
	/** How the profile gets credentials, so a failure can say what to do. */
	credentialKind?: CredentialKind;
};

export type CredentialKind = 'sso' | 'process' | 'role' | 'web-identity' | 'keys' | 'env' | 'none';
