/**
 * The benchmark fleets: N accounts x M regions x P pipelines of one plain shape
 * (Source -> Build -> Deploy), with names that say where each pipeline lives so a shell loop,
 * a log line or a frame can be checked at a glance.
 *
 * `runningShare` sets how many pipelines run at any moment: each run lasts RUN_SECONDS and
 * starts come every RUN_SECONDS / share (the world jitters them +-30% and spreads the first
 * ones over one period), so after the first RUN_SECONDS about `share` of the fleet is running.
 */

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/** How long one execution takes, split over its actions (seconds of the sim's clock). */
export const RUN_SECONDS = 150;
const BEHAVIOUR = {'Source/Checkout': {seconds: 10}, 'Build/Compile': {seconds: 100}, 'Deploy/Ship': {seconds: 40}};

function action(name, category, provider, extra = {}) {
	return {name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, runOrder: 1, ...extra};
}

function definition(name, accountId) {
	return {
		pipeline: {
			name,
			roleArn: `arn:aws:iam::${accountId}:role/pipeline`,
			artifactStore: {type: 'S3', location: `artifacts-${accountId}`},
			stages: [
				{name: 'Source', actions: [action('Checkout', 'Source', 'CodeCommit', {configuration: {RepositoryName: name, BranchName: 'main'}, outputArtifacts: [{name: 'Src'}]})]},
				{name: 'Build', actions: [action('Compile', 'Build', 'CodeBuild', {configuration: {ProjectName: `${name}-build`}, inputArtifacts: [{name: 'Src'}], outputArtifacts: [{name: 'Out'}]})]},
				{name: 'Deploy', actions: [action('Ship', 'Deploy', 'CodeDeploy', {configuration: {ApplicationName: name, DeploymentGroupName: 'main'}, inputArtifacts: [{name: 'Out'}]})]},
			],
		},
	};
}

/** `svc-0042-a1-euw1`: index, account and a short region, unique across the fleet. */
export function pipelineName(index, account, region) {
	const short = region
		.split('-')
		.map(part => part[0])
		.join('') + region.at(-1);
	return `svc-${String(index).padStart(4, '0')}-a${account}-${short}`;
}

/**
 * @param {{accounts?: number, regions?: number, perSource?: number, runningShare?: number, history?: number}} options
 * runningShare 0 (default): nothing ever starts, the fleet is quiet.
 */
export function fleetScenario(options = {}) {
	const accountCount = options.accounts ?? 4;
	const regions = REGIONS.slice(0, options.regions ?? 5);
	const perSource = options.perSource ?? 100;
	const share = options.runningShare ?? 0;
	const accounts = [];
	const pipelines = [];
	for (let a = 0; a < accountCount; a++) {
		const account = {profile: `bench${a}`, accountId: String(210000000000 + a * 1111), regions};
		accounts.push(account);
		for (const region of regions) {
			for (let index = 0; index < perSource; index++) {
				const name = pipelineName(index, a, region);
				pipelines.push({
					profile: account.profile,
					region,
					definition: definition(name, account.accountId),
					behaviour: BEHAVIOUR,
					// One finished run each, so every row has a latest execution (the engine reads it).
					history: options.history ?? 1,
					...(share > 0 && {startEverySeconds: Math.round(RUN_SECONDS / share)}),
				});
			}
		}
	}
	return {accounts, pipelines};
}

/** Pipelines in the scenario, and the calls a perfect client needs to load them. */
export function fleetSize(options = {}) {
	const sources = (options.accounts ?? 4) * (options.regions ?? 5);
	const perSource = options.perSource ?? 100;
	return {sources, perSource, pipelines: sources * perSource};
}
