/**
 * A world on a VirtualClock behind the real HTTP front on loopback, with an AWS config directory
 * written by the sim and real SDK clients whose credentials come from it through fromIni.
 */

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {CodeBuildClient} from '@aws-sdk/client-codebuild';
import {CodePipelineClient} from '@aws-sdk/client-codepipeline';
import {fromIni} from '@aws-sdk/credential-providers';
import {VirtualClock} from '../../../../source/shared/clock.js';
import type {Scenario} from '../../../../source/sim/contract.js';
import {startSim, type RunningSim} from '../../../../source/sim/start.js';
import {createWorld, type World} from '../../../../source/sim/world/index.js';

export type SimHarness = {
	sim: RunningSim;
	world: World;
	clock: VirtualClock;
	dir: string;
	configFile: string;
	credentialsFile: string;
	codepipeline(profile: string, region?: string): CodePipelineClient;
	codebuild(profile: string, region?: string): CodeBuildClient;
	logs(profile: string, region?: string): CloudWatchLogsClient;
	/** Any other SDK client (CloudFormation, CodeDeploy, ECS...) on the sim. */
	client<T extends {destroy(): void}>(Client: new (options: ReturnType<typeof Object>) => T, profile: string, region?: string): T;
	stop(): Promise<void>;
};

export async function startHarness(scenario: Scenario, seed = 3): Promise<SimHarness> {
	const clock = new VirtualClock();
	const world = createWorld({scenario, clock, seed});
	const sim = await startSim({world, clock, seed});
	const dir = mkdtempSync(join(tmpdir(), 'pipetop-ops-'));
	const {configFile, credentialsFile} = await sim.writeAwsDir(join(dir, 'aws'));
	const options = (profile: string, region?: string) => ({
		endpoint: sim.url,
		region: region ?? world.account(profile).regions[0],
		credentials: fromIni({profile, filepath: credentialsFile, configFilepath: configFile}),
		// One attempt: a test sees exactly what the service answered.
		maxAttempts: 1,
	});
	const made: Array<{destroy(): void}> = [];
	const keep = <T extends {destroy(): void}>(client: T): T => {
		made.push(client);
		return client;
	};
	return {
		sim,
		world,
		clock,
		dir,
		configFile,
		credentialsFile,
		codepipeline: (profile, region) => keep(new CodePipelineClient(options(profile, region))),
		codebuild: (profile, region) => keep(new CodeBuildClient(options(profile, region))),
		logs: (profile, region) => keep(new CloudWatchLogsClient(options(profile, region))),
		client: (Client, profile, region) => keep(new Client(options(profile, region))),
		async stop() {
			for (const client of made) client.destroy();
			world.stop();
			await sim.stop();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

export const ACCOUNTS: Scenario['accounts'] = [
	{profile: 'alpha', accountId: '210987654321', regions: ['us-east-1', 'eu-west-1']},
	{profile: 'beta', accountId: '123498765432', regions: ['eu-west-1']},
];

/** Runs a promise expected to fail and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<Error & {$metadata?: {httpStatusCode?: number}}> {
	try {
		await promise;
	} catch (error) {
		return error as Error & {$metadata?: {httpStatusCode?: number}};
	}
	throw new Error('expected the call to fail');
}
