/**
 * A CodeDeploy deployment, derived from the pipeline run that made it: three EC2 instances going
 * through the in-place lifecycle events. A failed run fails ApplicationStart on the first
 * instance with the script's log tail, ValidateService on the second, and skips the third, which
 * is what "too many individual instances failed" means.
 */

import {Rng} from '../random.js';
import {seconds} from '../time.js';
import type {ActionRun} from '../model.js';

const EVENTS = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

type Failure = {at: string; scriptName: string; message: string; logTail: string};

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
	return value;
}

export function instanceIds(run: ActionRun): string[] {
	const rng = new Rng(hash(run.id) ^ 0xc0de);
	return [0, 1, 2].map(() => `i-0${rng.hex(16)}`);
}

function failureOf(index: number, app: string): Failure | 'skipped' | undefined {
	if (index === 0) {
		return {
			at: 'ApplicationStart',
			scriptName: 'scripts/start_server.sh',
			message: 'Script at specified location: scripts/start_server.sh run as user root failed with exit code 1',
			logTail: `[stdout]Starting ${app}...\n[stderr]Error: listen EADDRINUSE: address already in use :::8080\n[stderr]    at Server.setupListenHandle (node:net:1908:16)\n[stdout]${app} exited with status 1`,
		};
	}
	if (index === 1) {
		return {at: 'ValidateService', scriptName: 'scripts/validate_service.sh', message: 'Script at specified location: scripts/validate_service.sh run as user root failed with exit code 7', logTail: `[stdout]Checking http://localhost:8080/health\n[stderr]curl: (7) Failed to connect to localhost port 8080: Connection refused`};
	}
	return 'skipped';
}

export function deploymentInfo(run: ActionRun): Record<string, unknown> {
	const config = run.action.configuration ?? {};
	const failed = run.status === 'Failed';
	const status = run.status === 'InProgress' ? 'InProgress' : failed ? 'Failed' : run.status === 'Succeeded' ? 'Succeeded' : 'Stopped';
	const end = run.status === 'InProgress' ? undefined : run.lastUpdateTime;
	return {
		applicationName: config.ApplicationName ?? 'app',
		deploymentGroupName: config.DeploymentGroupName ?? 'group',
		deploymentConfigName: 'CodeDeployDefault.OneAtATime',
		deploymentId: run.externalId,
		status,
		...(failed ? {errorInformation: {code: 'HEALTH_CONSTRAINTS', message: 'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.'}} : {}),
		createTime: seconds(run.startTime),
		startTime: seconds(run.startTime),
		...(end === undefined ? {} : {completeTime: seconds(end)}),
		deploymentOverview: failed ? {Pending: 0, InProgress: 0, Succeeded: 0, Failed: 2, Skipped: 1, Ready: 0} : {Pending: 0, InProgress: status === 'InProgress' ? 1 : 0, Succeeded: status === 'Succeeded' ? 3 : 0, Failed: 0, Skipped: 0, Ready: 0},
		creator: 'user',
		computePlatform: 'Server',
		deploymentStyle: {deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL'},
	};
}

export function instanceTarget(run: ActionRun, index: number, region: string, accountId: string): Record<string, unknown> {
	const ids = instanceIds(run);
	const failure = run.status === 'Failed' ? failureOf(index, run.action.configuration?.ApplicationName ?? 'app') : undefined;
	const end = run.lastUpdateTime;
	const slot = Math.max(1000, end - run.startTime) / ids.length;
	const begin = run.startTime + slot * index;
	let state: 'done' | 'failed' | 'after' = 'done';
	const lifecycleEvents = EVENTS.map((name, step) => {
		const start = begin + (slot * step) / EVENTS.length;
		const stop = start + slot / EVENTS.length - 1;
		if (failure === 'skipped' || state !== 'done') return {lifecycleEventName: name, status: 'Skipped'};
		if (failure && failure.at === name) {
			state = 'failed';
			return {lifecycleEventName: name, diagnostics: {errorCode: 'ScriptFailed', scriptName: failure.scriptName, message: failure.message, logTail: failure.logTail}, startTime: seconds(start), endTime: seconds(stop), status: 'Failed'};
		}
		return {lifecycleEventName: name, diagnostics: {errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: ''}, startTime: seconds(start), endTime: seconds(stop), status: run.status === 'InProgress' ? 'Pending' : 'Succeeded'};
	});
	const status = failure === 'skipped' ? 'Skipped' : failure ? 'Failed' : run.status === 'Succeeded' ? 'Succeeded' : 'InProgress';
	return {
		deploymentTargetType: 'InstanceTarget',
		instanceTarget: {deploymentId: run.externalId, targetId: ids[index], targetArn: `arn:aws:ec2:${region}:${accountId}:instance/${ids[index]}`, status, lastUpdatedAt: seconds(end), lifecycleEvents},
	};
}
