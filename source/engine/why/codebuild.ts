/**
 * A CodeBuild action's cause: the phase that did not succeed and its contexts (BatchGetBuilds
 * `phases`), then the build log with the failed phase's lines marked, so the view opens at the
 * first error line of that phase and "failed part only" keeps just that phase.
 */

import type {Cause, CauseLine} from '../../store/cause-types.js';
import {list, ms, obj, str} from '../map-util.js';
import {actionFacts, actionLinks, isErrorText, line, summaryCause} from './lines.js';
import {readStream} from './log-stream.js';
import type {CauseContext} from './types.js';

const UNSUCCESSFUL = new Set(['FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED', 'CLIENT_ERROR']);

type Phase = {type: string; status?: string; start?: number; end?: number; contexts: string[]};

function phasesOf(build: Record<string, unknown>): Phase[] {
	return list(build.phases).map(raw => {
		const phase = obj(raw);
		const contexts = list(phase.contexts)
			.map(each => obj(each))
			.map(each => [str(each.statusCode), str(each.message)].filter(Boolean).join(': '))
			.filter(text => text !== '');
		return {type: str(phase.phaseType) ?? '?', status: str(phase.phaseStatus), start: ms(phase.startTime), end: ms(phase.endTime), contexts};
	});
}

export async function codeBuildCause({subject, read}: CauseContext): Promise<Cause> {
	const buildId = subject.externalExecutionId;
	if (!buildId) return summaryCause(subject, 'CodeBuild started no build for this run');
	const output = await read('BatchGetBuilds', (api, signal) => api.batchGetBuilds([buildId], {signal}));
	const build = obj(list(output.builds)[0]);
	if (!str(build.id)) return summaryCause(subject, `CodeBuild has no build ${buildId} (builds are kept for a year)`);
	const phases = phasesOf(build);
	const failed = phases.find(phase => phase.status !== undefined && UNSUCCESSFUL.has(phase.status));
	const status = str(build.buildStatus) ?? 'UNKNOWN';
	const headline = failed ? `${failed.type} phase ${failed.status}${failed.contexts[0] ? `: ${failed.contexts[0]}` : ''}` : `build ${buildId} ${status}`;
	const details = [`build ${buildId}: ${status}`, ...(failed?.contexts.slice(1) ?? []), ...actionFacts(subject)];
	const logs = obj(build.logs);
	const group = str(logs.groupName);
	const stream = str(logs.streamName);
	let lines: CauseLine[] = [];
	if (group && stream) {
		const events = await readStream(read, group, stream).catch(() => undefined);
		if (events === undefined) details.push(`the log ${group} ${stream} could not be read`);
		lines = (events ?? []).map(event => {
			const inPhase = failed?.start !== undefined && event.timestamp >= failed.start && event.timestamp <= (failed.end ?? Number.MAX_SAFE_INTEGER);
			return line(event.message, {timestamp: event.timestamp, error: isErrorText(event.message), failedPart: inPhase});
		});
	} else details.push('the build has no CloudWatch Logs stream');
	const deepLink = str(logs.deepLink);
	return {
		provider: 'CodeBuild',
		linesTitle: failed ? `Build log (${failed.type} phase marked)` : 'Build log',
		headline,
		details,
		lines,
		links: [...actionLinks(subject), ...(deepLink ? [{label: 'log', url: deepLink}] : [])],
	};
}
