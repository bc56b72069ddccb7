/**
 * An ECS service as DescribeServices shows it, derived from the runs of the pipeline actions that
 * deploy it: each run is one deployment (its external id), the latest is PRIMARY. A failed run's
 * deployment is rolled back by the circuit breaker, and the service's events say why tasks died.
 */

import {Rng} from '../random.js';
import {seconds} from '../time.js';
import type {ActionRun} from '../model.js';

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
	return value;
}

type Event = {at: number; message: string};

function eventsOfRun(run: ActionRun, service: string): Event[] {
	const rng = new Rng(hash(run.id) ^ 0xec5);
	const span = Math.max(1000, run.lastUpdateTime - run.startTime);
	const at = (share: number) => Math.floor(run.startTime + span * share);
	const task = () => rng.hex(32);
	const deployment = run.externalId ?? 'ecs-svc/0';
	if (run.status === 'Failed') {
		const first = task();
		const second = task();
		return [
			{at: at(0.1), message: `(service ${service}) has started 2 tasks: (task ${first}) (task ${second}).`},
			{at: at(0.35), message: `(service ${service}) has stopped 2 running tasks: (task ${first}) (task ${second}).`},
			{at: at(0.36), message: `(service ${service}, taskSet ${deployment}) task ${first} stopped: Essential container in task exited (exit code 1: Error: connect ECONNREFUSED 10.0.12.7:5432).`},
			{at: at(0.6), message: `(service ${service}) (deployment ${deployment}) deployment failed: tasks failed to start.`},
			{at: at(0.8), message: `(service ${service}) rolling back to deployment ${deployment.replace(/\d{4}$/, '0000')}.`},
			{at: at(0.98), message: `(service ${service}) has reached a steady state.`},
		];
	}
	if (run.status === 'Succeeded') return [{at: at(0.2), message: `(service ${service}) has started 2 tasks: (task ${task()}) (task ${task()}).`}, {at: at(0.95), message: `(service ${service}) has reached a steady state.`}];
	return [{at: at(0.05), message: `(service ${service}) has started 1 tasks: (task ${task()}).`}];
}

export function serviceView(runs: ActionRun[], cluster: string, service: string, region: string, accountId: string, now: number): Record<string, unknown> {
	const latest = runs[0];
	const failed = latest.status === 'Failed';
	const clusterArn = `arn:aws:ecs:${region}:${accountId}:cluster/${cluster}`;
	const events = runs
		.slice(0, 10)
		.flatMap(run => eventsOfRun(run, service))
		.filter(event => event.at <= now)
		.sort((a, b) => b.at - a.at)
		.map(event => ({id: new Rng(hash(`${event.at}${event.message}`)).uuid(), createdAt: seconds(event.at), message: event.message}));
	const family = `${service}:${runs.length}`;
	return {
		serviceArn: `arn:aws:ecs:${region}:${accountId}:service/${cluster}/${service}`,
		serviceName: service,
		clusterArn,
		status: 'ACTIVE',
		desiredCount: 2,
		runningCount: 2,
		pendingCount: 0,
		launchType: 'FARGATE',
		taskDefinition: `arn:aws:ecs:${region}:${accountId}:task-definition/${failed ? `${service}:${runs.length - 1}` : family}`,
		deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}, maximumPercent: 200, minimumHealthyPercent: 100},
		deployments: [
			{
				id: latest.externalId,
				status: 'PRIMARY',
				taskDefinition: `arn:aws:ecs:${region}:${accountId}:task-definition/${family}`,
				desiredCount: failed ? 0 : 2,
				pendingCount: 0,
				runningCount: failed ? 0 : 2,
				// As many as the action's error counts ("after 5 tasks failed to start").
				failedTasks: failed ? Number(/after (\d+) tasks/.exec(latest.error?.message ?? '')?.[1] ?? 2) : 0,
				createdAt: seconds(latest.startTime),
				updatedAt: seconds(latest.lastUpdateTime),
				launchType: 'FARGATE',
				rolloutState: latest.status === 'InProgress' ? 'IN_PROGRESS' : failed ? 'FAILED' : 'COMPLETED',
				rolloutStateReason: failed
					? 'ECS deployment circuit breaker: tasks failed to start.'
					: latest.status === 'InProgress'
						? 'ECS deployment in progress.'
						: 'ECS deployment completed.',
			},
		],
		events,
		createdAt: seconds(runs[runs.length - 1].startTime),
		schedulingStrategy: 'REPLICA',
	};
}
