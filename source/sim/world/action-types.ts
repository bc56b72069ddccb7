/**
 * The action types ListActionTypes reports: the AWS and ThirdParty providers the sim runs (see
 * providers.ts), with their main configuration properties and artifact counts as the user guide's
 * action structure reference gives them (counts capped at 5, the model's ArtifactDetails maximum).
 * The same in every region; no account has custom action types.
 */

type Property = {name: string; required: boolean; key: boolean; secret: boolean; queryable?: boolean; description?: string; type?: 'String' | 'Number' | 'Boolean'};
type Counts = [minimum: number, maximum: number];
type Entry = {category: string; owner: 'AWS' | 'ThirdParty'; provider: string; version?: string; input: Counts; output: Counts; properties: Property[]; settings?: Record<string, string>};

const property = (name: string, required: boolean, extra: Partial<Property> = {}): Property => ({name, required, key: required, secret: false, type: 'String', ...extra});

const CATALOG: Entry[] = [
	{category: 'Source', owner: 'AWS', provider: 'CodeCommit', input: [0, 0], output: [1, 1], properties: [property('RepositoryName', true), property('BranchName', true), property('PollForSourceChanges', false, {type: 'Boolean'}), property('OutputArtifactFormat', false)]},
	{category: 'Source', owner: 'AWS', provider: 'S3', input: [0, 0], output: [1, 1], properties: [property('S3Bucket', true), property('S3ObjectKey', true), property('PollForSourceChanges', false, {type: 'Boolean'})]},
	{category: 'Source', owner: 'AWS', provider: 'ECR', input: [0, 0], output: [1, 1], properties: [property('RepositoryName', true), property('ImageTag', false)]},
	{category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', input: [0, 0], output: [1, 1], properties: [property('ConnectionArn', true), property('FullRepositoryId', true), property('BranchName', true), property('OutputArtifactFormat', false), property('DetectChanges', false, {type: 'Boolean'})]},
	{category: 'Source', owner: 'ThirdParty', provider: 'GitHub', input: [0, 0], output: [1, 1], properties: [property('Owner', true), property('Repo', true), property('Branch', true), property('OAuthToken', true, {key: false, secret: true}), property('PollForSourceChanges', false, {type: 'Boolean'})], settings: {thirdPartyConfigurationUrl: 'https://github.com/marketplace'}},
	{category: 'Build', owner: 'AWS', provider: 'CodeBuild', input: [1, 5], output: [0, 5], properties: [property('ProjectName', true, {queryable: true}), property('PrimarySource', false), property('EnvironmentVariables', false), property('BatchEnabled', false, {type: 'Boolean'})]},
	{category: 'Test', owner: 'AWS', provider: 'CodeBuild', input: [1, 5], output: [0, 5], properties: [property('ProjectName', true, {queryable: true}), property('PrimarySource', false), property('EnvironmentVariables', false)]},
	{category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', input: [1, 1], output: [0, 0], properties: [property('ApplicationName', true), property('DeploymentGroupName', true)]},
	{category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', input: [0, 5], output: [0, 1], properties: [property('ActionMode', true), property('StackName', true), property('ChangeSetName', false), property('TemplatePath', false), property('Capabilities', false), property('RoleArn', false), property('ParameterOverrides', false)]},
	{category: 'Deploy', owner: 'AWS', provider: 'ECS', input: [1, 1], output: [0, 0], properties: [property('ClusterName', true), property('ServiceName', true), property('FileName', false)]},
	{category: 'Deploy', owner: 'AWS', provider: 'S3', input: [1, 1], output: [0, 0], properties: [property('BucketName', true), property('Extract', true, {key: false, type: 'Boolean'}), property('ObjectKey', false)]},
	{category: 'Approval', owner: 'AWS', provider: 'Manual', input: [0, 0], output: [0, 0], properties: [property('NotificationArn', false), property('CustomData', false), property('ExternalEntityLink', false)]},
	{category: 'Invoke', owner: 'AWS', provider: 'Lambda', input: [0, 5], output: [0, 5], properties: [property('FunctionName', true), property('UserParameters', false)]},
	{category: 'Invoke', owner: 'AWS', provider: 'StepFunctions', input: [0, 1], output: [0, 1], properties: [property('StateMachineArn', true), property('ExecutionNamePrefix', false), property('InputType', false), property('Input', false)]},
];

/** ActionType shapes, in catalog order, for owners matching `owner` (all when undefined). */
export function actionTypes(owner: string | undefined): Array<Record<string, unknown>> {
	return CATALOG.filter(entry => owner === undefined || entry.owner === owner).map(entry => ({
		id: {category: entry.category, owner: entry.owner, provider: entry.provider, version: entry.version ?? '1'},
		...(entry.settings ? {settings: {...entry.settings}} : {}),
		actionConfigurationProperties: entry.properties.map(item => ({...item})),
		inputArtifactDetails: {minimumCount: entry.input[0], maximumCount: entry.input[1]},
		outputArtifactDetails: {minimumCount: entry.output[0], maximumCount: entry.output[1]},
	}));
}
