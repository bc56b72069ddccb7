/**
 * A CodeDeploy action's cause: GetDeployment's errorInformation as the headline, then the failed
 * targets (ListDeploymentTargets, BatchGetDeploymentTargets) with their lifecycle events, the
 * failed event's script, message and log tail.
 */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import {list, ms, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, line, summaryCause} from './lines.js';
import type {CauseContext} from './types.js';

/** BatchGetDeploymentTargets takes 25 ids at most; a cause needs the first failures, not all. */
const MAX_TARGETS = 25;

/** The target of any platform (instance, Lambda, ECS, CloudFormation): one shape for our needs. */
function targetOf(raw: unknown): Record<string, unknown> {
	const target = obj(raw);
	return obj(target.instanceTarget ?? target.lambdaTarget ?? target.ecsTarget ?? target.cloudFormationTarget);
}

function targetLines(target: Record<string, unknown>): CauseLine[] {
	const status = str(target.status) ?? '?';
	const failed = status === 'Failed';
	const lines: CauseLine[] = [line(`${str(target.targetId) ?? '?'}  ${status}`, {timestamp: ms(target.lastUpdatedAt), error: failed, failedPart: failed})];
	for (const raw of list(target.lifecycleEvents)) {
		const event = obj(raw);
		const eventFailed = str(event.status) === 'Failed';
		const diagnostics = obj(event.diagnostics);
		lines.push(line(`  ${str(event.lifecycleEventName) ?? '?'}  ${str(event.status) ?? '?'}`, {timestamp: ms(event.startTime), error: eventFailed, failedPart: failed}));
		if (!eventFailed) continue;
		lines.push(line(`    ${str(diagnostics.errorCode) ?? ''} ${str(diagnostics.scriptName) ?? ''}: ${str(diagnostics.message) ?? ''}`.trimEnd(), {failedPart: true}));
		for (const tail of (str(diagnostics.logTail) ?? '').split('\n').filter(Boolean)) lines.push(line(`    ${tail}`, {failedPart: true, error: tail.startsWith('[stderr]')}));
	}
	return lines;
}

export async function codeDeployCause({subject, read}: CauseContext): Promise<Cause> {
	const deploymentId = subject.externalExecutionId;
	if (!deploymentId) return summaryCause(subject, 'CodeDeploy started no deployment for this run');
	const info = obj((await read('GetDeployment', (api, signal) => api.getDeployment(deploymentId, {signal}))).deploymentInfo);
	const error = obj(info.errorInformation);
	const ids = list((await read('ListDeploymentTargets', (api, signal) => api.listDeploymentTargets({deploymentId}, {signal}))).targetIds).filter((id): id is string => typeof id === 'string');
	const targets =
		ids.length === 0 ? [] : list((await read('BatchGetDeploymentTargets', (api, signal) => api.batchGetDeploymentTargets({deploymentId, targetIds: ids.slice(0, MAX_TARGETS)}, {signal}))).deploymentTargets).map(targetOf);
	// The failed targets first: they are the answer.
	targets.sort((a, b) => Number(str(b.status) === 'Failed') - Number(str(a.status) === 'Failed'));
	const firstFailure = targets.flatMap(target => list(target.lifecycleEvents).map(event => ({target, event: obj(event)}))).find(each => str(each.event.status) === 'Failed');
	const overview = obj(info.deploymentOverview);
	const counts = ['Succeeded', 'Failed', 'Skipped', 'InProgress', 'Pending'].map(key => `${key} ${typeof overview[key] === 'number' ? overview[key] : 0}`).join(', ');
	const details = [`deployment ${deploymentId} (${str(info.applicationName) ?? '?'} / ${str(info.deploymentGroupName) ?? '?'}): ${str(info.status) ?? '?'}; targets: ${counts}`];
	if (firstFailure) {
		const diagnostics = obj(firstFailure.event.diagnostics);
		details.push(`${str(firstFailure.target.targetId) ?? '?'} failed ${str(firstFailure.event.lifecycleEventName) ?? '?'}: ${str(diagnostics.message) ?? str(diagnostics.errorCode) ?? ''}`);
	}
	details.push(...actionFacts(subject));
	return {
		provider: 'CodeDeploy',
		linesTitle: `Targets of ${deploymentId} and their lifecycle events`,
		headline: str(error.code) ? `${str(error.code)}: ${str(error.message) ?? ''}` : `deployment ${deploymentId} ${str(info.status) ?? ''}`.trim(),
		details,
		lines: targets.flatMap(targetLines),
		links: actionLinks(subject),
	};
}
