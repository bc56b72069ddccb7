/**
 * Pipeline shapes for the demo fleet, written as create-pipeline documents: a plain
 * build-and-deploy, a tested service with parallel checks and a production approval, a
 * cross-region deploy, infrastructure change sets, a Lambda service, and a container service.
 */

export type Env = 'dev' | 'staging' | 'prod';

export type ShapeInput = {
	name: string;
	service: string;
	env: Env;
	accountId: string;
	region: string;
	/** Regions a cross-region deploy also targets. */
	otherRegions: string[];
	approval: boolean;
	/** The source polls for changes (older pipelines) instead of an EventBridge rule. */
	polling?: boolean;
};

type Json = Record<string, unknown>;

export function action(name: string, category: string, provider: string, configuration: Record<string, string>, extra: Json = {}): Json {
	return {name, actionTypeId: {category, owner: provider === 'GitHub' ? 'ThirdParty' : 'AWS', provider, version: '1'}, configuration, ...extra};
}

function bucket(region: string, accountId: string): string {
	return `codepipeline-${region}-${accountId}`;
}

function roleArn(input: ShapeInput): string {
	return `arn:aws:iam::${input.accountId}:role/service-role/AWSCodePipelineServiceRole-${input.region}-${input.name}`.slice(0, 1024);
}

function codeCommitSource(input: ShapeInput): Json {
	return action('Source', 'Source', 'CodeCommit', {RepositoryName: input.service, BranchName: input.env === 'prod' ? 'release' : 'main', PollForSourceChanges: input.polling ? 'true' : 'false', OutputArtifactFormat: 'CODE_ZIP'}, {outputArtifacts: [{name: 'SourceArtifact'}], namespace: 'SourceVariables'});
}

function githubSource(input: ShapeInput): Json {
	return action(
		'Source',
		'Source',
		'CodeStarSourceConnection',
		{ConnectionArn: `arn:aws:codeconnections:${input.region}:${input.accountId}:connection/5f1c2a9e-7d3b-4c1e-9a8f-${input.accountId}`, FullRepositoryId: `acme/${input.service}`, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP', DetectChanges: 'true'},
		{outputArtifacts: [{name: 'SourceArtifact'}], namespace: 'SourceVariables'},
	);
}

function build(name: string, project: string, input = 'SourceArtifact', output?: string, extra: Json = {}): Json {
	return action(name, 'Build', 'CodeBuild', {ProjectName: project}, {inputArtifacts: [{name: input}], ...(output ? {outputArtifacts: [{name: output}]} : {}), ...extra});
}

function approval(input: ShapeInput, what: string): Json {
	return action('Approve', 'Approval', 'Manual', {
		CustomData: `Review ${what} for ${input.service} before it reaches ${input.env}. Check the canary dashboard and the change ticket.`,
		ExternalEntityLink: `https://grafana.acme.example/d/${input.service}/release?var-env=${input.env}`,
		NotificationArn: `arn:aws:sns:${input.region}:${input.accountId}:release-approvals`,
	});
}

function base(input: ShapeInput, stages: Json[], extra: Json = {}): Json {
	return {pipeline: {name: input.name, roleArn: roleArn(input), artifactStore: {type: 'S3', location: bucket(input.region, input.accountId)}, stages, ...extra}};
}

/** Source -> Build -> Deploy, V1. */
export function simple(input: ShapeInput): Json {
	const web = input.service.endsWith('-web') || input.service.endsWith('-portal');
	const deploy = web
		? action('Deploy', 'Deploy', 'S3', {BucketName: `${input.service}-${input.env}-site`, Extract: 'true'}, {inputArtifacts: [{name: 'BuildArtifact'}]})
		: action('Deploy', 'Deploy', 'CodeDeploy', {ApplicationName: input.service, DeploymentGroupName: `${input.service}-${input.env}`}, {inputArtifacts: [{name: 'BuildArtifact'}]});
	return base(input, [
		{name: 'Source', actions: [codeCommitSource(input)]},
		{name: 'Build', actions: [build('Build', `${input.service}-build`, 'SourceArtifact', 'BuildArtifact')]},
		{name: 'Deploy', actions: [deploy]},
	]);
}

/** Parallel checks, package, staging deploy, integration tests, approval, production; V2 with variables. */
export function tested(input: ShapeInput, mode: string): Json {
	const stages: Json[] = [
		{name: 'Source', actions: [githubSource(input)]},
		{
			name: 'Build',
			actions: [
				build('Compile', `${input.service}-build`, 'SourceArtifact', 'CompiledArtifact', {runOrder: 1, environmentVariables: [{name: 'DEPLOY_ENV', value: '#{variables.DeployEnv}', type: 'PLAINTEXT'}]}),
				build('UnitTests', `${input.service}-unit-tests`, 'SourceArtifact', undefined, {runOrder: 1}),
				build('Lint', `${input.service}-lint`, 'SourceArtifact', undefined, {runOrder: 1}),
				build('Package', `${input.service}-package`, 'CompiledArtifact', 'PackageArtifact', {runOrder: 2}),
			],
		},
		{name: 'Staging', actions: [action('Deploy', 'Deploy', 'ECS', {ClusterName: `${input.env}-apps`, ServiceName: `${input.service}-staging`, FileName: 'imagedefinitions.json'}, {inputArtifacts: [{name: 'PackageArtifact'}], runOrder: 1}), action('IntegrationTests', 'Test', 'CodeBuild', {ProjectName: `${input.service}-integration-tests`}, {inputArtifacts: [{name: 'SourceArtifact'}], runOrder: 2})]},
	];
	if (input.approval) stages.push({name: 'Approval', actions: [approval(input, 'the staging results')]});
	stages.push({name: 'Production', actions: [action('Deploy', 'Deploy', 'ECS', {ClusterName: `${input.env}-apps`, ServiceName: input.service, FileName: 'imagedefinitions.json'}, {inputArtifacts: [{name: 'PackageArtifact'}]})]});
	return base(input, stages, {
		executionMode: mode,
		pipelineType: 'V2',
		variables: [
			{name: 'DeployEnv', defaultValue: input.env, description: 'Environment the build is packaged for'},
			{name: 'ReleaseChannel', defaultValue: 'stable', description: 'stable or canary'},
		],
		triggers: [{providerType: 'CodeStarSourceConnection', gitConfiguration: {sourceActionName: 'Source', push: [{branches: {includes: ['main']}}]}}],
	});
}

/** One build, deployed side by side to several regions (action `region`, artifactStores). */
export function crossRegion(input: ShapeInput): Json {
	const regions = [input.region, ...input.otherRegions];
	const deploys = regions.map(region =>
		action(`Deploy-${region}`, 'Deploy', 'CloudFormation', {ActionMode: 'CREATE_UPDATE', StackName: `${input.name}-${region}`, TemplatePath: 'BuildArtifact::packaged.yaml', Capabilities: 'CAPABILITY_IAM', RoleArn: `arn:aws:iam::${input.accountId}:role/cfn-deploy`}, {inputArtifacts: [{name: 'BuildArtifact'}], region}),
	);
	const stages: Json[] = [
		{name: 'Source', actions: [codeCommitSource(input)]},
		{name: 'Build', actions: [build('Build', `${input.service}-build`, 'SourceArtifact', 'BuildArtifact')]},
	];
	if (input.approval) stages.push({name: 'Approval', actions: [approval(input, 'the stack changes')]});
	stages.push({name: 'Deploy', actions: deploys});
	const pipeline = base(input, stages, {pipelineType: 'V2', executionMode: 'SUPERSEDED'}).pipeline as Json;
	delete pipeline.artifactStore;
	pipeline.artifactStores = Object.fromEntries(regions.map(region => [region, {type: 'S3', location: bucket(region, input.accountId)}]));
	return {pipeline};
}

/** CloudFormation change set, approval, execute. V1. */
export function infra(input: ShapeInput): Json {
	const stack = `${input.service}-${input.env}`;
	const changeSet = 'pipeline-changeset';
	const stages: Json[] = [
		{name: 'Source', actions: [action('Source', 'Source', 'S3', {S3Bucket: `acme-templates-${input.accountId}`, S3ObjectKey: `${input.service}/template.zip`, PollForSourceChanges: 'false'}, {outputArtifacts: [{name: 'TemplateSource'}]})]},
		{name: 'Plan', actions: [action('CreateChangeSet', 'Deploy', 'CloudFormation', {ActionMode: 'CHANGE_SET_REPLACE', StackName: stack, ChangeSetName: changeSet, TemplatePath: 'TemplateSource::template.yaml', RoleArn: `arn:aws:iam::${input.accountId}:role/cfn-deploy`}, {inputArtifacts: [{name: 'TemplateSource'}]})]},
	];
	if (input.approval) stages.push({name: 'Review', actions: [approval(input, 'the change set')]});
	stages.push({name: 'Apply', actions: [action('ExecuteChangeSet', 'Deploy', 'CloudFormation', {ActionMode: 'CHANGE_SET_EXECUTE', StackName: stack, ChangeSetName: changeSet})]});
	return base(input, stages);
}

/** Build, deploy with CloudFormation, smoke test by invoking a Lambda function. V2. */
export function lambda(input: ShapeInput, mode: string): Json {
	return base(
		input,
		[
			{name: 'Source', actions: [githubSource(input)]},
			{name: 'Build', actions: [build('Build', `${input.service}-build`, 'SourceArtifact', 'BuildArtifact')]},
			{name: 'Deploy', actions: [action('DeployStack', 'Deploy', 'CloudFormation', {ActionMode: 'CREATE_UPDATE', StackName: `${input.name}`, TemplatePath: 'BuildArtifact::packaged.yaml', Capabilities: 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND', RoleArn: `arn:aws:iam::${input.accountId}:role/cfn-deploy`}, {inputArtifacts: [{name: 'BuildArtifact'}]})]},
			{name: 'Verify', actions: [action('SmokeTest', 'Invoke', 'Lambda', {FunctionName: `${input.service}-smoke-test`, UserParameters: `{"env":"${input.env}"}`})]},
		],
		{pipelineType: 'V2', executionMode: mode},
	);
}

/** An image pushed to ECR rolls out to ECS, optionally behind an approval. V2 PARALLEL. */
export function container(input: ShapeInput): Json {
	const stages: Json[] = [
		{name: 'Source', actions: [action('Image', 'Source', 'ECR', {RepositoryName: input.service, ImageTag: input.env === 'prod' ? 'release' : 'latest'}, {outputArtifacts: [{name: 'ImageArtifact'}]})]},
		{name: 'Build', actions: [build('Definitions', `${input.service}-imagedefinitions`, 'ImageArtifact', 'DefinitionsArtifact')]},
	];
	if (input.approval) stages.push({name: 'Approval', actions: [approval(input, 'the image')]});
	stages.push({name: 'Deploy', actions: [action('Rollout', 'Deploy', 'ECS', {ClusterName: `${input.env}-workers`, ServiceName: input.service, FileName: 'imagedefinitions.json'}, {inputArtifacts: [{name: 'DefinitionsArtifact'}]})]});
	stages.push({name: 'Verify', actions: [action('SmokeTest', 'Invoke', 'Lambda', {FunctionName: `${input.service}-canary`})]});
	return base(input, stages, {pipelineType: 'V2', executionMode: 'PARALLEL'});
}
