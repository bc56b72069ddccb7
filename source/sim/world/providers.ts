/**
 * What each action provider looks like from the API: ids of the external run (deployment ids,
 * stack ARNs, request ids), console URLs, summaries, failure messages and source revisions.
 * URLs and summaries are derived on demand from the declaration and the few stored ids.
 */

import type {ActionDeclaration, ActionRun, Pipeline, SourceRevision} from './model.js';
import type {Rng} from './random.js';
import {AUTHORS, commitMessage} from './text.js';

function config(action: ActionDeclaration, key: string, fallback = ''): string {
	return action.configuration?.[key] ?? fallback;
}

export function actionRegion(pipeline: Pipeline, action: ActionDeclaration): string {
	return action.region ?? pipeline.region;
}

function consoleUrl(region: string, path: string): string {
	return `https://${region}.console.aws.amazon.com/${path}`;
}

/** The repository a git-like source points at: owner/repo for GitHub-style, name for CodeCommit. */
export function repositoryOf(action: ActionDeclaration): string {
	const provider = action.actionTypeId.provider;
	if (provider === 'CodeStarSourceConnection') return config(action, 'FullRepositoryId', 'acme/app');
	if (provider === 'GitHub') return `${config(action, 'Owner', 'acme')}/${config(action, 'Repo', 'app')}`;
	return config(action, 'RepositoryName', 'app');
}

export function branchOf(action: ActionDeclaration): string {
	return config(action, 'BranchName') || config(action, 'Branch') || 'main';
}

/** Picks what a source action fetches for a new execution. */
export function newSourceRevision(action: ActionDeclaration, rng: Rng, now: number): SourceRevision {
	const provider = action.actionTypeId.provider;
	const created = now - rng.int(20, 3600) * 1000;
	if (provider === 'S3') {
		return {actionName: action.name, revisionId: rng.mixedAlnum(32), message: `Amazon S3 version id: ${rng.mixedAlnum(32)}`, created};
	}
	if (provider === 'ECR') {
		const tag = config(action, 'ImageTag', 'latest');
		return {actionName: action.name, revisionId: `sha256:${rng.hex(64)}`, message: `Image tag: ${tag}`, created};
	}
	return {actionName: action.name, revisionId: rng.commitId(), message: commitMessage(rng), branch: branchOf(action), author: rng.pick(AUTHORS), created};
}

/** revisionSummary as ListPipelineExecutions shows it: connections wrap the message in JSON, as AWS does. */
export function revisionSummary(action: ActionDeclaration | undefined, source: SourceRevision): string {
	if (action?.actionTypeId.provider === 'CodeStarSourceConnection') return JSON.stringify({ProviderType: 'GitHub', CommitMessage: source.message});
	return source.message;
}

export function revisionUrl(pipeline: Pipeline, action: ActionDeclaration, revisionId: string): string | undefined {
	const region = actionRegion(pipeline, action);
	switch (action.actionTypeId.provider) {
		case 'CodeCommit':
			return consoleUrl(region, `codesuite/codecommit/repositories/${repositoryOf(action)}/commit/${revisionId}?region=${region}`);
		case 'CodeStarSourceConnection':
		case 'GitHub':
			return `https://github.com/${repositoryOf(action)}/commit/${revisionId}`;
		case 'S3':
			return `https://s3.console.aws.amazon.com/s3/object/${config(action, 'S3Bucket')}?prefix=${config(action, 'S3ObjectKey')}&versionId=${revisionId}`;
		case 'ECR':
			return consoleUrl(region, `ecr/repositories/private/${pipeline.accountId}/${config(action, 'RepositoryName')}/_/image/${revisionId}/details?region=${region}`);
		default:
			return undefined;
	}
}

/** The action's "entity" link (repository, project, application...), as the console shows it. */
export function entityUrl(pipeline: Pipeline, action: ActionDeclaration): string | undefined {
	const region = actionRegion(pipeline, action);
	switch (action.actionTypeId.provider) {
		case 'CodeCommit':
			return consoleUrl(region, `codesuite/codecommit/repositories/${repositoryOf(action)}/browse/refs/heads/${branchOf(action)}?region=${region}`);
		case 'CodeStarSourceConnection':
		case 'GitHub':
			return `https://github.com/${repositoryOf(action)}/tree/${branchOf(action)}`;
		case 'S3':
			return `https://s3.console.aws.amazon.com/s3/buckets/${config(action, 'S3Bucket')}?prefix=${config(action, 'S3ObjectKey')}`;
		case 'ECR':
			return consoleUrl(region, `ecr/repositories/private/${pipeline.accountId}/${config(action, 'RepositoryName')}?region=${region}`);
		case 'CodeBuild':
			return consoleUrl(region, `codesuite/codebuild/projects/${config(action, 'ProjectName')}/history?region=${region}`);
		case 'CodeDeploy':
		case 'CodeDeployToECS':
			return consoleUrl(region, `codesuite/codedeploy/applications/${config(action, 'ApplicationName')}?region=${region}`);
		case 'ECS':
			return consoleUrl(region, `ecs/v2/clusters/${config(action, 'ClusterName')}/services/${config(action, 'ServiceName')}?region=${region}`);
		case 'CloudFormation':
			return consoleUrl(region, `cloudformation/home?region=${region}#/stacks?filteringText=${config(action, 'StackName')}`);
		case 'Lambda':
			return consoleUrl(region, `lambda/home?region=${region}#/functions/${config(action, 'FunctionName')}`);
		case 'Manual':
			return action.configuration?.ExternalEntityLink;
		case 'StepFunctions':
			return consoleUrl(region, `states/home?region=${region}#/statemachines/view/${config(action, 'StateMachineArn')}`);
		default:
			return undefined;
	}
}

/** The id of the external run, chosen when the action starts (builds get theirs from the build). */
export function newExternalId(pipeline: Pipeline, run: ActionRun, rng: Rng): string | undefined {
	const action = run.action;
	const region = actionRegion(pipeline, action);
	switch (action.actionTypeId.provider) {
		case 'CodeDeploy':
		case 'CodeDeployToECS':
			return `d-${rng.upperAlnum(9)}`;
		case 'ECS':
			return `ecs-svc/${rng.int(1e15, 9e15)}`;
		case 'CloudFormation':
			return `arn:aws:cloudformation:${region}:${pipeline.accountId}:stack/${config(action, 'StackName', 'stack')}/${rng.uuid()}`;
		case 'Lambda':
			return rng.uuid();
		case 'StepFunctions':
			return `arn:aws:states:${region}:${pipeline.accountId}:execution:${config(action, 'StateMachineArn').split(':').pop() ?? 'machine'}:${rng.uuid()}`;
		case 'ElasticBeanstalk':
			return rng.uuid();
		default:
			return undefined;
	}
}

export function externalUrl(pipeline: Pipeline, run: ActionRun): string | undefined {
	const action = run.action;
	const region = actionRegion(pipeline, action);
	const id = run.build ? `${run.build.project}:${run.build.uuid}` : run.externalId;
	switch (action.actionTypeId.provider) {
		case 'CodeCommit':
		case 'CodeStarSourceConnection':
		case 'GitHub':
		case 'S3':
		case 'ECR':
			return id ? revisionUrl(pipeline, action, id) : undefined;
		case 'CodeBuild':
			return id ? consoleUrl(region, `codesuite/codebuild/${pipeline.accountId}/projects/${config(action, 'ProjectName')}/build/${encodeURIComponent(id)}/?region=${region}`) : undefined;
		case 'CodeDeploy':
		case 'CodeDeployToECS':
			return id ? consoleUrl(region, `codesuite/codedeploy/deployments/${id}?region=${region}`) : undefined;
		case 'CloudFormation':
			return id ? consoleUrl(region, `cloudformation/home?region=${region}#/stacks/events?stackId=${encodeURIComponent(id)}`) : undefined;
		case 'Lambda':
			return consoleUrl(region, `lambda/home?region=${region}#/functions/${config(action, 'FunctionName')}?tab=monitoring`);
		case 'ECS':
			return entityUrl(pipeline, action);
		default:
			return undefined;
	}
}

/** externalExecutionSummary / latestExecution.summary for a finished run (approvals keep their own). */
export function runSummary(run: ActionRun): string | undefined {
	if (run.summary !== undefined) return run.summary;
	if (run.status !== 'Succeeded') return undefined;
	const action = run.action;
	switch (action.actionTypeId.provider) {
		case 'CloudFormation': {
			const mode = config(action, 'ActionMode', 'CREATE_UPDATE');
			if (mode === 'CHANGE_SET_REPLACE') return `Change set ${config(action, 'ChangeSetName', 'pipeline-changeset')} was created.`;
			if (mode === 'CHANGE_SET_EXECUTE') return `Change set ${config(action, 'ChangeSetName', 'pipeline-changeset')} was executed.`;
			return `Stack ${config(action, 'StackName')} was updated.`;
		}
		case 'CodeDeploy':
		case 'CodeDeployToECS':
			return `Deployment ${run.externalId ?? ''} succeeded`.trim();
		case 'Lambda':
			return `Function ${config(action, 'FunctionName')} completed successfully`;
		case 'S3':
			return action.actionTypeId.category === 'Deploy' ? `Deployed to s3://${config(action, 'BucketName')}` : undefined;
		default:
			return undefined;
	}
}

/** errorDetails for a failed run of a non-build, non-approval action. */
export function failureDetails(run: ActionRun, rng: Rng): {code: string; message: string} {
	const action = run.action;
	switch (action.actionTypeId.provider) {
		case 'CodeDeploy':
			return {code: 'JobFailed', message: `Deployment ${run.externalId ?? ''} failed. The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.`};
		case 'CodeDeployToECS':
			return {code: 'JobFailed', message: `Deployment ${run.externalId ?? ''} failed: the deployment failed because the ECS service could not reach a steady state. Traffic was rolled back to the original task set.`};
		case 'ECS':
			return {code: 'JobFailed', message: `Deployment of service ${config(action, 'ServiceName')} failed: ECS deployment circuit breaker was triggered after ${rng.int(3, 10)} tasks failed to start (Essential container in task exited).`};
		case 'CloudFormation':
			return {code: 'JobFailed', message: `Stack ${config(action, 'StackName')} is in UPDATE_ROLLBACK_COMPLETE state: Resource handler returned message: "Resource of type 'AWS::Lambda::Function' with identifier '${config(action, 'StackName')}-handler' was not found" (HandlerErrorCode: NotFound)`};
		case 'Lambda':
			return {code: 'JobFailed', message: `Smoke tests failed: ${rng.int(1, 4)} of ${rng.int(12, 40)} checks failed (GET /health returned 503)`};
		case 'S3':
			return {code: 'JobFailed', message: `Access Denied (Service: S3, Status Code: 403) when writing to bucket ${config(action, 'BucketName')}`};
		default:
			return {code: 'JobFailed', message: `Action ${action.name} failed: the ${action.actionTypeId.provider} job reported an error.`};
	}
}

/** Output variables a source action publishes (the names AWS uses per provider). */
export function sourceVariables(pipeline: Pipeline, action: ActionDeclaration, source: SourceRevision): Record<string, string> {
	const date = new Date(source.created).toISOString().replace(/\.\d{3}Z$/, 'Z');
	switch (action.actionTypeId.provider) {
		case 'CodeCommit':
			return {AuthorDate: date, BranchName: branchOf(action), CommitId: source.revisionId, CommitMessage: source.message, CommitterDate: date, RepositoryName: repositoryOf(action)};
		case 'CodeStarSourceConnection':
			return {AuthorDate: date, BranchName: branchOf(action), CommitId: source.revisionId, CommitMessage: source.message, ConnectionArn: config(action, 'ConnectionArn'), FullRepositoryName: repositoryOf(action), ProviderType: 'GitHub'};
		case 'GitHub':
			return {AuthorDate: date, BranchName: branchOf(action), CommitId: source.revisionId, CommitMessage: source.message, CommitterDate: date, CommitUrl: `https://github.com/${repositoryOf(action)}/commit/${source.revisionId}`, RepositoryName: config(action, 'Repo')};
		case 'S3':
			return {ETag: source.revisionId.slice(0, 32).toLowerCase(), VersionId: source.revisionId};
		case 'ECR':
			return {ImageDigest: source.revisionId, ImageTag: config(action, 'ImageTag', 'latest'), ImageURI: `${pipeline.accountId}.dkr.ecr.${actionRegion(pipeline, action)}.amazonaws.com/${config(action, 'RepositoryName')}@${source.revisionId}`, RegistryId: pipeline.accountId, RepositoryName: config(action, 'RepositoryName')};
		default:
			return {};
	}
}

/** Plausible run length per category when the scenario does not say (seconds). */
export function defaultSeconds(action: ActionDeclaration, rng: Rng): number {
	switch (action.actionTypeId.category) {
		case 'Source':
			return rng.int(5, 10);
		case 'Build':
			return rng.int(60, 300);
		case 'Test':
			return rng.int(60, 240);
		case 'Deploy':
			return rng.int(30, 180);
		case 'Invoke':
			return rng.int(3, 20);
		case 'Compute':
			return rng.int(20, 120);
		default:
			return rng.int(10, 60);
	}
}
