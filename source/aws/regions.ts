/**
 * Which regions exist, from the AWS SDK's own partition data (the partitions.json it resolves
 * endpoints with, shipped inside @aws-sdk/core): `--region all` sweeps every region of a
 * profile's partition and follows the SDK as AWS adds regions, and a region that does not exist
 * is called that, with the closest real names, rather than met as "check the access keys".
 *
 * The SDK exports no list of its regions (only a matcher that accepts any name shaped like one),
 * so the data is read by path from the @aws-sdk/core that the CodePipeline client depends on.
 * Should a future SDK move the file, no region is called unknown, and `--region all` says why it
 * cannot sweep instead of sweeping nothing.
 */

import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

type Partition = {id: string; regionRegex: string; regions: Record<string, unknown>};

const PARTITIONS_FILE = join('dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

let loaded: Partition[] | null | undefined;

/** The SDK's partitions, read once; undefined when the file cannot be read. */
function partitions(): Partition[] | undefined {
	if (loaded === undefined) {
		try {
			const client = createRequire(import.meta.url).resolve('@aws-sdk/client-codepipeline/package.json');
			const core = dirname(createRequire(client).resolve('@aws-sdk/core/package.json'));
			const text = readFileSync(join(core, PARTITIONS_FILE), 'utf8');
			const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {partitions?: Partition[]};
			loaded = info.partitions?.length ? info.partitions : null;
		} catch {
			loaded = null;
		}
	}
	return loaded ?? undefined;
}

let known: Set<string> | undefined;

/** Every region name in the SDK's partitions (aws, aws-cn, aws-us-gov...), or undefined when it cannot be read. */
function knownRegions(): ReadonlySet<string> | undefined {
	const all = partitions();
	if (!all) return undefined;
	known ??= new Set(all.flatMap(partition => Object.keys(partition.regions)).filter(name => REGION.test(name)));
	return known;
}

function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length];
}

/** The known regions nearest to a name (fewest edits), nearest first. */
function closestRegions(region: string, count = 3): string[] {
	const regions = [...(knownRegions() ?? [])];
	return regions
		.map(name => ({name, far: distance(region, name)}))
		.sort((one, two) => one.far - two.far || one.name.localeCompare(two.name))
		.slice(0, count)
		.map(each => each.name);
}

/** `unknown region "x" (closest: a, b, c)` when the SDK's data says the region does not exist. */
export function unknownRegion(region: string): string | undefined {
	const regions = knownRegions();
	if (!regions || regions.has(region)) return undefined;
	const closest = closestRegions(region);
	return `unknown region "${region}": AWS has no such region${closest.length > 0 ? ` (closest: ${closest.join(', ')})` : ''}`;
}

/** The partition a region belongs to (by the partitions' region patterns), like the SDK's endpoint resolver; aws when none matches. */
function partitionFor(all: Partition[], region: string): Partition | undefined {
	return all.find(entry => region in entry.regions) ?? all.find(entry => new RegExp(entry.regionRegex).test(region)) ?? all.find(entry => entry.id === 'aws');
}

/**
 * The regions of the partition `region` belongs to, sorted. Pseudo-regions such as `aws-global`
 * (not matching the partition's region pattern) are left out.
 */
export async function partitionRegions(region: string): Promise<string[]> {
	const all = partitions();
	if (!all) throw new Error(`the AWS SDK's partition data is not where pipetop looks for it (${PARTITIONS_FILE})`);
	const entry = partitionFor(all, region);
	if (!entry) return [];
	const pattern = new RegExp(entry.regionRegex);
	return Object.keys(entry.regions)
		.filter(candidate => pattern.test(candidate))
		.sort();
}
