/** CloudFormation DescribeStackEvents: the events of the stacks the pipelines' actions deploy. */

import {SimError} from '../../contract.js';
import {configOf, runsWhere} from '../why/runs.js';
import {eventsOfRun, stackIdOf, type StackEvent} from '../why/stack-events.js';
import type {Handler} from './call.js';

/** CloudFormation pages its events; 100 is what one page holds in practice. */
const PAGE = 100;

export const describeStackEvents: Handler = (call, input) => {
	const name = input.StackName;
	if (typeof name !== 'string' || name === '') throw new SimError('ValidationError', '1 validation error detected: Value null at \'stackName\' failed to satisfy constraint: Member must not be null');
	const byArn = name.startsWith('arn:aws:cloudformation:');
	const stack = byArn ? (name.split('/')[1] ?? '') : name;
	const runs = runsWhere(call.regionState, run => run.action.actionTypeId.provider === 'CloudFormation' && configOf(run, 'StackName') === stack && run.status !== undefined);
	if (runs.length === 0) throw new SimError('ValidationError', `Stack [${name}] does not exist`);
	const {region, accountId} = call.regionState;
	const stackId = byArn ? name : stackIdOf(runs[0].run, stack, region, accountId);
	const events: StackEvent[] = runs.flatMap(({run}) => eventsOfRun(run, stack, stackId, call.now));
	const scope = `DescribeStackEvents:${accountId}:${region}:${stack}`;
	const start = typeof input.NextToken === 'string' ? Number(call.tokens.open(input.NextToken, scope, 'ValidationError', 'Invalid NextToken')) : 0;
	const page = events.slice(start, start + PAGE);
	return {StackEvents: page, ...(start + PAGE < events.length ? {NextToken: call.tokens.seal(scope, start + PAGE)} : {})};
};
