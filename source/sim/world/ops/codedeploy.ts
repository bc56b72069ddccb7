/** CodeDeploy GetDeployment, ListDeploymentTargets, BatchGetDeploymentTargets: the deployments CodeDeploy actions made. */

import {SimError} from '../../contract.js';
import {deploymentInfo, instanceIds, instanceTarget} from '../why/deployment.js';
import {runsWhere} from '../why/runs.js';
import type {Call, Handler} from './call.js';

function deploymentRun(call: Call, input: Record<string, unknown>) {
	const id = input.deploymentId;
	if (typeof id !== 'string' || id === '') throw new SimError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
	if (!/^d-[A-Z0-9]{9}$/.test(id)) throw new SimError('InvalidDeploymentIdException', `Specified deployment ID is not valid: ${id}`);
	const found = runsWhere(call.regionState, run => run.action.actionTypeId.provider === 'CodeDeploy' && run.externalId === id)[0];
	if (!found) throw new SimError('DeploymentDoesNotExistException', `Deployment ${id} does not exist`);
	return found.run;
}

export const getDeployment: Handler = (call, input) => ({deploymentInfo: deploymentInfo(deploymentRun(call, input))});

export const listDeploymentTargets: Handler = (call, input) => ({targetIds: instanceIds(deploymentRun(call, input))});

export const batchGetDeploymentTargets: Handler = (call, input) => {
	const run = deploymentRun(call, input);
	const wanted = input.targetIds;
	if (!Array.isArray(wanted) || wanted.length === 0) throw new SimError('DeploymentTargetIdRequiredException', 'A deployment target ID must be specified.');
	if (wanted.length > 25) throw new SimError('DeploymentTargetListSizeExceededException', 'The maximum number of targets that can be requested is 25.');
	const ids = instanceIds(run);
	return {
		deploymentTargets: wanted.map(target => {
			const index = ids.indexOf(String(target));
			if (index === -1) throw new SimError('DeploymentTargetDoesNotExistException', `Deployment target ${String(target)} does not exist for deployment ${String(input.deploymentId)}`);
			return instanceTarget(run, index, call.regionState.region, call.regionState.accountId);
		}),
	};
};
