/**
 * What a Commands action (category Compute) writes to CloudWatch Logs: one stream per run in the
 * pipeline's group, each declared command and its output, the failing command last. The group and
 * stream names are UNVERIFIED (the user guide says only "CloudWatch Logs"): `/aws/codepipeline/PIPELINE`
 * and `STAGE-ACTION/RUN-ID`; ListActionExecutions points at the stream with its logStreamARN.
 */

import type {ActionRun, Pipeline} from '../model.js';
import type {StreamLine} from './lambda-log.js';

export function commandsGroup(pipelineName: string): string {
	return `/aws/codepipeline/${pipelineName}`;
}

export function commandsStream(run: ActionRun): string {
	return `${run.stageName}-${run.action.name}/${run.id}`;
}

export function commandsStreamArn(pipeline: Pipeline, run: ActionRun): string {
	return `arn:aws:logs:${run.action.region ?? pipeline.region}:${pipeline.accountId}:log-group:${commandsGroup(pipeline.name)}:log-stream:${commandsStream(run)}`;
}

function commandsOf(run: ActionRun): string[] {
	const declared = run.action.commands;
	return Array.isArray(declared) && declared.every(each => typeof each === 'string') && declared.length > 0 ? (declared as string[]) : ['echo no commands'];
}

export function commandsLines(run: ActionRun, now: number): StreamLine[] {
	const commands = commandsOf(run);
	const failed = run.status === 'Failed';
	const messages: string[] = ['Starting the Commands action compute (Linux, x86_64)'];
	commands.forEach((command, index) => {
		messages.push(`Running command: ${command}`);
		const last = index === commands.length - 1;
		if (failed && last) messages.push(`Error: ${command} failed: 2 of 14 end-to-end tests failed (checkout flow: expected 200, got 500)`, `Command did not exit successfully ${command} exit status 1`);
		else messages.push(`${command}: done`);
	});
	messages.push(failed ? 'Phase complete: Commands State: FAILED' : 'Phase complete: Commands State: SUCCEEDED');
	const span = Math.max(1000, run.lastUpdateTime - run.startTime);
	return messages
		.map((message, index) => {
			const timestamp = Math.floor(run.startTime + (span * index) / messages.length);
			return {timestamp, message: `${message}\n`, ingestionTime: timestamp + 200};
		})
		.filter(line => line.ingestionTime <= now);
}
