/**
 * CodeBuild builds started by CodeBuild actions. A build is a handful of numbers (ids, times,
 * outcome, seed); its phases and log lines are derived when asked, so a long history costs little.
 */

import {artifactKey} from '../artifacts.js';
import {seconds} from '../time.js';
import {phasesAt, planPhases, type PlannedPhase} from './phases.js';

export type BuildStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export type Build = {
	uuid: string;
	project: string;
	number: number;
	accountId: string;
	region: string;
	pipelineName: string;
	/** 'Build' or 'Test': tests run a different command in the BUILD phase. */
	category: string;
	startTime: number;
	plannedEnd: number;
	outcome: 'SUCCEEDED' | 'FAILED';
	status: BuildStatus;
	/** Set when stopped early (stop and abandon). */
	stoppedAt?: number;
	seed: number;
	/** Where the pipeline handed the input over: derived into sourceVersion when asked. */
	bucket: string;
	inputArtifact: string;
	executionId: string;
};

/** `project:uuid`, made when asked rather than stored with every build. */
export function buildId(build: Build): string {
	return `${build.project}:${build.uuid}`;
}

const planCache = new WeakMap<Build, PlannedPhase[]>();

export function buildPlan(build: Build): PlannedPhase[] {
	let plan = planCache.get(build);
	if (!plan) {
		plan = planPhases(build);
		planCache.set(build, plan);
	}
	return plan;
}

function buildEnd(build: Build): number | undefined {
	if (build.status === 'IN_PROGRESS') return undefined;
	return build.stoppedAt ?? build.plannedEnd;
}

function failedContext(build: Build): Array<{statusCode: string; message: string}> {
	return [{statusCode: 'COMMAND_EXECUTION_ERROR', message: `Error while executing command: ${failingCommandOf(build)}. Reason: exit status 1`}];
}

/** The command whose failure fails the build; log lines and contexts must agree on it. */
function failingCommandOf(build: Build): string {
	return testCommandOf(build);
}

const FLAVOUR_COMMANDS = {
	node: {Build: 'npm test', Test: 'npm run test:integration'},
	python: {Build: 'pytest -q', Test: 'pytest -q tests/integration'},
	java: {Build: './gradlew build', Test: './gradlew integrationTest'},
	go: {Build: 'go test ./...', Test: 'go test -tags=integration ./...'},
} as const;

export type Flavour = keyof typeof FLAVOUR_COMMANDS;

/** Which toolchain a project uses: fixed per project name so every build of it looks alike. */
export function flavourOf(build: Build): Flavour {
	const names = Object.keys(FLAVOUR_COMMANDS) as Flavour[];
	let hash = 0;
	for (const char of build.project) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return names[hash % names.length];
}

export function testCommandOf(build: Build): string {
	return FLAVOUR_COMMANDS[flavourOf(build)][build.category === 'Test' ? 'Test' : 'Build'];
}

/** The BatchGetBuilds view of a build at `now`. */
export function buildView(build: Build, now: number): Record<string, unknown> {
	const phases = phasesAt(buildPlan(build), now, build.stoppedAt);
	const last = phases[phases.length - 1];
	const end = buildEnd(build);
	const logsGroup = `/aws/codebuild/${build.project}`;
	const id = buildId(build);
	return {
		id,
		arn: `arn:aws:codebuild:${build.region}:${build.accountId}:build/${id}`,
		buildNumber: build.number,
		startTime: seconds(build.startTime),
		...(end === undefined ? {} : {endTime: seconds(end)}),
		currentPhase: last?.type ?? 'SUBMITTED',
		buildStatus: build.status,
		sourceVersion: `arn:aws:s3:::${build.bucket}/${artifactKey(build.pipelineName, build.executionId, build.inputArtifact)}`,
		projectName: build.project,
		phases: phases.map(phase => {
			if (phase.type === 'COMPLETED') return {phaseType: phase.type, startTime: seconds(phase.start)};
			if (phase.status === 'IN_PROGRESS') return {phaseType: phase.type, startTime: seconds(phase.start)};
			return {
				phaseType: phase.type,
				phaseStatus: phase.status,
				startTime: seconds(phase.start),
				endTime: seconds(phase.end),
				durationInSeconds: Math.round((phase.end - phase.start) / 1000),
				...(phase.status === 'FAILED' ? {contexts: failedContext(build)} : {contexts: [{statusCode: '', message: ''}]}),
			};
		}),
		source: {type: 'CODEPIPELINE', buildspec: 'buildspec.yml', insecureSsl: false},
		secondarySources: [],
		secondarySourceVersions: [],
		artifacts: {location: `arn:aws:s3:::${build.bucket}/${artifactKey(build.pipelineName, build.executionId, 'BuildArtifact')}`},
		cache: {type: 'NO_CACHE'},
		environment: {type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0', computeType: 'BUILD_GENERAL1_MEDIUM', environmentVariables: [], privilegedMode: false, imagePullCredentialsType: 'CODEBUILD'},
		serviceRole: `arn:aws:iam::${build.accountId}:role/service-role/codebuild-${build.project}-service-role`,
		logs: {
			groupName: logsGroup,
			streamName: build.uuid,
			deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${build.region}#logsV2:log-groups/log-group/${encodeURIComponent(encodeURIComponent(logsGroup))}/log-events/${build.uuid}`,
			cloudWatchLogsArn: `arn:aws:logs:${build.region}:${build.accountId}:log-group:${logsGroup}:log-stream:${build.uuid}`,
			cloudWatchLogs: {status: 'ENABLED'},
			s3Logs: {status: 'DISABLED', encryptionDisabled: false},
		},
		timeoutInMinutes: 60,
		queuedTimeoutInMinutes: 480,
		buildComplete: build.status !== 'IN_PROGRESS',
		initiator: `codepipeline/${build.pipelineName}`,
		encryptionKey: `arn:aws:kms:${build.region}:${build.accountId}:alias/aws/s3`,
	};
}

/** The error CodePipeline shows on a CodeBuild action whose build failed. */
export function buildFailure(build: Build): {code: string; message: string} {
	return {code: 'JobFailed', message: `Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ${failingCommandOf(build)}. Reason: exit status 1`};
}
