/** ECS DescribeServices: the services the pipelines' ECS deploy actions roll out to. */

import {SimError} from '../../contract.js';
import {serviceView} from '../why/ecs-service.js';
import {configOf, runsWhere} from '../why/runs.js';
import type {Handler} from './call.js';

/** `name` or an ARN's last part (`arn:aws:ecs:r:a:cluster/name`, `.../service/cluster/name`). */
const nameOf = (value: string) => value.split('/').pop() ?? value;

export const describeServices: Handler = (call, input) => {
	const services = input.services;
	if (!Array.isArray(services) || services.length === 0 || services.length > 10) throw new SimError('InvalidParameterException', 'services must contain between 1 and 10 service names or ARNs.');
	const cluster = nameOf(typeof input.cluster === 'string' && input.cluster !== '' ? input.cluster : 'default');
	const ecsRuns = runsWhere(call.regionState, run => run.action.actionTypeId.provider === 'ECS' && configOf(run, 'ClusterName') === cluster);
	if (ecsRuns.length === 0) throw new SimError('ClusterNotFoundException', 'Cluster not found.');
	const {region, accountId} = call.regionState;
	const found: unknown[] = [];
	const failures: unknown[] = [];
	for (const service of services) {
		const name = nameOf(String(service));
		const runs = ecsRuns.filter(({run}) => configOf(run, 'ServiceName') === name).map(({run}) => run);
		if (runs.length === 0) failures.push({arn: `arn:aws:ecs:${region}:${accountId}:service/${cluster}/${name}`, reason: 'MISSING'});
		else found.push(serviceView(runs, cluster, name, region, accountId, call.now));
	}
	return {services: found, failures};
};
