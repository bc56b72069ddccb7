/**
 * Addresses of things in AWS: the console URL and the ARN of a pipeline, an execution, a
 * CodeBuild build. One owner, so `o` (links) and `y` (copy) and any headless text agree.
 * Links AWS itself gives (an action's external execution URL, its entity URL) are used as given.
 */

/** The partition of a region: its ARN prefix and its console's host. */
function partitionOf(region: string): {arn: string; host: string} {
	if (region.startsWith('cn-')) return {arn: 'aws-cn', host: `${region}.console.amazonaws.cn`};
	if (region.startsWith('us-gov-')) return {arn: 'aws-us-gov', host: `${region}.console.amazonaws-us-gov.com`};
	return {arn: 'aws', host: `${region}.console.aws.amazon.com`};
}

function consoleUrl(region: string, path: string): string {
	return `https://${partitionOf(region).host}/${path}${path.includes('?') ? '&' : '?'}region=${region}`;
}

export function pipelineConsoleUrl(region: string, name: string): string {
	return consoleUrl(region, `codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/view`);
}

export function executionConsoleUrl(region: string, name: string, executionId: string): string {
	return consoleUrl(region, `codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/executions/${encodeURIComponent(executionId)}/timeline`);
}

/** A CodeBuild build (its id is `project:uuid`); the account is part of the console's path. */
export function buildConsoleUrl(region: string, accountId: string | undefined, buildId: string): string | undefined {
	const project = buildId.split(':')[0];
	if (!accountId || !project) return undefined;
	return consoleUrl(region, `codesuite/codebuild/${accountId}/projects/${encodeURIComponent(project)}/build/${encodeURIComponent(buildId)}`);
}

export function pipelineArn(region: string, accountId: string | undefined, name: string): string | undefined {
	return accountId ? `arn:${partitionOf(region).arn}:codepipeline:${region}:${accountId}:${name}` : undefined;
}

export function buildArn(region: string, accountId: string | undefined, buildId: string): string | undefined {
	return accountId ? `arn:${partitionOf(region).arn}:codebuild:${region}:${accountId}:build/${buildId}` : undefined;
}
