/**
 * Checks a scenario's shape and cross-references (profiles, regions, behaviour keys) and every
 * pipeline definition, with messages that say which pipeline and what is wrong. Used by
 * loadScenario (with the file name in front) and by createWorld for scenarios built in code.
 */

import type {Scenario} from '../contract.js';
import {SimError} from '../contract.js';
import {parseDeclaration} from '../world/declaration.js';
import type {PipelineDeclaration} from '../world/model.js';
import {isOptInRegion, partitionOf} from '../regions.js';
import {fillRoleArnAccounts} from './role-arns.js';
import type {WorldScenarioPipeline} from './types.js';
import {checkEvents} from './validate-events.js';

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

function describe(error: unknown): string {
	if (error instanceof SimError) return `${error.code}: ${error.message}`;
	return error instanceof Error ? error.message : String(error);
}

/** `optInRegions`: opt-in regions of the account's own partition (a default region needs no enabling). */
function checkOptInRegions(account: Record<string, unknown>, label: string, fail: (message: string) => never): void {
	if (account.optInRegions === undefined) return;
	if (!Array.isArray(account.optInRegions)) fail(`${label}.optInRegions must be an array of opt-in region names like "af-south-1"`);
	const home = partitionOf((account.regions as string[])[0]);
	for (const region of account.optInRegions as unknown[]) {
		if (typeof region !== 'string' || !isOptInRegion(region)) fail(`${label}.optInRegions: ${JSON.stringify(region)} is not an opt-in region (default regions are enabled in every account)`);
		if (partitionOf(region as string) !== home) fail(`${label}.optInRegions: ${region} is not in the partition of the account's region ${(account.regions as string[])[0]}`);
	}
}

/** Throws Error naming the first problem found. `where` prefixes messages (e.g. the file name). */
export function validateScenario(value: unknown, where = 'scenario'): asserts value is Scenario {
	checkScenario(value, where);
}

/** validateScenario that also returns each pipeline's parsed declaration (so they are parsed once). */
export function checkScenario(value: unknown, where = 'scenario', filledRoleArns: string[] = []): PipelineDeclaration[] {
	const declarations: PipelineDeclaration[] = [];
	const fail = (message: string): never => {
		throw new Error(`${where}: ${message}`);
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('must be a JSON object with "accounts" and "pipelines"');
	const scenario = value as Record<string, unknown>;
	if (!Array.isArray(scenario.accounts) || scenario.accounts.length === 0) fail('"accounts" must be a non-empty array');
	if (!Array.isArray(scenario.pipelines)) fail('"pipelines" must be an array');
	const regionsOf = new Map<string, string[]>();
	const accountIdOf = new Map<string, string>();
	const ids = new Set<string>();
	(scenario.accounts as unknown[]).forEach((entry, index) => {
		const account = entry as Record<string, unknown>;
		const label = `accounts[${index}]`;
		if (typeof account !== 'object' || account === null) fail(`${label} must be an object`);
		if (typeof account.profile !== 'string' || !/^[A-Za-z0-9_.@+-]+$/.test(account.profile)) fail(`${label}.profile must be a profile name (letters, digits, _ . @ + -)`);
		if (typeof account.accountId !== 'string' || !/^\d{12}$/.test(account.accountId)) fail(`${label}.accountId must be 12 digits`);
		if (!Array.isArray(account.regions) || account.regions.length === 0 || account.regions.some(region => typeof region !== 'string' || !REGION_PATTERN.test(region))) {
			fail(`${label}.regions must be a non-empty array of region names like "us-east-1"`);
		}
		checkOptInRegions(account, label, fail);
		if (regionsOf.has(account.profile as string)) fail(`${label}.profile "${account.profile}" is used twice`);
		if (ids.has(account.accountId as string)) fail(`${label}.accountId ${account.accountId} is used twice`);
		regionsOf.set(account.profile as string, account.regions as string[]);
		accountIdOf.set(account.profile as string, account.accountId as string);
		ids.add(account.accountId as string);
	});
	const names = new Set<string>();
	(scenario.pipelines as unknown[]).forEach((entry, index) => {
		const pipeline = entry as WorldScenarioPipeline;
		let label = `pipelines[${index}]`;
		if (typeof pipeline !== 'object' || pipeline === null) fail(`${label} must be an object`);
		const regions = regionsOf.get(pipeline.profile);
		if (!regions) fail(`${label}.profile "${String(pipeline.profile)}" is not one of the accounts' profiles`);
		if (!regions?.includes(pipeline.region)) fail(`${label}.region "${String(pipeline.region)}" is not one of profile ${pipeline.profile}'s regions (${regions?.join(', ')})`);
		if (!pipeline.definition) fail(`${label} needs "definition" (or "definitionFile" in a scenario file)`);
		const {definition, filled} = fillRoleArnAccounts(pipeline.definition as {pipeline?: {name?: unknown}}, accountIdOf.get(pipeline.profile) as string);
		if (typeof definition.pipeline?.name === 'string') label += ` (${definition.pipeline.name})`;
		if (filled) filledRoleArns.push(typeof definition.pipeline?.name === 'string' ? definition.pipeline.name : label);
		try {
			const declaration = parseDeclaration(definition as Record<string, unknown>, 1, pipeline.region);
			declarations.push(declaration);
			const key = `${pipeline.profile}/${pipeline.region}/${declaration.name}`;
			if (names.has(key)) fail(`${label}: a pipeline named ${declaration.name} already exists in ${pipeline.profile} ${pipeline.region}`);
			names.add(key);
			for (const [action, behaviour] of Object.entries(pipeline.behaviour ?? {})) {
				const [stageName, actionName] = action.split('/');
				const stage = declaration.stages.find(candidate => candidate.name === stageName);
				// "Stage/beforeEntry" times the stage's entry condition (execution/conditions.ts).
				const entryCondition = actionName === 'beforeEntry' && stage?.beforeEntry !== undefined && !stage.actions.some(candidate => candidate.name === actionName);
				if (!entryCondition && !stage?.actions.some(candidate => candidate.name === actionName)) {
					fail(`${label}.behaviour key "${action}" names no action (use "Stage/Action", or "Stage/beforeEntry" for a stage with an entry condition)`);
				}
				if (behaviour.seconds !== undefined && !(typeof behaviour.seconds === 'number' && behaviour.seconds > 0)) fail(`${label}.behaviour["${action}"].seconds must be a positive number`);
				if (behaviour.outcomes !== undefined && (!Array.isArray(behaviour.outcomes) || behaviour.outcomes.some(outcome => outcome !== 'Succeeded' && outcome !== 'Failed'))) {
					fail(`${label}.behaviour["${action}"].outcomes must be an array of "Succeeded" / "Failed"`);
				}
			}
			for (const transition of pipeline.transitions ?? []) {
				if (!declaration.stages.some(stage => stage.name === transition.stage)) fail(`${label}.transitions: stage "${transition.stage}" does not exist`);
				if (typeof transition.reason !== 'string' || !/^[a-zA-Z0-9!@ ().*?-]{1,300}$/.test(transition.reason)) fail(`${label}.transitions: reason must be 1-300 characters of [a-zA-Z0-9!@ ().*?-]`);
			}
		} catch (error) {
			if (error instanceof Error && error.message.startsWith(where)) throw error;
			fail(`${label}.definition is not a valid pipeline: ${describe(error)}`);
		}
		if (pipeline.startEverySeconds !== undefined && !(typeof pipeline.startEverySeconds === 'number' && pipeline.startEverySeconds > 0)) fail(`${label}.startEverySeconds must be a positive number`);
		if (pipeline.history !== undefined && !(Number.isInteger(pipeline.history) && pipeline.history >= 0)) fail(`${label}.history must be a whole number >= 0`);
	});
	checkPushes(scenario.pushes, fail);
	checkEvents(scenario.events, scenario.accounts as Array<{profile: string; accountId: string; regions: string[]}>, fail);
	return declarations;
}

/** `pushes`: [{repository, branch?, afterSeconds, commitId?, message?}] (types.ts). */
function checkPushes(value: unknown, fail: (message: string) => never): void {
	if (value === undefined) return;
	if (!Array.isArray(value)) fail('"pushes" must be an array of {repository, branch?, afterSeconds, commitId?, message?}');
	(value as unknown[]).forEach((entry, index) => {
		const push = entry as Record<string, unknown>;
		const label = `pushes[${index}]`;
		if (typeof push !== 'object' || push === null) fail(`${label} must be an object`);
		if (typeof push.repository !== 'string' || push.repository === '') fail(`${label}.repository must name a repository as the source action does (owner/repo or a CodeCommit name)`);
		if (push.branch !== undefined && (typeof push.branch !== 'string' || push.branch === '')) fail(`${label}.branch must be a branch name`);
		if (typeof push.afterSeconds !== 'number' || !Number.isFinite(push.afterSeconds)) fail(`${label}.afterSeconds must be a number (negative: before the scenario opens)`);
		if (push.commitId !== undefined && (typeof push.commitId !== 'string' || !/^[0-9a-f]{40}$/.test(push.commitId))) fail(`${label}.commitId must be 40 lowercase hex digits`);
		if (push.message !== undefined && typeof push.message !== 'string') fail(`${label}.message must be text`);
	});
}
