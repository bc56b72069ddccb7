/**
 * The log groups CloudWatch Logs answers for: a CodeBuild project's (`/aws/codebuild/P`, its
 * builds' streams), a Lambda function's (`/aws/lambda/F`, one stream per pipeline invocation) and
 * a pipeline's Commands actions' (`/aws/codepipeline/NAME`, one stream per run).
 */

import type {Build} from '../builds/build.js';
import {visibleLog} from '../builds/log.js';
import type {RegionState} from '../registry.js';
import {commandsLines, commandsStream} from './commands-log.js';
import {lambdaLines, lambdaStreamName, type StreamLine} from './lambda-log.js';
import {configOf, runsWhere} from './runs.js';

export type SimStream = {name: string; lines(now: number): StreamLine[]};

function buildStream(build: Build): SimStream {
	return {name: build.uuid, lines: now => visibleLog(build, now)};
}

/** The streams of a group, or undefined when the group does not exist. */
export function logGroupStreams(state: RegionState, group: string): SimStream[] | undefined {
	const builds = state.logGroup(group);
	if (builds) return [...builds].map(buildStream);
	if (group.startsWith('/aws/codepipeline/')) {
		const pipeline = state.pipelines.get(group.slice('/aws/codepipeline/'.length));
		const runs = pipeline ? runsWhere(state, (run, owner) => owner === pipeline && run.action.actionTypeId.provider === 'Commands') : [];
		return runs.length === 0 ? undefined : runs.map(({run}) => ({name: commandsStream(run), lines: now => commandsLines(run, now)}));
	}
	if (!group.startsWith('/aws/lambda/')) return undefined;
	const name = group.slice('/aws/lambda/'.length);
	const runs = runsWhere(state, run => run.action.actionTypeId.provider === 'Lambda' && configOf(run, 'FunctionName') === name);
	return runs.length === 0 ? undefined : runs.map(({run}) => ({name: lambdaStreamName(run), lines: now => lambdaLines(run, now)}));
}

export function logStream(state: RegionState, group: string, stream: string): SimStream | undefined {
	const build = state.stream(group, stream);
	if (build) return buildStream(build);
	return group.startsWith('/aws/lambda/') || group.startsWith('/aws/codepipeline/') ? logGroupStreams(state, group)?.find(each => each.name === stream) : undefined;
}
