/**
 * Which regions answer an account's calls, as the AWS Account Management guide ("Specify which
 * AWS Regions your account can use") has it: regions launched before 20 March 2019 are enabled in
 * every account of their partition and cannot be disabled; regions launched later are opt-in and
 * refuse the account's keys (UnrecognizedClientException) until the account enables them.
 *
 * A list typed here on purpose: the SDK's partition data names the regions but not which are
 * opt-in, and the sim imports nothing from the app's AWS layer.
 */

type Partition = {defaults: readonly string[]; optIn: readonly string[]};

const PARTITIONS: Record<string, Partition> = {
	aws: {
		defaults: [
			'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
			'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
			'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
		],
		optIn: [
			'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
			'ap-southeast-6', 'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1',
			'me-central-1', 'me-south-1', 'me-west-1', 'mx-central-1', 'sa-west-1',
		],
	},
	'aws-cn': {defaults: ['cn-north-1', 'cn-northwest-1'], optIn: []},
	'aws-us-gov': {defaults: ['us-gov-west-1', 'us-gov-east-1'], optIn: []},
};

/** The partition a region belongs to, or undefined for a name AWS does not have. */
export function partitionOf(region: string): string | undefined {
	for (const [name, partition] of Object.entries(PARTITIONS)) {
		if (partition.defaults.includes(region) || partition.optIn.includes(region)) return name;
	}
	return undefined;
}

export function isOptInRegion(region: string): boolean {
	return Object.values(PARTITIONS).some(partition => partition.optIn.includes(region));
}

/** The regions enabled in every account of a partition. */
function defaultRegions(partition: string): readonly string[] {
	return PARTITIONS[partition]?.defaults ?? [];
}

export type RegionHolder = {regions: readonly string[]; optInRegions?: readonly string[]};

/**
 * Whether the account's keys are good in a region: a region the account works in (a scenario
 * that puts pipelines in an opt-in region has enabled it), an opt-in region it enabled, or any
 * default region of its partition (the partition of its first region). Keys of one partition are
 * never valid in another, and a made-up region name answers nothing.
 */
export function regionOpen(account: RegionHolder, region: string): boolean {
	if (account.regions.includes(region) || account.optInRegions?.includes(region)) return true;
	const home = account.regions[0] === undefined ? undefined : partitionOf(account.regions[0]);
	return home !== undefined && defaultRegions(home).includes(region);
}
