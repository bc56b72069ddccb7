/**
 * `pipetop events template [--org-id o-...] [--consumers a,b] [--regions x,y] [--member] [--json]`:
 * prints the change feed's AWS setup as a CloudFormation template (YAML, or JSON with --json):
 * the central one by default, the member accounts' one with --member. Nothing is read or sent.
 */

import {splitList, type CommandContext} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';
import {centralTemplate, logicalName, memberTemplate} from './feed-template.js';
import {toYaml} from './yaml.js';

const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;
/** The queue is named `pipetop-NAME`: SQS allows 80 characters of letters, digits, - and _. */
const CONSUMER = /^[A-Za-z0-9_-]{1,72}$/;

function consumersOf(value: string | undefined): string[] {
	const consumers = value === undefined ? ['events'] : splitList(value);
	if (consumers.length === 0) throw new UsageError('--consumers needs at least one name, e.g. --consumers alice,bob');
	const logical = new Map<string, string>();
	for (const consumer of consumers) {
		if (!CONSUMER.test(consumer)) throw new UsageError(`--consumers: "${consumer}" cannot name a queue (letters, digits, - and _, at most 72)`);
		const name = logicalName(consumer);
		const twin = logical.get(name.toLowerCase());
		if (twin !== undefined) throw new UsageError(`--consumers: "${twin}" and "${consumer}" are too alike (both become ${name})`);
		logical.set(name.toLowerCase(), consumer);
	}
	return consumers;
}

export async function runEventsTemplate(context: CommandContext): Promise<number> {
	if (context.args.length > 0) throw new UsageError(`events template takes no arguments (got "${context.args.join(' ')}")`);
	const {orgId, member} = context.flags;
	if (orgId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(orgId)) throw new UsageError(`--org-id "${orgId}" is not an organisation id like o-a1b2c3d4e5`);
	const regions = splitList(context.flags.regions);
	const wrong = regions.find(region => !REGION.test(region));
	if (wrong) throw new UsageError(`--regions: "${wrong}" is not a region name like eu-west-1`);
	const template = member ? memberTemplate() : centralTemplate({orgId, consumers: consumersOf(context.flags.consumers), regions});
	context.stdout.write(context.flags.json ? `${JSON.stringify(template, null, 2)}\n` : toYaml(template));
	return 0;
}
