/**
 * An ECS deploy's cause: DescribeServices of the action's cluster and service; the primary
 * deployment's rollout state and reason as the headline, then the service's events, oldest
 * first, those of the action's time window marked as the failed part.
 */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import {list, ms, num, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, isErrorText, line, summaryCause} from './lines.js';
import type {CauseContext} from './types.js';

export async function ecsCause({subject, read}: CauseContext): Promise<Cause> {
	const cluster = subject.configuration.ClusterName;
	const service = subject.configuration.ServiceName;
	if (!service) return summaryCause(subject, 'the action names no service (ServiceName)');
	const output = await read('DescribeServices', (api, signal) => api.describeServices({cluster: cluster ?? 'default', services: [service]}, {signal}));
	const found = obj(list(output.services)[0]);
	if (!str(found.serviceName)) {
		const failure = obj(list(output.failures)[0]);
		return summaryCause(subject, `ECS has no service ${service} in cluster ${cluster ?? 'default'}${str(failure.reason) ? ` (${str(failure.reason)})` : ''}`);
	}
	const deployments = list(found.deployments).map(obj);
	const deployment = deployments.find(each => str(each.id) === subject.externalExecutionId) ?? deployments.find(each => str(each.status) === 'PRIMARY') ?? {};
	const state = str(deployment.rolloutState);
	const from = subject.startTime ?? (subject.endTime === undefined ? undefined : subject.endTime - 30 * 60_000);
	const until = (subject.endTime ?? Number.MAX_SAFE_INTEGER) + 60_000;
	const lines: CauseLine[] = list(found.events)
		.map(obj)
		.map(event => ({time: ms(event.createdAt), message: str(event.message) ?? ''}))
		.reverse()
		.map(event => {
			const inWindow = event.time !== undefined && (from === undefined || event.time >= from) && event.time <= until;
			return line(event.message, {timestamp: event.time, error: isErrorText(event.message) || /stopped|exited|unhealthy|rolling back/i.test(event.message), failedPart: inWindow});
		});
	const counts = `desired ${num(found.desiredCount) ?? 0}, running ${num(found.runningCount) ?? 0}, pending ${num(found.pendingCount) ?? 0}`;
	return {
		provider: 'ECS',
		linesTitle: `Events of service ${service}`,
		headline: `deployment ${str(deployment.id) ?? '?'} rollout ${state ?? 'state unknown'}${str(deployment.rolloutStateReason) ? `: ${str(deployment.rolloutStateReason)}` : ''}`,
		details: [
			`service ${service} in ${cluster ?? 'default'}: ${counts}`,
			`task definition ${str(deployment.taskDefinition) ?? '?'}, failed tasks ${num(deployment.failedTasks) ?? 0}`,
			...actionFacts(subject),
		],
		lines,
		links: actionLinks(subject),
	};
}
