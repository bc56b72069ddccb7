/**
 * Which regions exist, from the AWS SDK's own partition data (the partitions.json it resolves
 * endpoints with, shipped inside @aws-sdk/core), so that a region that does not exist is called
 * that, with the closest real names, rather than met as "check the access keys" or a DNS error.
 *
 * The SDK exports no list of its regions, only a matcher that accepts any name shaped like one;
 * the data is read from its file. Should a future SDK move the file, nothing is claimed: no
 * region is then called unknown.
 */

import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

const DATA = join('dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

let known: Set<string> | null | undefined;

type PartitionsInfo = {partitions: Array<{regions: Record<string, unknown>}>};

/** Every region name in the SDK's partitions (aws, aws-cn, aws-us-gov...), or undefined when it cannot be read. */
export function knownRegions(): ReadonlySet<string> | undefined {
	if (known === undefined) {
		try {
			const root = dirname(createRequire(import.meta.url).resolve('@aws-sdk/core/package.json'));
			const text = readFileSync(join(root, DATA), 'utf8');
			const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as PartitionsInfo;
			known = new Set(info.partitions.flatMap(partition => Object.keys(partition.regions)).filter(name => REGION.test(name)));
			if (known.size === 0) known = null;
		} catch {
			known = null;
		}
	}
	return known ?? undefined;
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
export function closestRegions(region: string, count = 3): string[] {
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
