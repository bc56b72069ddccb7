/**
 * A build's CloudWatch log stream, as CodeBuild writes it: `[Container] 2026/11/01 09:00:01.123 ...`
 * lines from the agent, interleaved with the plain output of the buildspec commands, each line
 * stamped within the phase that printed it. The full stream is a pure function of the build; only
 * the lines already ingested at `now` are visible, so a running build's log grows with time.
 * Messages end with a newline, as CodeBuild's do.
 */

import {Rng} from '../random.js';
import {buildPlan, flavourOf, testCommandOf, type Build} from './build.js';
import {scriptFor, type Command} from './flavours.js';
import type {PlannedPhase} from './phases.js';

export type LogLine = {timestamp: number; message: string; ingestionTime: number};

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

function stamp(ms: number): string {
	const date = new Date(ms);
	return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What `date` prints in the build container (UTC). */
function shellDate(ms: number): string {
	const date = new Date(ms);
	return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

class Writer {
	readonly lines: Array<{timestamp: number; message: string}> = [];
	container(at: number, text: string): void {
		this.lines.push({timestamp: Math.floor(at), message: `[Container] ${stamp(Math.floor(at))} ${text}\n`});
	}
	plain(at: number, text: string): void {
		this.lines.push({timestamp: Math.floor(at), message: `${text}\n`});
	}
}

function phaseOf(plan: PlannedPhase[], type: string): PlannedPhase | undefined {
	return plan.find(phase => phase.type === type);
}

/** Spreads commands over a phase; a failing last command ends the phase with the error lines. */
function runPhase(out: Writer, phase: PlannedPhase, commands: Command[], failing: boolean): void {
	const span = Math.max(1, phase.end - phase.start);
	out.container(phase.start + Math.min(80, span * 0.01), `Entering phase ${phase.type}`);
	const slot = (span * 0.9) / Math.max(1, commands.length);
	commands.forEach((command, index) => {
		const begin = phase.start + span * 0.02 + slot * index;
		out.container(begin, `Running command ${command.command}`);
		const output = command.command.startsWith('echo Build completed') ? [`Build completed on ${shellDate(begin)}`] : command.output;
		output.forEach((line, lineIndex) => out.plain(begin + ((lineIndex + 1) * slot * 0.85) / (output.length + 1), line));
	});
	const end = phase.end - Math.min(30, span * 0.005);
	const last = commands[commands.length - 1];
	if (failing && last) {
		out.container(end - 2, `Command did not exit successfully ${last.command} exit status 1`);
		out.container(end - 1, `Phase complete: ${phase.type} State: FAILED`);
		out.container(end, `Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: ${last.command}. Reason: exit status 1`);
	} else {
		out.container(end - 1, `Phase complete: ${phase.type} State: SUCCEEDED`);
		out.container(end, 'Phase context status code:  Message: ');
	}
}

function compose(build: Build): LogLine[] {
	const rng = new Rng(build.seed ^ 0x10c);
	const plan = buildPlan(build);
	const failing = build.outcome === 'FAILED';
	const script = scriptFor(flavourOf(build), rng, build.project, testCommandOf(build), failing);
	const out = new Writer();
	const source = phaseOf(plan, 'DOWNLOAD_SOURCE');
	if (source) {
		const dir = `/codebuild/output/src${rng.int(100000000, 999999999)}/src`;
		const step = Math.max(1, (source.end - source.start) / 24);
		let at = source.start;
		const next = () => (at += step);
		out.container(at, 'Running on CodeBuild On-demand');
		out.container(next(), 'Waiting for agent ping');
		out.container(next(), 'Waiting for DOWNLOAD_SOURCE');
		out.container(next(), 'Phase is DOWNLOAD_SOURCE');
		out.container(next(), `CODEBUILD_SRC_DIR=${dir}`);
		out.container(next(), `YAML location is ${dir}/buildspec.yml`);
		out.container(next(), 'Setting HTTP client timeout to higher timeout for S3 source');
		out.container(next(), 'Processing environment variables');
		out.container(next(), script.runtime);
		out.container(next(), `Moving to directory ${dir}`);
		out.container(next(), 'Cache is not defined in the buildspec');
		out.container(next(), 'Skip cache due to: no paths specified to be cached');
		out.container(next(), `Configuring ssm agent with target id: codebuild:${build.uuid}`);
		out.container(next(), 'Successfully updated ssm agent configuration');
		out.container(next(), 'Registering with agent');
		out.container(next(), 'Phases found in YAML: 4');
		out.container(next(), ` INSTALL: ${script.install.length} commands`);
		out.container(next(), ` PRE_BUILD: ${script.preBuild.length} commands`);
		out.container(next(), ` BUILD: ${script.build.length} commands`);
		out.container(next(), ` POST_BUILD: ${script.postBuild.length} commands`);
		out.container(next(), 'Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED');
		out.container(next(), 'Phase context status code:  Message: ');
	}
	const phases: Array<[string, Command[]]> = [
		['INSTALL', script.install],
		['PRE_BUILD', script.preBuild],
		['BUILD', script.build],
		['POST_BUILD', script.postBuild],
	];
	for (const [type, commands] of phases) {
		const phase = phaseOf(plan, type);
		if (phase) runPhase(out, phase, commands, failing && type === 'BUILD');
	}
	const upload = phaseOf(plan, 'UPLOAD_ARTIFACTS');
	if (upload) {
		const step = Math.max(1, (upload.end - upload.start) / 10);
		let at = upload.start;
		out.container(at, `Expanding base directory path: ${script.artifactsBase}`);
		out.container((at += step), 'Assembling file list');
		out.container((at += step), `Expanding ${script.artifactsBase}`);
		out.container((at += step), `Expanding file paths for base directory ${script.artifactsBase}`);
		out.container((at += step), 'Assembling file list');
		out.container((at += step), 'Expanding **/*');
		out.container((at += step), `Found ${rng.int(3, 400)} file(s)`);
		out.container((at += step), 'Set report auto-discover timeout to 5 seconds');
		out.container((at += step), 'Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED');
		out.container((at += step), 'Phase context status code:  Message: ');
	}
	const cut = build.stoppedAt ?? Number.POSITIVE_INFINITY;
	const kept = out.lines.filter(line => line.timestamp <= cut);
	// Keep order stable even where two lines share a millisecond.
	kept.sort((a, b) => a.timestamp - b.timestamp);
	return kept.map((line, index) => ({...line, ingestionTime: line.timestamp + 150 + ((index * 97) % 700)}));
}

/** A few recently read streams are kept composed; the rest are recomposed when read. */
const recent = new Map<Build, {stoppedAt: number | undefined; lines: LogLine[]}>();
const RECENT_LIMIT = 64;

function fullLog(build: Build): LogLine[] {
	const hit = recent.get(build);
	if (hit && hit.stoppedAt === build.stoppedAt) {
		recent.delete(build);
		recent.set(build, hit);
		return hit.lines;
	}
	const lines = compose(build);
	recent.set(build, {stoppedAt: build.stoppedAt, lines});
	if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as Build);
	return lines;
}

/** The lines CloudWatch holds at `now`. */
export function visibleLog(build: Build, now: number): LogLine[] {
	const lines = fullLog(build);
	let count = 0;
	while (count < lines.length && lines[count].ingestionTime <= now) count++;
	return count === lines.length ? lines : lines.slice(0, count);
}
