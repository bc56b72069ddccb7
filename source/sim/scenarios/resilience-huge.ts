/**
 * Scenarios for resilience tests: pipelines at AWS's own limits (50 stages of 50 actions each,
 * names of 100 characters), next to ordinary ones, so a test can check that the giant is shown
 * as well as a terminal allows and the rest are not slowed down or hidden by it.
 */

import type {Scenario, ScenarioPipeline} from '../contract.js';

const HUGE_ACCOUNT = {profile: 'huge', accountId: '999988887777', regions: ['eu-west-1']};

/** A valid name of exactly `length` characters (AWS allows 100). */
export function longValidName(prefix: string, length = 100): string {
	const filler = '.abcdefghij-0123456789_';
	let name = prefix;
	for (let index = 0; name.length < length; index++) name += filler[index % filler.length];
	return name.slice(0, length);
}

function action(name: string, category: string, provider: string, runOrder: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {name, runOrder, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration: provider === 'Lambda' ? {FunctionName: `fn-${name.toLowerCase()}`} : {}, ...extra};
}

/** Two digits, so stage and action names sort as they are ordered. */
const two = (index: number) => String(index).padStart(2, '0');

/** A pipeline of `stages` stages with `actions` actions each (the first stage holds the source actions). */
function hugeDefinition(name: string, accountId: string, region: string, stages = 50, actions = 50): NonNullable<ScenarioPipeline['definition']> {
	const declared: Array<Record<string, unknown>> = [];
	const sourceActions = [];
	for (let index = 1; index <= actions; index++) {
		sourceActions.push(action(longValidName(`Checkout${two(index)}-`, 40), 'Source', 'S3', 1, {configuration: {S3Bucket: 'huge-src', S3ObjectKey: `src/${index}.zip`}, outputArtifacts: [{name: `Src${two(index)}`}]}));
	}
	declared.push({name: 'Source', actions: sourceActions});
	for (let stage = 2; stage <= stages; stage++) {
		const list = [];
		// runOrders 1-5, so each stage shows parallel groups in sequence.
		for (let index = 1; index <= actions; index++) list.push(action(`S${two(stage)}A${two(index)}`, 'Invoke', 'Lambda', 1 + ((index - 1) % 5)));
		declared.push({name: longValidName(`Stage${two(stage)}-`, stage === stages ? 100 : 30), actions: list});
	}
	return {pipeline: {name, roleArn: `arn:aws:iam::${accountId}:role/huge`, artifactStore: {type: 'S3', location: `huge-${accountId}-${region}`}, stages: declared}};
}

/** One account with a 50x50 pipeline named with 100 characters, and `ordinary` small pipelines beside it. */
export function hugeScenario(options: {ordinary?: number; stages?: number; actions?: number} = {}): Scenario {
	const region = HUGE_ACCOUNT.regions[0];
	const pipelines: ScenarioPipeline[] = [
		{profile: HUGE_ACCOUNT.profile, region, definition: hugeDefinition(longValidName('giant-'), HUGE_ACCOUNT.accountId, region, options.stages, options.actions), history: 1, behaviour: {}},
	];
	for (let index = 0; index < (options.ordinary ?? 3); index++) {
		const name = `small-${index}`;
		pipelines.push({
			profile: HUGE_ACCOUNT.profile,
			region,
			history: 2,
			definition: {
				pipeline: {
					name,
					roleArn: `arn:aws:iam::${HUGE_ACCOUNT.accountId}:role/small`,
					artifactStore: {type: 'S3', location: `small-${HUGE_ACCOUNT.accountId}`},
					stages: [
						{name: 'Source', actions: [action('Checkout', 'Source', 'S3', 1, {configuration: {S3Bucket: 'small', S3ObjectKey: 'src.zip'}, outputArtifacts: [{name: 'Src'}]})]},
						{name: 'Deploy', actions: [action('Ship', 'Invoke', 'Lambda', 1)]},
					],
				},
			},
		});
	}
	return {accounts: [{...HUGE_ACCOUNT, regions: [...HUGE_ACCOUNT.regions]}], pipelines};
}
