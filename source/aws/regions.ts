/**
 * Every region of a partition, from the SDK's own partition data (the partitions.json that
 * @aws-sdk/core resolves endpoints with), so `--region all` follows the SDK as AWS adds regions.
 * The data is not exported by name, so it is read by path from the @aws-sdk/core that the
 * CodePipeline client itself depends on (no dependency of pipetop's own); if a future SDK moves
 * it, the caller gets a clear error instead of a silent empty sweep.
 */

import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';

type PartitionsInfo = {partitions: Array<{id: string; regionRegex: string; regions: Record<string, unknown>}>};

const PARTITIONS_FILE = join('dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');

let loaded: Promise<PartitionsInfo> | undefined;

async function partitionsInfo(): Promise<PartitionsInfo> {
	loaded ??= (async () => {
		const client = createRequire(import.meta.url).resolve('@aws-sdk/client-codepipeline/package.json');
		const core = dirname(createRequire(client).resolve('@aws-sdk/core/package.json'));
		const module = (await import(pathToFileURL(join(core, PARTITIONS_FILE)).href)) as {partitionsInfo?: PartitionsInfo};
		if (!module.partitionsInfo?.partitions) throw new Error(`the AWS SDK's partition data is not where pipetop looks for it (${PARTITIONS_FILE})`);
		return module.partitionsInfo;
	})();
	return loaded;
}

/** The partition a region belongs to (by the partitions' region patterns), like the SDK's endpoint resolver; aws when none matches. */
function partitionFor(info: PartitionsInfo, region: string): PartitionsInfo['partitions'][number] | undefined {
	return info.partitions.find(entry => region in entry.regions) ?? info.partitions.find(entry => new RegExp(entry.regionRegex).test(region)) ?? info.partitions.find(entry => entry.id === 'aws');
}

/**
 * The regions of the partition `region` belongs to, sorted. Pseudo-regions such as `aws-global`
 * (not matching the partition's region pattern) are left out.
 */
export async function partitionRegions(region: string): Promise<string[]> {
	const entry = partitionFor(await partitionsInfo(), region);
	if (!entry) return [];
	const pattern = new RegExp(entry.regionRegex);
	return Object.keys(entry.regions)
		.filter(candidate => pattern.test(candidate))
		.sort();
}
